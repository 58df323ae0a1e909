package io.skymarshal.airline;

/**
 * One passenger's booking on one flight, possibly connecting onward. Immutable.
 *
 * @param id               the booking reference
 * @param passengerId      the passenger
 * @param flight           the flight booked
 * @param cabin            the cabin
 * @param connectingFlight the onward flight at the destination; null when the journey ends there
 * @param connectionType   how the passenger connects; null exactly when {@code connectingFlight} is null
 */
public record Booking(String id, String passengerId, FlightKey flight, CabinClass cabin, FlightKey connectingFlight,
    ConnectionType connectionType) {

  public Booking {
    Checks.text(id, "id", "booking");
    String self = "booking " + id;
    Checks.text(passengerId, "passengerId", self);
    Checks.required(flight, "flight", self);
    Checks.required(cabin, "cabin", self);
    if ((connectingFlight == null) != (connectionType == null)) {
      throw new IllegalArgumentException("connectingFlight and connectionType must be both set or both null ("
          + self + ")");
    }
    if (flight.equals(connectingFlight)) {
      throw new IllegalArgumentException("connectingFlight is the booked flight " + flight + " (" + self + ")");
    }
  }

  /** A booking ending at the flight's destination. */
  public static Booking pointToPoint(String id, String passengerId, FlightKey flight, CabinClass cabin) {
    return new Booking(id, passengerId, flight, cabin, null, null);
  }

  /** Whether the passenger connects onward. */
  public boolean connects() {
    return connectingFlight != null;
  }
}
