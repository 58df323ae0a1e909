package io.skymarshal.airline.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a delay spreads down an aircraft's rotation: each hour of delay adds about
 * {@code factor} hours to each downstream flight of the same aircraft (default 0.5: 30 minutes
 * per hour), the rest being absorbed by turnaround buffers. Immutable, thread-safe.
 *
 * @param factor downstream delay per unit of initial delay, in [0, 1]
 */
public record DelayPropagation(double factor) {

  private static final DelayPropagation DEFAULTS = new DelayPropagation(0.5);

  public DelayPropagation {
    if (!(factor >= 0 && factor <= 1)) {
      throw new IllegalArgumentException("propagation factor must be in [0, 1] but was " + factor);
    }
  }

  /** The default of DOMAIN.md: 30 minutes per hour of delay. */
  public static DelayPropagation defaults() {
    return DEFAULTS;
  }

  /**
   * The delay each downstream flight takes from an initial delay, rounded down to the second.
   *
   * @throws IllegalArgumentException if {@code initialDelay} is negative
   */
  public Duration downstreamDelay(Duration initialDelay) {
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException("initial delay must be >= 0 but was " + initialDelay);
    }
    return Duration.ofSeconds((long) Math.floor(initialDelay.toSeconds() * factor));
  }

  /** The delays of {@code downstreamFlights} flights after the delayed one, in rotation order. */
  public List<Duration> downstreamDelays(Duration initialDelay, int downstreamFlights) {
    if (downstreamFlights < 0) {
      throw new IllegalArgumentException("downstreamFlights must be >= 0 but was " + downstreamFlights);
    }
    Duration each = downstreamDelay(initialDelay);
    List<Duration> out = new ArrayList<>(downstreamFlights);
    for (int i = 0; i < downstreamFlights; i++) {
      out.add(each);
    }
    return out;
  }

  /** The delay minutes the rotation takes in all, the delayed flight included. */
  public Duration totalDelay(Duration initialDelay, int downstreamFlights) {
    return initialDelay.plus(downstreamDelay(initialDelay).multipliedBy(Math.max(0, downstreamFlights)));
  }
}
