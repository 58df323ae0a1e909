package io.skymarshal.core;

import io.skymarshal.model.TokenUsage;
import java.util.Objects;

/**
 * One request to a model, as {@link RunListener#onModelCall} observes it: every attempt, re-ask
 * and hedge of every agent call is one. An {@link AgentCall} sums its model calls together with
 * its reads and prompt building; this is the call alone. Immutable.
 *
 * @param agent        the agent (or arbitrator) that asked
 * @param tier         its tier
 * @param phase        the phase
 * @param modelId      the routed model the request addressed
 * @param attempt      the agent call's attempt this request belongs to, from 1
 * @param role         why it was sent
 * @param queuedNanos  time waiting for a local quota permit ({@code ModelLimits}) before sending, {@code >= 0}
 * @param latencyNanos time from sending to the outcome, {@code >= 0} (0 when never sent)
 * @param usage        tokens the reply reported; zero when there was no reply
 * @param costUsd      the cost of {@code usage} at the routed model's prices
 * @param outcome      how it ended
 * @param errorType    a short, low-cardinality name of why it failed (a {@code ModelException}
 *                     kind in lower case such as {@code throttled} or {@code timeout};
 *                     {@code local_quota} when a local quota refused it before sending; else the
 *                     exception's simple class name); null when it succeeded
 */
public record ModelCall(String agent, Tier tier, Phase phase, String modelId, int attempt, Role role,
    long queuedNanos, long latencyNanos, TokenUsage usage, double costUsd, Outcome outcome, String errorType) {

  /** Why a request was sent. */
  public enum Role {
    /** The attempt's request. */
    PRIMARY,
    /** A request again after a malformed or cut reply, within the same attempt. */
    REASK,
    /** A second, identical request sent because the first was slow ({@link Hedging}). */
    HEDGE
  }

  /** How a model call ended. */
  public enum Outcome {
    /** A reply came back. */
    SUCCEEDED,
    /** The call failed (an error from the model or the transport, or a local quota). */
    FAILED,
    /** The call was cancelled: its run ended, its agent timed out, or its hedge pair answered first. */
    CANCELLED
  }

  public ModelCall {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(outcome, "outcome");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1 but was " + attempt);
    }
    if (queuedNanos < 0 || latencyNanos < 0) {
      throw new IllegalArgumentException("queuedNanos and latencyNanos must be >= 0");
    }
    if ((outcome == Outcome.SUCCEEDED) != (errorType == null)) {
      throw new IllegalArgumentException("errorType must be null exactly when the call succeeded");
    }
  }

  /** {@link #latencyNanos()} in milliseconds, fractional. */
  public double latencyMs() {
    return latencyNanos / 1_000_000.0;
  }
}
