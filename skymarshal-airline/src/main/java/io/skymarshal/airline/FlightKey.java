package io.skymarshal.airline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Identifies one flight: its number and its date, the UTC date of its scheduled departure (the
 * same date as {@link io.skymarshal.core.FlightRef#date()}). The key of the "by flight" tables.
 *
 * @param flightNumber e.g. {@code EY123}: a 2-character airline designator, 1-4 digits, an optional suffix letter
 * @param date         the UTC date of the scheduled departure
 */
public record FlightKey(String flightNumber, LocalDate date) implements Comparable<FlightKey> {

  public FlightKey {
    Checks.flightNumber(flightNumber);
    Objects.requireNonNull(date, () -> "date is required (flight " + flightNumber + ")");
  }

  /** The key of {@code flightNumber} on {@code isoDate} ({@code yyyy-MM-dd}). */
  public static FlightKey of(String flightNumber, String isoDate) {
    return new FlightKey(flightNumber, LocalDate.parse(isoDate));
  }

  @Override
  public int compareTo(FlightKey o) {
    int c = date.compareTo(o.date);
    return c != 0 ? c : flightNumber.compareTo(o.flightNumber);
  }

  /** {@code EY123/2026-01-30}. */
  @Override
  public String toString() {
    return flightNumber + "/" + date;
  }
}
