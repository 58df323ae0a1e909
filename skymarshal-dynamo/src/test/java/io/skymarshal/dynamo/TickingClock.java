package io.skymarshal.dynamo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves on by a fixed step every time it is read: time passes without sleeping. */
final class TickingClock extends Clock {
  private final AtomicLong nanos = new AtomicLong();
  private final long step;

  TickingClock(Duration step) {
    this.step = step.toNanos();
  }

  @Override
  public Instant instant() {
    return Instant.EPOCH.plusNanos(nanos.getAndAdd(step));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
