package io.skymarshal.core.spi;

import io.skymarshal.core.Disruption;
import java.util.function.UnaryOperator;

/**
 * Carries a context of the thread that starts a run (a tracing context, a security context, ...)
 * onto the engine's threads for the whole run, for contexts the engine does not know itself (it
 * carries the logging MDC on its own). Add one with {@code Orchestrator.builder().contextPropagator(...)};
 * {@code skymarshal-opentelemetry} provides one for the OpenTelemetry context.
 *
 * <p>{@link #capture} is called once per run, on the thread that called {@code Orchestrator.run}
 * or {@code runAsync}, after the listeners heard {@code onRunStarted}. The operator it returns
 * wraps every task the run hands to its executor (reads, prompt building, reply parsing, the
 * steps between model calls); the wrapped task must make the captured context current, run the
 * task, and restore what was there. Work that a {@code ModelClient} runs on its own threads is
 * outside the engine's reach.
 *
 * <p>Implementations must be thread-safe and must not throw: a {@code capture} that throws is
 * logged and that propagator is left out of the run.
 */
@FunctionalInterface
public interface ContextPropagator {

  /**
   * Captures the current context for the run of {@code disruption}; returns the operator that
   * wraps each of the run's tasks with it (or {@link UnaryOperator#identity()} for nothing to carry).
   */
  UnaryOperator<Runnable> capture(Disruption disruption);
}
