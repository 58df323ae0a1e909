package io.skymarshal.airline;

import io.skymarshal.core.FlightRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One flight of the schedule. All times are instants (UTC); local times are derived with the
 * airport's zone, never stored. Immutable.
 *
 * @param number               e.g. {@code EY123}
 * @param date                 the UTC date of {@code scheduledDeparture}
 * @param origin               origin IATA code
 * @param destination          destination IATA code, different from {@code origin}
 * @param scheduledDeparture   scheduled off-block
 * @param scheduledArrival     scheduled on-block, after {@code scheduledDeparture}
 * @param estimatedDeparture   current estimate of off-block; equals the schedule when on time
 * @param estimatedArrival     current estimate of on-block, not before {@code estimatedDeparture}
 * @param aircraftRegistration e.g. {@code A6-APA}
 * @param aircraftType         e.g. {@code A380}
 * @param status               the flight's status
 */
public record Flight(String number, LocalDate date, String origin, String destination,
    Instant scheduledDeparture, Instant scheduledArrival, Instant estimatedDeparture, Instant estimatedArrival,
    String aircraftRegistration, String aircraftType, FlightStatus status) {

  public Flight {
    Checks.flightNumber(number);
    String self = "flight " + number;
    Checks.required(date, "date", self);
    Checks.iata(origin, "origin", self);
    Checks.iata(destination, "destination", self);
    if (origin.equals(destination)) {
      throw new IllegalArgumentException("origin and destination are both " + origin + " (" + self + ")");
    }
    Checks.required(scheduledDeparture, "scheduledDeparture", self);
    Checks.required(scheduledArrival, "scheduledArrival", self);
    Checks.required(estimatedDeparture, "estimatedDeparture", self);
    Checks.required(estimatedArrival, "estimatedArrival", self);
    if (!scheduledArrival.isAfter(scheduledDeparture)) {
      throw new IllegalArgumentException("scheduledArrival " + scheduledArrival + " is not after scheduledDeparture "
          + scheduledDeparture + " (" + self + ")");
    }
    if (estimatedArrival.isBefore(estimatedDeparture)) {
      throw new IllegalArgumentException("estimatedArrival " + estimatedArrival + " is before estimatedDeparture "
          + estimatedDeparture + " (" + self + ")");
    }
    if (!date.equals(scheduledDeparture.atOffset(ZoneOffset.UTC).toLocalDate())) {
      throw new IllegalArgumentException("date " + date + " is not the UTC date of scheduledDeparture "
          + scheduledDeparture + " (" + self + ")");
    }
    Checks.text(aircraftRegistration, "aircraftRegistration", self);
    Checks.text(aircraftType, "aircraftType", self);
    Checks.required(status, "status", self);
  }

  /** A flight on time: estimates equal the schedule, status {@link FlightStatus#SCHEDULED}. */
  public static Flight scheduled(String number, String origin, String destination, Instant departure,
      Instant arrival, String aircraftRegistration, String aircraftType) {
    return new Flight(number, departure.atOffset(ZoneOffset.UTC).toLocalDate(), origin, destination, departure,
        arrival, departure, arrival, aircraftRegistration, aircraftType, FlightStatus.SCHEDULED);
  }

  /** This flight's key. */
  public FlightKey key() {
    return new FlightKey(number, date);
  }

  /** The estimated departure's lateness against the schedule; zero when early or on time. */
  public Duration departureDelay() {
    Duration d = Duration.between(scheduledDeparture, estimatedDeparture);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** The scheduled block time. */
  public Duration blockTime() {
    return Duration.between(scheduledDeparture, scheduledArrival);
  }

  /** This flight delayed to depart at {@code newDeparture}, keeping its block time; status {@link FlightStatus#DELAYED}. */
  public Flight delayedTo(Instant newDeparture) {
    Instant arrival = newDeparture.plus(Duration.between(estimatedDeparture, estimatedArrival));
    return new Flight(number, date, origin, destination, scheduledDeparture, scheduledArrival, newDeparture,
        arrival, aircraftRegistration, aircraftType, FlightStatus.DELAYED);
  }

  /** The engine's view of this flight, on its schedule. */
  public FlightRef toFlightRef() {
    return new FlightRef(number, origin, destination, scheduledDeparture, scheduledArrival, aircraftType,
        aircraftRegistration);
  }
}
