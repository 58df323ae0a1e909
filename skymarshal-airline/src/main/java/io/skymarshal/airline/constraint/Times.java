package io.skymarshal.airline.constraint;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Compact time formatting for constraint descriptions and violation messages. */
final class Times {
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
      .withZone(ZoneOffset.UTC);

  private Times() {}

  /** {@code 2026-01-30T14:15Z}; seconds shown only when not zero. */
  static String utc(Instant t) {
    return t.truncatedTo(ChronoUnit.MINUTES).equals(t) ? UTC.format(t) : t.toString();
  }

  static String minutes(Duration d) {
    return d.toMinutes() + " min";
  }
}
