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

  /**
   * The {@link #errorType()} of a call or attempt that failed with {@code error}: the kind of a
   * {@code ModelException} in lower case ({@code throttled}, {@code timeout}, ...),
   * {@code local_quota} for a {@link io.skymarshal.model.QuotaExceededException}, {@code timeout}
   * for an agent timeout, else the exception's simple class name. {@code CompletionException} and
   * {@code ExecutionException} wrappers are looked through. For listeners that get a
   * {@code Throwable} ({@link RunListener#onAttemptFailed}) and name it as model calls are named.
   */
  public static String errorTypeOf(Throwable error) {
    Throwable c = java.util.Objects.requireNonNull(error, "error");
    while (c.getCause() != null && (c instanceof java.util.concurrent.CompletionException
        || c instanceof java.util.concurrent.ExecutionException)) {
      c = c.getCause();
    }
    if (c instanceof io.skymarshal.model.QuotaExceededException) {
      return "local_quota";
    }
    if (c instanceof io.skymarshal.model.ModelException m) {
      return m.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (c instanceof dev.failsafe.TimeoutExceededException) {
      return "timeout";
    }
    return c.getClass().getSimpleName();
  }

  /** {@link #latencyNanos()} in milliseconds, fractional. */
  public double latencyMs() {
    return latencyNanos / 1_000_000.0;
  }
}
