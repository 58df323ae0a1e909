package io.skymarshal.core.internal;

import io.skymarshal.core.AgentPolicy;
import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with relative jitter: before retry n (n = 1 after the first failure) it
 * waits min(max, initial * 2^(n-1)) scaled by a factor drawn uniformly from
 * [1 - jitter, 1 + jitter], never above max. The random source is injected so delays are
 * reproducible in tests.
 */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final double jitter;
  private final Random random;

  Backoff(AgentPolicy policy, Random random) {
    this.initial = policy.initialBackoff();
    this.max = policy.maxBackoff();
    this.jitter = policy.jitter();
    this.random = random;
  }

  /** The delay before retry {@code retry} (1-based). */
  Duration delayBefore(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1 but was " + retry);
    }
    long maxNanos = max.toNanos();
    long base = initial.toNanos();
    for (int i = 1; i < retry && base < maxNanos; i++) {
      base = base > maxNanos / 2 ? maxNanos : base * 2;
    }
    base = Math.min(base, maxNanos);
    double factor;
    synchronized (random) {
      factor = 1 + jitter * (2 * random.nextDouble() - 1);
    }
    return Duration.ofNanos(Math.min(maxNanos, Math.round(base * factor)));
  }
}
