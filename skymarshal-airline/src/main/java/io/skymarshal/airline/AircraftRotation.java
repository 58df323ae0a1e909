package io.skymarshal.airline;

import java.time.LocalDate;
import java.util.List;

/**
 * The flights one aircraft is planned to fly on one UTC date, in departure order: the item of the
 * rotations table, used to find downstream flights. Immutable.
 *
 * @param registration the aircraft
 * @param date         the UTC date of the flights' scheduled departures
 * @param flights      the flights, earliest departure first
 */
public record AircraftRotation(String registration, LocalDate date, List<FlightKey> flights) {

  public AircraftRotation {
    Checks.text(registration, "registration", "rotation");
    Checks.required(date, "date", "rotation of " + registration);
    flights = List.copyOf(Checks.required(flights, "flights", "rotation of " + registration + " on " + date));
  }

  /** This rotation's key. */
  public RotationKey key() {
    return new RotationKey(registration, date);
  }

  /** The flights after {@code flight} in the rotation; empty if it is the last or not in it. */
  public List<FlightKey> downstreamOf(FlightKey flight) {
    int i = flights.indexOf(flight);
    return i < 0 ? List.of() : flights.subList(i + 1, flights.size());
  }
}
