package io.skymarshal.dynamo;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AircraftRotation;
import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.CostParameters;
import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightBookings;
import io.skymarshal.airline.FlightCargo;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.Passenger;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.airline.RotationKey;
import io.skymarshal.data.BatchResult;
import io.skymarshal.data.DataAccess;
import io.skymarshal.dynamo.internal.Args;
import io.skymarshal.dynamo.internal.ByFlightMappers;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The airline's data on DynamoDB: batch readers for every {@link AirlineTables} table, the typed
 * batch reads of the four multi-item patterns (crew members, flights, passengers, cargo
 * shipments; the Java form of {@code batch_get_crew_members}, {@code batch_get_flights},
 * {@code batch_get_passengers}, {@code batch_get_cargo_shipments}), the single-item reads they
 * replace, and a {@link DataAccess} so agents read through batched reads.
 *
 * <p>Item tables are read with {@link BatchGetReader}; rosters, bookings and cargo by flight and
 * aircraft rotations with {@link IndexQueryReader} over the layout's indexes. A "by flight" read
 * of a flight with no rows returns an empty value (so does an unknown flight); a rotation of an
 * aircraft with no flights that day is missing.
 *
 * <p>Thread-safe; does not close the client (see {@link BatchGetReader} about its retries).
 */
public final class DynamoAirline {
  private final BatchGetReader<FlightKey, Flight> flights;
  private final BatchGetReader<String, Aircraft> aircraft;
  private final BatchGetReader<String, Airport> airports;
  private final BatchGetReader<String, CrewMember> crewMembers;
  private final BatchGetReader<String, ReserveCrew> reserveCrew;
  private final BatchGetReader<String, Passenger> passengers;
  private final BatchGetReader<String, CargoShipment> cargoShipments;
  private final BatchGetReader<String, CostParameters> costParameters;
  private final IndexQueryReader<FlightKey, CrewRoster> rosters;
  private final IndexQueryReader<FlightKey, FlightBookings> bookings;
  private final IndexQueryReader<FlightKey, FlightCargo> cargo;
  private final IndexQueryReader<RotationKey, AircraftRotation> rotations;

  private DynamoAirline(Builder b) {
    AirlineTableLayout l = b.layout;
    flights = get(b, l.flights(), AirlineItemMappers.flights());
    aircraft = get(b, l.aircraft(), AirlineItemMappers.aircraft());
    airports = get(b, l.airports(), AirlineItemMappers.airports());
    crewMembers = get(b, l.crewMembers(), AirlineItemMappers.crewMembers());
    reserveCrew = get(b, l.reserveCrew(), AirlineItemMappers.reserveCrew());
    passengers = get(b, l.passengers(), AirlineItemMappers.passengers());
    cargoShipments = get(b, l.cargo(), AirlineItemMappers.cargoShipments());
    costParameters = get(b, l.costParameters(), AirlineItemMappers.costParameters());
    rosters = query(b, l.crewRoster(), AirlineTableLayout.FLIGHT_INDEX, ByFlightMappers.ROSTERS);
    bookings = query(b, l.bookings(), AirlineTableLayout.FLIGHT_INDEX, ByFlightMappers.BOOKINGS);
    cargo = query(b, l.cargo(), AirlineTableLayout.FLIGHT_INDEX, ByFlightMappers.CARGO);
    rotations = query(b, l.flights(), AirlineTableLayout.AIRCRAFT_DAY_INDEX, ByFlightMappers.ROTATIONS);
  }

  private static <K, V> BatchGetReader<K, V> get(Builder b, String table, ItemMapper<K, V> mapper) {
    return BatchGetReader.builder(b.client, table, mapper).retryPolicy(b.retry).maxConcurrency(b.maxConcurrency)
        .consistentRead(b.consistentRead).build();
  }

