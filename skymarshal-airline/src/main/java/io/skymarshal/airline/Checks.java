package io.skymarshal.airline;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the domain records; every message names the field and the record. */
final class Checks {

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
    if (!isIata(value)) {
      throw new IllegalArgumentException(field + " must be a 3-letter upper-case IATA code but was '"
          + value + "' (" + owner + ")");
    }
    return value;
  }

  static String flightNumber(String value) {
    Objects.requireNonNull(value, "flightNumber is required");
    if (!isFlightNumber(value)) {
      throw new IllegalArgumentException("flightNumber must be a 2-character airline designator, 1-4 digits and an"
          + " optional suffix letter (e.g. EY123) but was '" + value + "'");
    }
    return value;
  }

  // Hand-written rather than regular expressions: the generator creates keys by the hundred thousand.
  static boolean isIata(String s) {
    return s.length() == 3 && upper(s.charAt(0)) && upper(s.charAt(1)) && upper(s.charAt(2));
  }

  /** [A-Z0-9]{2}[0-9]{1,4}[A-Z]? */
  static boolean isFlightNumber(String s) {
    int n = s.length();
    if (n < 3 || n > 7 || !(upper(s.charAt(0)) || digit(s.charAt(0))) || !(upper(s.charAt(1)) || digit(s.charAt(1)))) {
      return false;
    }
    int end = upper(s.charAt(n - 1)) ? n - 1 : n;
    if (end - 2 < 1 || end - 2 > 4) {
      return false;
    }
    for (int i = 2; i < end; i++) {
      if (!digit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
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
