package io.skymarshal.airline;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily window of local wall-clock time, such as a curfew, possibly spanning midnight:
 * {@code 23:00-06:00} holds 23:30 and 05:59 but not 06:00. The start is inclusive, the end
 * exclusive. Immutable.
 *
 * @param from start, inclusive
 * @param to   end, exclusive; different from {@code from}
 */
public record LocalTimeWindow(LocalTime from, LocalTime to) {

  public LocalTimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) {
      throw new IllegalArgumentException("a local time window needs from != to but both were " + from);
    }
  }

  /** The window {@code from}-{@code to}, each {@code HH:mm}. */
  public static LocalTimeWindow parse(String from, String to) {
    return new LocalTimeWindow(LocalTime.parse(from), LocalTime.parse(to));
  }

  /** Whether the window spans midnight. */
  public boolean spansMidnight() {
    return to.isBefore(from);
  }

  /** Whether {@code time} falls in the window. */
  public boolean contains(LocalTime time) {
    if (spansMidnight()) {
      return !time.isBefore(from) || time.isBefore(to);
    }
    return !time.isBefore(from) && time.isBefore(to);
  }

  /** {@code 23:00-06:00}. */
  @Override
  public String toString() {
    return from + "-" + to;
  }
}
