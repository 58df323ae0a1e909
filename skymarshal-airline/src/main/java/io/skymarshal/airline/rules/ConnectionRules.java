package io.skymarshal.airline.rules;

import io.skymarshal.airline.Airport;
import io.skymarshal.airline.ConnectionType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Minimum connection times (MCT). An airport's own times win; these defaults apply where it
 * states none: same terminal 60 min, terminal change 90 min, interline 120 min. Immutable,
 * thread-safe.
 *
 * @param defaults a minimum connection time for every {@link ConnectionType}
 */
public record ConnectionRules(Map<ConnectionType, Duration> defaults) {

  private static final ConnectionRules DEFAULTS = new ConnectionRules(Map.of(
      ConnectionType.SAME_TERMINAL, Duration.ofMinutes(60),
      ConnectionType.TERMINAL_CHANGE, Duration.ofMinutes(90),
      ConnectionType.INTERLINE, Duration.ofMinutes(120)));

  public ConnectionRules {
    EnumMap<ConnectionType, Duration> copy = new EnumMap<>(ConnectionType.class);
    copy.putAll(defaults);
    for (ConnectionType t : ConnectionType.values()) {
      Duration d = copy.get(t);
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("a positive minimum connection time is needed for " + t + " but was " + d);
      }
    }
    defaults = Collections.unmodifiableMap(copy);
  }

  /** The defaults of DOMAIN.md. */
  public static ConnectionRules standard() {
    return DEFAULTS;
  }

  /** The minimum connection time of {@code type} at {@code airport}. */
  public Duration minimumConnectionTime(Airport airport, ConnectionType type) {
    return airport.minimumConnectionTime(type).orElse(defaults.get(type));
  }

  /** Whether arriving at {@code arrival} still makes a departure at {@code onwardDeparture} with {@code mct}. */
  public static boolean connectionHolds(Instant arrival, Instant onwardDeparture, Duration mct) {
    return !arrival.plus(mct).isAfter(onwardDeparture);
  }

  /** Whether the connection holds at {@code airport} for {@code type}. */
  public boolean connectionHolds(Airport airport, ConnectionType type, Instant arrival, Instant onwardDeparture) {
    return connectionHolds(arrival, onwardDeparture, minimumConnectionTime(airport, type));
  }
}
