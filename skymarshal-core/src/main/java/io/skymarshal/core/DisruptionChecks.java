package io.skymarshal.core;

import static io.skymarshal.core.InvalidDisruptionException.excerpt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks behind {@link Disruption}'s limits, shared by every way a disruption is made.
 * Each throws {@link InvalidDisruptionException} naming the field. Stateless.
 */
final class DisruptionChecks {
  static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");
  // an airline designator (two characters, not both digits, or three ICAO letters), 1-4 digits,
  // an optional operational suffix
  private static final Pattern FLIGHT_NUMBER = Pattern.compile("(?:[A-Z]{2,3}|[A-Z][0-9]|[0-9][A-Z])[0-9]{1,4}[A-Z]?");
  private static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");
  private static final Pattern AIRCRAFT_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,15}");
  private static final Pattern REGISTRATION = Pattern.compile("(?=.{2,10}$)[A-Z0-9]+(?:-[A-Z0-9]+)?");

  private DisruptionChecks() {}

  /** A name-like value: not blank, at most {@code max} characters, no control or format characters. */
  static String label(String field, String value, int max) {
    if (value.isBlank()) {
      throw new InvalidDisruptionException(field, "must not be blank");
    }
    length(field, value, max);
    for (int i = 0; i < value.length(); i++) {
      int type = Character.getType(value.charAt(i));
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE && !pairedAt(value, i)) {
        throw new InvalidDisruptionException(field, "has a control, format or separator character at "
            + i + " in " + excerpt(value));
      }
    }
    return value;
  }

  private static boolean pairedAt(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** Free text: any characters (prompts escape them), at most {@code max} of them. */
  static String length(String field, String value, int max) {
    if (value.length() > max) {
      throw new InvalidDisruptionException(field, "text of " + value.length() + " characters is longer than " + max);
    }
    return value;
  }

  static String severity(String value) {
    if (!SEVERITIES.contains(value)) {
      throw new InvalidDisruptionException("severity", excerpt(value) + " is not one of low, medium, high, critical");
    }
    return value;
  }

  static Instant time(String field, Instant t) {
    if (t.isBefore(Disruption.EARLIEST_TIME) || !t.isBefore(Disruption.LATEST_TIME)) {
      throw new InvalidDisruptionException(field, t + " is not in [" + Disruption.EARLIEST_TIME + ", "
          + Disruption.LATEST_TIME + ")");
    }
    return t;
  }

  static Duration delay(Duration d) {
    if (d.isNegative() || d.compareTo(Disruption.MAX_ESTIMATED_DELAY) > 0) {
      throw new InvalidDisruptionException("estimatedDelay", d + " is not in [0, " + Disruption.MAX_ESTIMATED_DELAY
          + "]");
    }
    return d;
  }

  static FlightRef flight(FlightRef f) {
    matches("flight.flightNumber", f.flightNumber(), FLIGHT_NUMBER,
        "a flight number: an airline designator and 1-4 digits, such as EY123");
    matches("flight.origin", f.origin(), AIRPORT, "an IATA airport code of three capital letters");
    matches("flight.destination", f.destination(), AIRPORT, "an IATA airport code of three capital letters");
    if (f.origin().equals(f.destination())) {
      throw new InvalidDisruptionException("flight.destination", "is the origin " + f.origin() + " again");
    }
    time("flight.scheduledDeparture", f.scheduledDeparture());
    time("flight.scheduledArrival", f.scheduledArrival());
    Duration block = Duration.between(f.scheduledDeparture(), f.scheduledArrival());
    if (block.compareTo(Disruption.MAX_BLOCK_TIME) > 0) {
      throw new InvalidDisruptionException("flight.scheduledArrival", f.scheduledArrival() + " is " + block
          + " after the scheduled departure; at most " + Disruption.MAX_BLOCK_TIME);
    }
    if (f.aircraftType() != null) {
      matches("flight.aircraftType", f.aircraftType(), AIRCRAFT_TYPE, "an aircraft type code such as A380 or B789");
    }
    if (f.aircraftRegistration() != null) {
      matches("flight.aircraftRegistration", f.aircraftRegistration(), REGISTRATION,
          "a registration such as A6-APA (2-10 capital letters and digits, one hyphen at most)");
    }
    return f;
  }

  static Impact impact(Impact i) {
    List<String> special = i.specialCargo();
    if (special.size() > Disruption.MAX_SPECIAL_CARGO) {
      throw new InvalidDisruptionException("impact.specialCargo", special.size() + " kinds, more than "
          + Disruption.MAX_SPECIAL_CARGO);
    }
    for (int k = 0; k < special.size(); k++) {
      length("impact.specialCargo[" + k + "]", special.get(k), Disruption.MAX_LABEL_LENGTH);
    }
    return i;
  }

  private static void matches(String field, String value, Pattern p, String what) {
    if (!p.matcher(value).matches()) {
      throw new InvalidDisruptionException(field, excerpt(value) + " is not " + what);
    }
  }
}
