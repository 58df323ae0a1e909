package io.skymarshal.examples.perf;

import io.skymarshal.core.AgentCall;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Phase;
import io.skymarshal.model.TokenUsage;
import java.util.List;
import java.util.Map;

/**
 * What one run of one configuration measured, in model time (milliseconds) where it says so.
 *
 * @param disruptionId    the disruption
 * @param decision        the decision, with its report
 * @param modelMs         the run's latency in model time
 * @param wallMs          the run's wall time as the engine reported it
 * @param criticalWallMs  the sum over phases of each phase's slowest call, wall time
 * @param phaseModelMs    each phase's duration in model time
 * @param calls           every call, with its model-time duration
 */
public record RunSample(String disruptionId, Decision decision, double modelMs, double wallMs, double criticalWallMs,
    Map<Phase, Double> phaseModelMs, List<CallSample> calls) {

  /**
   * One agent call.
   *
   * @param call    the engine's record of it
   * @param modelMs its duration in model time: its reads' wall time plus its model time
   */
  public record CallSample(AgentCall call, double modelMs) {}

  public RunSample {
    phaseModelMs = Map.copyOf(phaseModelMs);
    calls = List.copyOf(calls);
  }

  /** Wall time over the critical path: what the engine adds on top of the slowest call of each phase. */
  public double wallOverCritical() {
    return criticalWallMs == 0 ? 1 : wallMs / criticalWallMs;
  }

  public TokenUsage usage() {
    return decision.report().totalUsage();
  }

  public double costUsd() {
    return decision.report().totalCostUsd();
  }
}
