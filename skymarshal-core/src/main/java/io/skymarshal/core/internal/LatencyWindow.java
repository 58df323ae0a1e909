package io.skymarshal.core.internal;

import java.util.Arrays;

/**
 * The latest successful call latencies to one model (a ring of {@link #SIZE}), for the observed
 * percentile hedging waits for. Thread-safe.
 */
final class LatencyWindow {
  static final int SIZE = 256;

  private final long[] ring = new long[SIZE];
  private int next;
  private int count;

  synchronized void record(long nanos) {
    ring[next] = nanos;
    next = (next + 1) % SIZE;
    if (count < SIZE) {
      count++;
    }
  }

  synchronized int samples() {
    return count;
  }

  /** The {@code q}-quantile (nearest rank) of the window, or -1 when empty. */
  long quantile(double q) {
    long[] copy;
    synchronized (this) {
      if (count == 0) {
        return -1;
      }
      copy = Arrays.copyOf(ring, count);
    }
    Arrays.sort(copy);
    int rank = (int) Math.ceil(q * copy.length);
    return copy[Math.max(0, Math.min(copy.length - 1, rank - 1))];
  }
}