  private static <K, V> IndexQueryReader<K, V> query(Builder b, String table, String index, GroupMapper<K, V> mapper) {
    return IndexQueryReader.builder(b.client, table, index, mapper).retryPolicy(b.retry)
        .maxConcurrency(b.maxConcurrency).build();
  }

  public static Builder builder(DynamoDbAsyncClient client) {
    return new Builder(client);
  }

  /** Crew members by id, in as few BatchGetItem requests as possible. */
  public BatchResult<String, CrewMember> batchGetCrewMembers(Collection<String> crewIds) {
    return crewMembers.getAll(crewIds);
  }

  /** Flights by number and date. */
  public BatchResult<FlightKey, Flight> batchGetFlights(Collection<FlightKey> keys) {
    return flights.getAll(keys);
  }

  /** Passengers by id. */
  public BatchResult<String, Passenger> batchGetPassengers(Collection<String> passengerIds) {
    return passengers.getAll(passengerIds);
  }

  /** Cargo shipments by air waybill number. */
  public BatchResult<String, CargoShipment> batchGetCargoShipments(Collection<String> awbs) {
    return cargoShipments.getAll(awbs);
  }

  /** One crew member, with GetItem: the single-item read, unchanged. */
  public Optional<CrewMember> getCrewMember(String crewId) {
    return crewMembers.get(crewId);
  }

  /** One flight, with GetItem. */
  public Optional<Flight> getFlight(FlightKey key) {
    return flights.get(key);
  }

  /** One passenger, with GetItem. */
  public Optional<Passenger> getPassenger(String passengerId) {
    return passengers.get(passengerId);
  }

  /** One cargo shipment, with GetItem. */
  public Optional<CargoShipment> getCargoShipment(String awb) {
    return cargoShipments.get(awb);
  }

  /** Access to every {@link AirlineTables} table through these readers, for the agents. */
  public DataAccess dataAccess() {
    return DataAccess.builder()
        .table(AirlineTables.FLIGHTS, flights)
        .table(AirlineTables.AIRCRAFT, aircraft)
        .table(AirlineTables.AIRPORTS, airports)
        .table(AirlineTables.CREW_MEMBERS, crewMembers)
        .table(AirlineTables.ROSTERS, rosters)
        .table(AirlineTables.RESERVE_CREW, reserveCrew)
        .table(AirlineTables.BOOKINGS, bookings)
        .table(AirlineTables.PASSENGERS, passengers)
        .table(AirlineTables.CARGO, cargo)
        .table(AirlineTables.ROTATIONS, rotations)
        .table(AirlineTables.COST_PARAMETERS, costParameters)
        .build();
  }

  /** Configures a {@link DynamoAirline}. Not thread-safe. */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();

    private final DynamoDbAsyncClient client;
    private AirlineTableLayout layout = AirlineTableLayout.defaults();
    private BatchRetryPolicy retry = BatchRetryPolicy.defaults();
    private int maxConcurrency = 8;
    private boolean consistentRead;

    private Builder(DynamoDbAsyncClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** The tables read. Default {@link AirlineTableLayout#defaults()}. */
    public Builder layout(AirlineTableLayout layout) {
      given.once("layout");
      this.layout = Objects.requireNonNull(layout, "layout");
      return this;
    }

    /** Retries of every reader. Default {@link BatchRetryPolicy#defaults()}. */
    public Builder retryPolicy(BatchRetryPolicy retry) {
      given.once("retryPolicy");
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** Requests in flight at once per read. Default 8. */
    public Builder maxConcurrency(int maxConcurrency) {
      given.once("maxConcurrency");
      this.maxConcurrency = Args.atLeastOne(maxConcurrency, "maxConcurrency");
      return this;
    }

    /** Strongly consistent item reads (index queries are always eventually consistent). Default false. */
    public Builder consistentRead(boolean consistentRead) {
      given.once("consistentRead");
      this.consistentRead = consistentRead;
      return this;
    }

    public DynamoAirline build() {
      return new DynamoAirline(this);
    }
  }
}
