package io.skymarshal.core.internal;

import io.skymarshal.core.AgentCall;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.PhaseTiming;
import io.skymarshal.core.spi.ContextPropagator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The state of one run: the disruption, the clock, the report being collected, and an executor
 * that carries the logging MDC of the thread that started the run (every key, e.g. a trace id),
 * the disruption id, and the contexts of the run's {@link ContextPropagator}s onto the engine's
 * threads. Thread-safe.
 */
final class RunContext {
  static final String MDC_KEY = "disruptionId";
  private static final Logger LOG = LoggerFactory.getLogger("io.skymarshal.run");

  final Disruption disruption;
  final Listeners listeners;
  final Executor executor;
  private final io.skymarshal.core.Ticker ticker;
  final long startNanos;
  /** The MDC of the thread that started the run, with the disruption id. */
  private final Map<String, String> mdc;
  private final UnaryOperator<Runnable> propagation;
  private final List<AgentCall> calls = new ArrayList<>();
  private final List<PhaseTiming> phases = new ArrayList<>();
  private final List<Phase> resumed = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Where the run is: it ends either DONE (with a decision or an engine fault) or CANCELLED, once. */
  private enum State { RUNNING, CANCELLED, DONE }

  private State state = State.RUNNING;
  /** Every execution started for this run, to cancel them with it. */
  private final List<CallExecution> executions = new ArrayList<>();

  /** Made on the thread that starts the run: its MDC and the propagators' contexts are captured here. */
  RunContext(Disruption disruption, Listeners listeners, Executor base, io.skymarshal.core.Ticker ticker,
      List<ContextPropagator> propagators) {
    this.disruption = disruption;
    this.listeners = listeners;
    this.ticker = ticker;
    Map<String, String> callers = MDC.getCopyOfContextMap();
    Map<String, String> m = callers == null ? new HashMap<>() : new HashMap<>(callers);
    m.put(MDC_KEY, disruption.id());
    this.mdc = Collections.unmodifiableMap(m);
    this.propagation = capture(disruption, propagators);
    this.executor = task -> {
      Runnable t = propagation.apply(task);
      try {
        base.execute(() -> withMdc(t));
      } catch (RejectedExecutionException e) {
        // the pool was shut down under a straggler (e.g. a cancelled agent's last step): run it
        // here so no future is left incomplete
        withMdc(t);
      }
    };
    this.startNanos = ticker.read();
  }

  /**
   * Tracks {@code execution} so that cancelling the run cancels it; cancels it at once if the run
   * was already cancelled.
   */
  void track(CallExecution execution) {
    boolean cancelNow;
    synchronized (executions) {
      cancelNow = state == State.CANCELLED;
      if (!cancelNow) {
        executions.add(execution);
      }
    }
    if (cancelNow) {
      execution.cancel();
    }
  }

  /**
   * Cancels the run if it has not ended: every tracked execution is cancelled (asynchronously) and
   * {@link #cancelled()} turns true, so nothing new starts. Returns whether it did.
   */
  boolean cancel() {
    List<CallExecution> toCancel;
    synchronized (executions) {
      if (state != State.RUNNING) {
        return false;
      }
      state = State.CANCELLED;
      toCancel = new ArrayList<>(executions);
      executions.clear();
    }
    toCancel.forEach(CallExecution::cancel);
    return true;
  }

  /** Ends the run as done, unless it was cancelled first; returns false if it was. */
  boolean finish() {
    synchronized (executions) {
      if (state == State.CANCELLED) {
        return false;
      }
      state = State.DONE;
      executions.clear();
      return true;
    }
  }

  /** Whether the run was cancelled: nothing new may start. */
  boolean cancelled() {
    synchronized (executions) {
      return state == State.CANCELLED;
    }
  }

  long now() {
    return ticker.read();
  }

  /**
   * The propagators' wrappers for this run, composed in order (the first outermost); a propagator
   * whose capture throws is logged and left out.
   */
  private static UnaryOperator<Runnable> capture(Disruption disruption, List<ContextPropagator> propagators) {
    UnaryOperator<Runnable> all = UnaryOperator.identity();
    for (ContextPropagator p : propagators) {
      UnaryOperator<Runnable> one;
      try {
        one = java.util.Objects.requireNonNull(p.capture(disruption), "capture returned null");
      } catch (RuntimeException e) {
        LOG.warn("context propagator {} threw; its context is not carried", p.getClass().getName(), e);
        continue;
      }
      UnaryOperator<Runnable> outer = all;
      all = task -> outer.apply(one.apply(task));
    }
    return all;
  }

  /**
   * Runs {@code task} with the MDC of the thread that started the run and this run's disruption
   * id, restoring the thread's own MDC after.
   */
  void withMdc(Runnable task) {
    Map<String, String> previous = MDC.getCopyOfContextMap();
    MDC.setContextMap(mdc);
    try {
      task.run();
    } finally {
      if (previous == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previous);
      }
    }
  }

  void recordCall(AgentCall call) {
    synchronized (calls) {
      calls.add(call);
    }
    // the level is checked first, so a disabled line costs no argument boxing and no MDC switch
    boolean succeeded = call.status().succeeded();
    if (succeeded ? LOG.isDebugEnabled() : call.status() != io.skymarshal.core.CallStatus.SKIPPED && LOG.isWarnEnabled()) {
      withMdc(() -> {
        if (succeeded) {
          LOG.debug("{} {} {} in {} ms, {} attempt(s), {} in / {} out tokens", call.phase().reportName(), call.agent(),
              call.status(), Math.round(call.durationMs()), call.attempts(), call.usage().totalInputTokens(),
              call.usage().outputTokens());
        } else {
          LOG.warn("{} {} agent {} {} after {} ms: {} (model {})", call.phase().reportName(), call.tier(), call.agent(),
              call.status(), Math.round(call.durationMs()), call.error(), call.modelId());
        }
      });
    }
    listeners.onAgentCompleted(disruption, call);
  }

  void recordPhase(PhaseTiming timing) {
    synchronized (phases) {
      phases.add(timing);
    }
    if (LOG.isInfoEnabled()) {
      withMdc(() -> LOG.info("{} done in {} ms", timing.phase().reportName(), Math.round(timing.durationMs())));
    }
    listeners.onPhaseCompleted(disruption, timing);
  }

  void modelCall(io.skymarshal.core.ModelCall call) {
    listeners.onModelCall(disruption, call);
  }

  void attemptFailed(String agent, Phase phase, int attempt, Throwable error, boolean willRetry) {
    withMdc(() -> LOG.info("{} {} attempt {} failed{}: {}", phase.reportName(), agent, attempt,
        willRetry ? ", retrying" : "", error.toString()));
    listeners.onAttemptFailed(disruption, agent, phase, attempt, error, willRetry);
  }

  /** The calls so far, in phase order, then in {@code agentOrder}, the arbitrator last. */
  List<AgentCall> calls(Map<String, Integer> agentOrder) {
    List<AgentCall> copy;
    synchronized (calls) {
      copy = new ArrayList<>(calls);
    }
    copy.sort(Comparator.comparing(AgentCall::phase)
        .thenComparing(c -> agentOrder.getOrDefault(c.agent(), Integer.MAX_VALUE)));
    return copy;
  }

  /** Records that {@code phase} was taken from a checkpoint instead of run. */
  void resumed(Phase phase) {
    resumed.add(phase);
  }

  List<Phase> resumedPhases() {
    return List.copyOf(resumed);
  }

  List<PhaseTiming> phases() {
    synchronized (phases) {
      return List.copyOf(phases);
    }
  }

  static Logger log() {
    return LOG;
  }
}
