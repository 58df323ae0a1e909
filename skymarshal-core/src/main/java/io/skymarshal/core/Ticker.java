package io.skymarshal.core;

/**
 * The source of time for every duration the library measures: a monotonic reading in nanoseconds
 * (only differences are meaningful). The default is {@link #system()}; tests inject their own so
 * durations are exact and no test sleeps. A ticker must never go backwards: a negative duration is
 * rejected where it is recorded ({@link AgentCall}, {@link PhaseTiming}, {@link RunReport}), never
 * clamped away. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Ticker {

  /** The current reading, in nanoseconds. */
  long read();

  /** {@link System#nanoTime()}. */
  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}

/** The system ticker, a singleton. */
enum SystemTicker implements Ticker {
  INSTANCE;

  @Override
  public long read() {
    return System.nanoTime();
  }
}
