package io.skymarshal.core;

import java.util.concurrent.atomic.AtomicLong;

/** A fake {@link Ticker} for tests: each reading advances by a fixed step (negative: a broken clock). */
final class SteppingTicker implements Ticker {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final long step;

  SteppingTicker(long stepNanos) {
    this.step = stepNanos;
  }

  @Override
  public long read() {
    return now.addAndGet(step);
  }
}
