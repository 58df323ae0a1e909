package io.skymarshal.prompt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way prompts write values, so every prompt (and both styles) says the same thing the
 * same way. Stateless and thread-safe.
 */
public final class PromptValues {
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private PromptValues() {}

  /**
   * An instant in ISO 8601 UTC, without seconds when they are zero: {@code 2026-01-30T14:00Z}
   * (still valid ISO 8601, and what {@link Instant#parse} accepts on JDK 17+ only with seconds,
   * so use {@link #parseTime} to read it back).
   */
  public static String time(Instant t) {
    if (t.getEpochSecond() % 60 == 0 && t.getNano() == 0) {
      return MINUTES.format(t);
    }
    return t.toString();
  }

  /**
   * Reads what {@link #time} wrote, and any ISO 8601 instant with an offset.
   *
   * @throws java.time.format.DateTimeParseException if {@code s} is not such a time
   */
  public static Instant parseTime(String s) {
    return java.time.OffsetDateTime.parse(s).toInstant();
  }

  /** A ratio in [0, 1] with at most two decimals: {@code 0.85}, {@code 1}. */
  public static String ratio(double v) {
    return decimal(Math.round(v * 100) / 100.0);
  }

  /** A number without a trailing {@code .0}: {@code 3}, {@code 2.5}. */
  public static String decimal(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** Whole minutes: {@code 180}. */
  public static String minutes(Duration d) {
    return Long.toString(d.toMinutes());
  }
}
