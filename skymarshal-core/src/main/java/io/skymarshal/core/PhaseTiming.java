package io.skymarshal.core;

import java.util.Objects;

/**
 * How long one phase took: from its start to the moment every outcome in it was final.
 *
 * @param phase         the phase
 * @param durationNanos its wall time, {@code >= 0}
 */
public record PhaseTiming(Phase phase, long durationNanos) {

  public PhaseTiming {
    Objects.requireNonNull(phase, "phase");
    if (durationNanos < 0) {
      throw new IllegalArgumentException("durationNanos must be >= 0 but was " + durationNanos);
    }
  }

  /** {@link #durationNanos()} in milliseconds, fractional. */
  public double durationMs() {
    return durationNanos / 1_000_000.0;
  }
}
