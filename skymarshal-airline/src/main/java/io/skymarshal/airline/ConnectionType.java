package io.skymarshal.airline;

/**
 * How a passenger connects at an airport; each type has its own minimum connection time
 * (defaults 60, 90 and 120 minutes, see {@link io.skymarshal.airline.rules.ConnectionRules}).
 */
public enum ConnectionType {
  /** Airside, same terminal, bags through-checked. */
  SAME_TERMINAL,
  /** Airside with a change of terminal. */
  TERMINAL_CHANGE,
  /** Onto another carrier or with bags to recheck. */
  INTERLINE
}
