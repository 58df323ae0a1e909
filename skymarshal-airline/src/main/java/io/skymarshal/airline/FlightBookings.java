package io.skymarshal.airline;

import java.util.List;

/**
 * The bookings on one flight: the item of the "bookings by flight" table. Immutable.
 *
 * @param flight   the flight
 * @param bookings its bookings, each on {@code flight}
 */
public record FlightBookings(FlightKey flight, List<Booking> bookings) {

  public FlightBookings {
    Checks.required(flight, "flight", "flight bookings");
    bookings = List.copyOf(Checks.required(bookings, "bookings", "bookings of " + flight));
    for (Booking b : bookings) {
      if (!b.flight().equals(flight)) {
        throw new IllegalArgumentException("booking " + b.id() + " is on " + b.flight() + ", not on " + flight);
      }
    }
  }

  /** How many bookings connect onward. */
  public int connectingCount() {
    return (int) bookings.stream().filter(Booking::connects).count();
  }
}
