package io.skymarshal.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The flight a disruption is about.
 *
 * @param flightNumber         e.g. {@code EY123}
 * @param origin               origin airport IATA code
 * @param destination          destination airport IATA code
 * @param scheduledDeparture   scheduled off-block time (an instant; compare instants, not strings)
 * @param scheduledArrival     scheduled on-block time
 * @param aircraftType         e.g. {@code A380}
 * @param aircraftRegistration e.g. {@code A6-APA}; null if not yet known
 */
public record FlightRef(String flightNumber, String origin, String destination, Instant scheduledDeparture,
    Instant scheduledArrival, String aircraftType, String aircraftRegistration) {

  public FlightRef {
    Objects.requireNonNull(flightNumber, "flightNumber");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(scheduledDeparture, "scheduledDeparture");
    Objects.requireNonNull(scheduledArrival, "scheduledArrival");
    if (scheduledArrival.isBefore(scheduledDeparture)) {
      throw new IllegalArgumentException("flight " + flightNumber + " arrives (" + scheduledArrival
          + ") before it departs (" + scheduledDeparture + ")");
    }
  }

  /** The flight's date: its scheduled departure date in UTC. */
  public LocalDate date() {
    return scheduledDeparture.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
