package io.skymarshal.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Hedged model calls, against the slow tail: when a request has not answered after a delay, the
 * same request is sent a second time; the first reply is taken and the other request cancelled.
 * Both are counted in tokens and cost (a request cancelled before its reply reports none; the
 * provider may still bill its input). A hedge is sent only while its agent call is still wanted,
 * at most one per request; a request that fails before the delay is retried as usual, not hedged.
 *
 * <p>The delay is fixed ({@link #after}) or follows the model's observed latency
 * ({@link #atObservedP95}): the 95th percentile of the orchestrator's recent successful calls to
 * that model, so about one call in twenty is hedged. Off by default ({@link #off()}). Immutable.
 */
public final class Hedging {
  private static final Hedging OFF = new Hedging(null, null, 0);

  /** Samples the observed percentile needs before it replaces the fallback delay. */
  public static final int DEFAULT_MIN_SAMPLES = 20;

  private final Duration fixed;
  private final Duration fallback;
  private final int minSamples;

  private Hedging(Duration fixed, Duration fallback, int minSamples) {
    this.fixed = fixed;
    this.fallback = fallback;
    this.minSamples = minSamples;
  }

  /** No hedging: one request at a time. The default. */
  public static Hedging off() {
    return OFF;
  }

  /** Hedge a request that has not answered after {@code delay}. */
  public static Hedging after(Duration delay) {
    return new Hedging(positive(delay, "delay"), null, 0);
  }

  /**
   * Hedge a request that has not answered after the model's observed 95th percentile latency;
   * {@code fallback} until {@link #DEFAULT_MIN_SAMPLES} calls to the model have succeeded.
   */
  public static Hedging atObservedP95(Duration fallback) {
    return new Hedging(null, positive(fallback, "fallback"), DEFAULT_MIN_SAMPLES);
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + d);
    }
    return d;
  }

  /** Whether requests are hedged. */
  public boolean enabled() {
    return fixed != null || fallback != null;
  }

  /** Whether the delay follows the observed p95 rather than a fixed value. */
  public boolean observed() {
    return fallback != null;
  }

  /**
   * The delay before a hedge, given the model's observed p95 ({@code observedP95Nanos}, negative
   * when unknown) and how many calls it was observed over.
   *
   * @throws IllegalStateException if hedging is off
   */
  public long delayNanos(long observedP95Nanos, int samples) {
    if (fixed != null) {
      return fixed.toNanos();
    }
    if (fallback == null) {
      throw new IllegalStateException("hedging is off");
    }
    return observedP95Nanos > 0 && samples >= minSamples ? observedP95Nanos : fallback.toNanos();
  }

  @Override
  public String toString() {
    if (fixed != null) {
      return "Hedging.after(" + fixed + ")";
    }
    return fallback != null ? "Hedging.atObservedP95(fallback " + fallback + ")" : "Hedging.off()";
  }
}
