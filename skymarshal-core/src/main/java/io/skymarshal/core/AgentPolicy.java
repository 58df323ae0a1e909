package io.skymarshal.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an agent may take in one phase and how its model calls are retried. Immutable and
 * thread-safe.
 *
 * <p>The timeout bounds the agent's whole work in the phase (data reads, every model attempt and
 * the waits between them); an agent cut at its timeout counts as failed. Retries happen only on
 * transient errors ({@link SkyMarshalException#retryable()}), with exponential backoff from
 * {@link #initialBackoff()} doubling up to {@link #maxBackoff()}, each delay varied by
 * {@link #jitter()} (a fraction: 0.25 means +/- 25 %).
 *
 * <p>Defaults ({@link #defaults(Tier, Phase)}): SAFETY 60 s, BUSINESS 45 s, ARBITRATOR 90 s, and
 * 30 s more in Phase 2 (as the earlier system gave it); 3 attempts; backoff 500 ms to 8 s; jitter 0.25.
 *
 * @param timeout        the agent's budget in one phase, {@code > 0}
 * @param maxAttempts    model attempts including the first, {@code >= 1}
 * @param initialBackoff the delay before the first retry, {@code >= 0}
 * @param maxBackoff     the largest delay between attempts, {@code >= initialBackoff}
 * @param jitter         relative jitter in [0, 1)
 */
public record AgentPolicy(Duration timeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {

  /** Extra time Phase 2 gets by default. */
  public static final Duration REVISION_EXTRA = Duration.ofSeconds(30);

  public AgentPolicy {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be > 0 but was " + timeout);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1 but was " + maxAttempts);
    }
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initialBackoff must be >= 0 but was " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must be >= initialBackoff (" + initialBackoff + ")");
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter must be in [0, 1) but was " + jitter);
    }
  }

  /** The default policy of {@code tier} in {@code phase}. */
  public static AgentPolicy defaults(Tier tier, Phase phase) {
    Duration base = switch (tier) {
      case SAFETY -> Duration.ofSeconds(60);
      case BUSINESS -> Duration.ofSeconds(45);
      case ARBITRATOR -> Duration.ofSeconds(90);
    };
    Duration timeout = phase == Phase.REVISION ? base.plus(REVISION_EXTRA) : base;
    return new AgentPolicy(timeout, 3, Duration.ofMillis(500), Duration.ofSeconds(8), 0.25);
  }

  /** A copy with another timeout. */
  public AgentPolicy withTimeout(Duration newTimeout) {
    return new AgentPolicy(newTimeout, maxAttempts, initialBackoff, maxBackoff, jitter);
  }

  /** A copy with another attempt limit. */
  public AgentPolicy withMaxAttempts(int newMaxAttempts) {
    return new AgentPolicy(timeout, newMaxAttempts, initialBackoff, maxBackoff, jitter);
  }

  /** A copy with another backoff range. */
  public AgentPolicy withBackoff(Duration newInitial, Duration newMax) {
    return new AgentPolicy(timeout, maxAttempts, newInitial, newMax, jitter);
  }

  /** A copy with another jitter. */
  public AgentPolicy withJitter(double newJitter) {
    return new AgentPolicy(timeout, maxAttempts, initialBackoff, maxBackoff, newJitter);
  }
}
