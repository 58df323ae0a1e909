package io.skymarshal.airline;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks shared by the domain records; every message names the field and the record. */
final class Checks {
  private static final Pattern IATA = Pattern.compile("[A-Z]{3}");
  private static final Pattern FLIGHT_NUMBER = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");

  private Checks() {}

  static String text(String value, String field, Object owner) {
    Objects.requireNonNull(value, () -> field + " is required (" + owner + ")");
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank (" + owner + ")");
    }
    return value;
  }

  static String iata(String value, String field, Object owner) {
    Objects.requireNonNull(value, () -> field + " is required (" + owner + ")");
    if (!IATA.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must be a 3-letter upper-case IATA code but was '"
          + value + "' (" + owner + ")");
    }
    return value;
  }

  static String flightNumber(String value) {
    Objects.requireNonNull(value, "flightNumber is required");
    if (!FLIGHT_NUMBER.matcher(value).matches()) {
      throw new IllegalArgumentException("flightNumber must be a 2-character airline designator, 1-4 digits and an"
          + " optional suffix letter (e.g. EY123) but was '" + value + "'");
    }
    return value;
  }

  static <T> T required(T value, String field, Object owner) {
    return Objects.requireNonNull(value, () -> field + " is required (" + owner + ")");
  }

  static BigDecimal nonNegative(BigDecimal value, String field, Object owner) {
    required(value, field, owner);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(field + " must be >= 0 but was " + value + " (" + owner + ")");
    }
    return value;
  }

  static Duration positive(Duration value, String field, Object owner) {
    required(value, field, owner);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive but was " + value + " (" + owner + ")");
    }
    return value;
  }
}
