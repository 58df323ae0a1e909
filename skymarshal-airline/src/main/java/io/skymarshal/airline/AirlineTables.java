package io.skymarshal.airline;

import io.skymarshal.data.Table;
import java.util.List;

/**
 * Every table the airline agents read, each a typed {@link Table} to look a
 * {@link io.skymarshal.data.BatchReader} up in a {@link io.skymarshal.data.DataAccess}.
 *
 * <p>Two kinds of table: item tables read by primary key (flights, aircraft, airports, crew
 * members, reserve crew, passengers, rotations, cost parameters; BatchGetItem on DynamoDB) and
 * "by flight" tables whose item gathers every record of one flight (rosters, bookings, cargo; a
 * GSI query per flight on DynamoDB). A "by flight" reader returns an item with an empty list for
 * a flight that has no records; it may also do so for an unknown flight, so callers treat a
 * missing key of a "by flight" table as "none".
 */
public final class AirlineTables {

  /** Flights by flight number and UTC date. */
  public static final Table<FlightKey, Flight> FLIGHTS = Table.of("flights", FlightKey.class, Flight.class);

  /** Aircraft, with their open MEL items and work orders, by registration. */
  public static final Table<String, Aircraft> AIRCRAFT = Table.of("aircraft", String.class, Aircraft.class);

  /** Airports by IATA code. */
  public static final Table<String, Airport> AIRPORTS = Table.of("airports", String.class, Airport.class);

  /** Crew members by id. */
  public static final Table<String, CrewMember> CREW_MEMBERS =
      Table.of("crew_members", String.class, CrewMember.class);

  /** The crew roster of a flight ("roster by flight"). */
  public static final Table<FlightKey, CrewRoster> ROSTERS = Table.of("rosters", FlightKey.class, CrewRoster.class);

  /** Reserve crew by base IATA code. */
  public static final Table<String, ReserveCrew> RESERVE_CREW =
      Table.of("reserve_crew", String.class, ReserveCrew.class);

  /** The bookings of a flight ("bookings by flight"). */
  public static final Table<FlightKey, FlightBookings> BOOKINGS =
      Table.of("bookings", FlightKey.class, FlightBookings.class);

  /** Passengers by id. */
  public static final Table<String, Passenger> PASSENGERS = Table.of("passengers", String.class, Passenger.class);

  /** The cargo shipments of a flight ("cargo by flight"). */
  public static final Table<FlightKey, FlightCargo> CARGO = Table.of("cargo", FlightKey.class, FlightCargo.class);

  /** An aircraft's flights of one UTC date, by registration and date. */
  public static final Table<RotationKey, AircraftRotation> ROTATIONS =
      Table.of("rotations", RotationKey.class, AircraftRotation.class);

  /** Cost parameters by id; the airline's own under {@link CostParameters#DEFAULT_ID}. */
  public static final Table<String, CostParameters> COST_PARAMETERS =
      Table.of("cost_parameters", String.class, CostParameters.class);

  /** All of the above, in declaration order. */
  public static final List<Table<?, ?>> ALL = List.of(FLIGHTS, AIRCRAFT, AIRPORTS, CREW_MEMBERS, ROSTERS,
      RESERVE_CREW, BOOKINGS, PASSENGERS, CARGO, ROTATIONS, COST_PARAMETERS);

  private AirlineTables() {}
}
