package io.skymarshal.dynamo;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.Booking;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.CostParameters;
import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.Passenger;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.dynamo.internal.CommercialMappers;
import io.skymarshal.dynamo.internal.CrewMappers;
import io.skymarshal.dynamo.internal.ScheduleMappers;

/**
 * The hand-written {@link ItemMapper}s of the airline records, matching
 * {@link AirlineTableLayout}. Hand-written rather than the SDK's enhanced client: the records are
 * immutable Java records with nested lists, enums and time types that the enhanced client would
 * need a schema, a mutable builder and converters for; and reading, the hand mappers were about
 * 2.5 times faster than an enhanced-client schema of the same attributes ({@code ItemMappingBenchmark}
 * in skymarshal-benchmarks), though either maps 250 items in well under a millisecond, far less
 * than one round trip. Instants are ISO-8601 strings, decimals
 * exact strings, empty sets absent attributes. Stateless and thread-safe.
 */
public final class AirlineItemMappers {
  private AirlineItemMappers() {}

  public static ItemMapper<FlightKey, Flight> flights() {
    return ScheduleMappers.FLIGHTS;
  }

  public static ItemMapper<String, Aircraft> aircraft() {
    return ScheduleMappers.AIRCRAFT;
  }

  public static ItemMapper<String, Airport> airports() {
    return ScheduleMappers.AIRPORTS;
  }

  public static ItemMapper<String, CrewMember> crewMembers() {
    return CrewMappers.CREW_MEMBERS;
  }

  public static ItemMapper<String, ReserveCrew> reserveCrew() {
    return CrewMappers.RESERVE_CREW;
  }

  public static ItemMapper<String, Passenger> passengers() {
    return CommercialMappers.PASSENGERS;
  }

  public static ItemMapper<String, Booking> bookings() {
    return CommercialMappers.BOOKINGS;
  }

  public static ItemMapper<String, CargoShipment> cargoShipments() {
    return CommercialMappers.CARGO;
  }

  public static ItemMapper<String, CostParameters> costParameters() {
    return CommercialMappers.COST_PARAMETERS;
  }
}
