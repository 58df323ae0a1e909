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
 * @param modelId       the model that answered (as its replies name it, e.g. {@code offline}), else
 *                      the routed model; null if none
 * @param usage         tokens consumed by all its calls
 * @param costUsd       the cost of {@code usage} at the routed model's prices
 * @param cacheRead     whether any call read its prompt prefix from the cache
 * @param error         why it did not succeed; null when it did
 * @param pricedAs      when the model that answered is not the routed one, the routed model whose
 *                      prices {@code costUsd} is an estimate at; null when the routed model answered
 * @param queuedNanos   time its model calls waited for local quota permits ({@code ModelLimits}),
 *                      summed, {@code >= 0}; part of {@code durationNanos}
 */
public record AgentCall(String agent, Tier tier, Phase phase, CallStatus status, int attempts, int modelCalls,
    long durationNanos, String modelId, TokenUsage usage, double costUsd, boolean cacheRead, String error,
    String pricedAs, long queuedNanos) {

  public AgentCall {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(usage, "usage");
    if (durationNanos < 0) {
      throw new IllegalArgumentException("durationNanos must be >= 0 but was " + durationNanos);
    }
    if (queuedNanos < 0) {
      throw new IllegalArgumentException("queuedNanos must be >= 0 but was " + queuedNanos);
    }
    if (attempts < 0 || modelCalls < 0) {
      throw new IllegalArgumentException("attempts and modelCalls must be >= 0");
    }
  }

  /** A call that never waited for a quota permit. */
  public AgentCall(String agent, Tier tier, Phase phase, CallStatus status, int attempts, int modelCalls,
      long durationNanos, String modelId, TokenUsage usage, double costUsd, boolean cacheRead, String error,
      String pricedAs) {
    this(agent, tier, phase, status, attempts, modelCalls, durationNanos, modelId, usage, costUsd, cacheRead, error,
        pricedAs, 0);
  }

  /** A call answered by the routed model itself, never waiting for a quota permit. */
  public AgentCall(String agent, Tier tier, Phase phase, CallStatus status, int attempts, int modelCalls,
      long durationNanos, String modelId, TokenUsage usage, double costUsd, boolean cacheRead, String error) {
    this(agent, tier, phase, status, attempts, modelCalls, durationNanos, modelId, usage, costUsd, cacheRead, error, null, 0);
  }

  /** Whether {@link #costUsd()} is an estimate at another model's prices ({@link #pricedAs()}). */
  public boolean costEstimated() {
    return pricedAs != null;
  }

  /**
   * A short, low-cardinality name of why this call did not succeed, for logs, metrics and traces:
   * {@code timeout} when it timed out, else the exception's simple name that {@link #error()}
   * begins with (e.g. {@code ReplyFormatException}), else {@code failed}; null when it succeeded.
   */
  public String errorType() {
    if (status.succeeded()) {
      return null;
    }
    if (status == CallStatus.TIMED_OUT) {
      return "timeout";
    }
    if (error != null) {
      int colon = error.indexOf(':');
      String head = colon > 0 ? error.substring(0, colon) : "";
      if (head.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
        return head;
      }
    }
    return "failed";
  }

  /** {@link #queuedNanos()} in milliseconds, fractional. */
  public double queuedMs() {
    return queuedNanos / 1_000_000.0;
  }

  /** {@link #durationNanos()} in milliseconds, fractional. */
  public double durationMs() {
    return durationNanos / 1_000_000.0;
  }
}
