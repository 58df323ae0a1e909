package io.skymarshal.core;

import io.skymarshal.model.TokenUsage;
import java.util.Objects;

/**
 * The record of one agent's work in one phase (or the arbitrator's in Phase 3). Immutable.
 *
 * @param agent         the agent's name
 * @param tier          its tier
 * @param phase         the phase
 * @param status        how it ended
 * @param attempts      Failsafe attempts made (1 when the first succeeded; 0 if no model was called)
 * @param modelCalls    model calls made, including a re-ask after a malformed reply
 * @param durationNanos wall time from the agent's start in the phase to its outcome, {@code >= 0}
 * @param modelId       the model called; null if none
 * @param usage         tokens consumed by all its calls
 * @param costUsd       the cost of {@code usage} at the model's prices
 * @param cacheRead     whether any call read its prompt prefix from the cache
 * @param error         why it did not succeed; null when it did
 */
public record AgentCall(String agent, Tier tier, Phase phase, CallStatus status, int attempts, int modelCalls,
    long durationNanos, String modelId, TokenUsage usage, double costUsd, boolean cacheRead, String error) {

  public AgentCall {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(usage, "usage");
    if (durationNanos < 0) {
      throw new IllegalArgumentException("durationNanos must be >= 0 but was " + durationNanos);
    }
    if (attempts < 0 || modelCalls < 0) {
      throw new IllegalArgumentException("attempts and modelCalls must be >= 0");
    }
  }

  /** {@link #durationNanos()} in milliseconds, fractional. */
  public double durationMs() {
    return durationNanos / 1_000_000.0;
  }
}
