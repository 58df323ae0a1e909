package io.skymarshal.core;

import io.skymarshal.model.TokenUsage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run cost and how long each part took. Immutable.
 *
 * <p>Invariants the engine guarantees (and the tests check): every duration is {@code >= 0};
 * each phase lasts at least as long as its slowest agent; the run lasts at least as long as
 * its phases together; totals are the sums over {@link #calls()}. Totals never throw: token
 * sums saturate at {@link Long#MAX_VALUE} ({@link TokenUsage#saturated()} then says so).
 *
 * @param disruptionId       the disruption decided about
 * @param calls              every agent call, in phase order then agent order, then the arbitrator's
 * @param phases             the phases that ran, in order
 * @param totalDurationNanos the whole run's wall time
 * @param resumedPhases      the phases taken from a stored checkpoint instead of run (see
 *                           {@link Orchestrator#decide}); their calls are not in {@link #calls()}, as
 *                           this run did not make them. Empty for a run from the start
 */
public record RunReport(String disruptionId, List<AgentCall> calls, List<PhaseTiming> phases, long totalDurationNanos,
    List<Phase> resumedPhases) {

  public RunReport {
    Objects.requireNonNull(disruptionId, "disruptionId");
    calls = List.copyOf(calls);
    phases = List.copyOf(phases);
    resumedPhases = List.copyOf(resumedPhases);
    if (totalDurationNanos < 0) {
      throw new IllegalArgumentException("totalDurationNanos must be >= 0 but was " + totalDurationNanos);
    }
  }

  /** A report of a run that resumed no phase. */
  public RunReport(String disruptionId, List<AgentCall> calls, List<PhaseTiming> phases, long totalDurationNanos) {
    this(disruptionId, calls, phases, totalDurationNanos, List.of());
  }

  /** The calls of one phase. */
  public List<AgentCall> calls(Phase phase) {
    return calls.stream().filter(c -> c.phase() == phase).toList();
  }

  /** The call of {@code agent} in {@code phase}, if it ran. */
  public Optional<AgentCall> call(String agent, Phase phase) {
    return calls.stream().filter(c -> c.phase() == phase && c.agent().equals(agent)).findFirst();
  }

  /** The timing of {@code phase}, if it ran. */
  public Optional<PhaseTiming> phase(Phase phase) {
    return phases.stream().filter(p -> p.phase() == phase).findFirst();
  }

  /** Tokens of all calls together; a count that would overflow is {@link Long#MAX_VALUE} (see {@link TokenUsage#saturated()}). */
  public TokenUsage totalUsage() {
    TokenUsage sum = TokenUsage.ZERO;
    for (AgentCall c : calls) {
      sum = sum.plus(c.usage());
    }
    return sum;
  }

  /**
   * Whether some of {@link #totalCostUsd()} is an estimate: calls answered by a model other than
   * the routed one (the offline or a simulated model) are costed at the routed model's prices.
   */
  public boolean costEstimated() {
    return calls.stream().anyMatch(AgentCall::costEstimated);
  }

  /** Cost of all calls together, in US dollars. */
  public double totalCostUsd() {
    double sum = 0;
    for (AgentCall c : calls) {
      sum += c.costUsd();
    }
    return sum;
  }

  /**
   * Time the run's model calls waited for local quota permits, summed over all calls (calls of
   * one phase wait side by side, so this can exceed the run's duration).
   */
  public long totalQueuedNanos() {
    long sum = 0;
    for (AgentCall c : calls) {
      sum += c.queuedNanos();
    }
    return sum;
  }

  /** {@link #totalDurationNanos()} in milliseconds, fractional. */
  public double totalDurationMs() {
    return totalDurationNanos / 1_000_000.0;
  }
}
