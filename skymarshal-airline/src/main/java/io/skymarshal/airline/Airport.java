package io.skymarshal.airline;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * An airport. Immutable; the map is copied.
 *
 * @param iata                   IATA code, e.g. {@code LHR}
 * @param name                   e.g. "London Heathrow"
 * @param zone                   its IANA time zone, e.g. {@code Europe/London}: curfews are local time in it
 * @param latitude               degrees north, in [-90, 90]
 * @param longitude              degrees east, in [-180, 180]
 * @param curfew                 the local curfew window; null when there is none
 * @param slotCoordinated        whether departures need a slot (lost when more than 15 min late, by default)
 * @param minimumConnectionTimes minimum connection time by connection type; empty where the airline
 *                               does not connect passengers (rules defaults then apply)
 */
public record Airport(String iata, String name, ZoneId zone, double latitude, double longitude, LocalTimeWindow curfew,
    boolean slotCoordinated, Map<ConnectionType, Duration> minimumConnectionTimes) {

  public Airport {
    Checks.iata(iata, "iata", "airport");
    String self = "airport " + iata;
    Checks.required(name, "name", self);
    Checks.required(zone, "zone", self);
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude must be in [-90, 90] but was " + latitude + " (" + self + ")");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude must be in [-180, 180] but was " + longitude + " (" + self + ")");
    }
    Checks.required(minimumConnectionTimes, "minimumConnectionTimes", self);
    EnumMap<ConnectionType, Duration> mct = new EnumMap<>(ConnectionType.class);
    minimumConnectionTimes.forEach((type, time) -> mct.put(Checks.required(type, "connection type", self),
        Checks.positive(time, "minimum connection time " + type, self)));
    minimumConnectionTimes = Collections.unmodifiableMap(mct);
  }

  /** The curfew window, if the airport has one. */
  public Optional<LocalTimeWindow> curfewWindow() {
    return Optional.ofNullable(curfew);
  }

  /** The airport's own minimum connection time for {@code type}, if it states one. */
  public Optional<Duration> minimumConnectionTime(ConnectionType type) {
    return Optional.ofNullable(minimumConnectionTimes.get(type));
  }
}
