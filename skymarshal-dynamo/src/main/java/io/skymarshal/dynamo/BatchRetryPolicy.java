package io.skymarshal.dynamo;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;

/**
 * How a DynamoDB read or write retries what the service did not do: unprocessed keys or items,
 * throttling ({@code ProvisionedThroughputExceededException}, {@code RequestLimitExceeded},
 * {@code ThrottlingException}), server errors (HTTP 5xx) and broken connections. Each request
 * (a chunk of at most 100 keys, a query page, a write batch) gets its own budget: at most
 * {@link #maxAttempts()} attempts within {@link #maxDuration()}. Between attempts it waits an
 * exponential backoff with full jitter: a uniformly random delay in
 * {@code [0, min(maxDelay, baseDelay * 2^(retry - 1))]}. What is left when the budget runs out
 * is reported, never dropped.
 *
 * <p>Defaults: 8 attempts, 10 s, base delay 25 ms, max delay 1 s, unseeded jitter, the system
 * clock, a shared daemon timer thread for backoffs, no listener. Immutable and thread-safe.
 */
public final class BatchRetryPolicy {
  private static final BatchRetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration maxDuration;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Long jitterSeed;
  private final Random jitter;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final RetryListener listener;

  private BatchRetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.maxDuration = b.maxDuration;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.jitterSeed = b.jitterSeed;
    this.jitter = b.jitterSeed == null ? new Random() : new Random(b.jitterSeed);
    this.clock = b.clock;
    this.scheduler = b.scheduler;
    this.listener = b.listener;
  }

  /** The default policy. */
  public static BatchRetryPolicy defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Attempts per request, the first included; at least 1. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Time per request from its first attempt; no retry starts after it. */
  public Duration maxDuration() {
    return maxDuration;
  }

  /** The backoff cap of the first retry. */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** The largest backoff cap. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The clock the time budget is measured on. */
  public Clock clock() {
    return clock;
  }

  /** Where backoffs wait before a retry starts; null for the shared daemon timer thread. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** Told about every retry; never null. */
  public RetryListener listener() {
    return listener;
  }

  /** The cap of the backoff before retry number {@code retry} (1 for the first retry). */
  public Duration backoffCap(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1 but was " + retry);
    }
    long base = baseDelay.toNanos();
    long cap = maxDelay.toNanos();
    int shift = Math.min(retry - 1, 62);
    long exp = base > (cap >> shift) ? cap : base << shift;
    return Duration.ofNanos(Math.min(cap, exp));
  }

  /** A full-jitter delay before retry number {@code retry}: uniform in {@code [0, backoffCap(retry)]}. */
  public Duration nextDelay(int retry) {
    long cap = backoffCap(retry).toNanos();
    double u;
    synchronized (jitter) {
      u = jitter.nextDouble();
    }
    return Duration.ofNanos((long) (u * (cap + 1)));
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.maxDuration = maxDuration;
    b.baseDelay = baseDelay;
    b.maxDelay = maxDelay;
    b.jitterSeed = jitterSeed;
    b.clock = clock;
    b.scheduler = scheduler;
    b.listener = listener;
    return b;
  }

  @Override
  public String toString() {
    return "BatchRetryPolicy[maxAttempts=" + maxAttempts + ", maxDuration=" + maxDuration + ", baseDelay="
        + baseDelay + ", maxDelay=" + maxDelay + "]";
  }

  /** Observes retries, e.g. for metrics. Called on the thread that schedules the retry; must not block. */
  @FunctionalInterface
  public interface RetryListener {
    /** No-op. */
    RetryListener NONE = e -> {};

    void onRetry(RetryEvent event);
  }

  /**
   * One scheduled retry.
   *
   * @param table     the table
   * @param operation {@code BatchGetItem}, {@code GetItem}, {@code Query} or {@code BatchWriteItem}
   * @param attempt   the attempt that just failed, from 1
   * @param delay     the wait before the next attempt
   * @param pending   keys or items still to do
   * @param cause     why: a throttling or server error, or an unprocessed-keys marker
   */
  public record RetryEvent(String table, String operation, int attempt, Duration delay, int pending, Throwable cause) {}

  /** Builds a {@link BatchRetryPolicy}; each setter checks its argument. Not thread-safe. */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();

    private int maxAttempts = 8;
    private Duration maxDuration = Duration.ofSeconds(10);
    private Duration baseDelay = Duration.ofMillis(25);
    private Duration maxDelay = Duration.ofSeconds(1);
    private Long jitterSeed;
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;
    private RetryListener listener = RetryListener.NONE;

    private Builder() {}

    /** Attempts per request, the first included; 1 means no retry. Default 8. */
    public Builder maxAttempts(int maxAttempts) {
      given.once("maxAttempts");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1 but was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Time budget per request, measured on {@link #clock}. Default 10 s. */
    public Builder maxDuration(Duration maxDuration) {
      given.once("maxDuration");
      this.maxDuration = positive(maxDuration, "maxDuration");
      return this;
    }

    /** The backoff cap of the first retry; it doubles each retry up to {@link #maxDelay}. Default 25 ms. */
    public Builder baseDelay(Duration baseDelay) {
      given.once("baseDelay");
      this.baseDelay = positive(baseDelay, "baseDelay");
      return this;
    }

    /** The largest backoff cap. Default 1 s. */
    public Builder maxDelay(Duration maxDelay) {
      given.once("maxDelay");
      this.maxDelay = positive(maxDelay, "maxDelay");
      return this;
    }

    /** Seeds the jitter, for reproducible delays in tests. Default unseeded. */
    public Builder jitterSeed(long seed) {
      given.once("jitterSeed");
      this.jitterSeed = seed;
      return this;
    }

    /** The clock the time budget is measured on. Default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      given.once("clock");
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where backoffs wait; the retry starts on its thread (starting one only sends a non-blocking
     * request). Default one shared daemon timer thread.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      given.once("scheduler");
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Told about every retry. Default none. */
    public Builder listener(RetryListener listener) {
      given.once("listener");
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** @throws IllegalArgumentException if baseDelay exceeds maxDelay */
    public BatchRetryPolicy build() {
      if (baseDelay.compareTo(maxDelay) > 0) {
        throw new IllegalArgumentException("baseDelay " + baseDelay + " exceeds maxDelay " + maxDelay);
      }
      return new BatchRetryPolicy(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive but was " + d);
      }
      return d;
    }
  }
}
