package io.skymarshal.airline.store;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AircraftRotation;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.CostParameters;
import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightBookings;
import io.skymarshal.airline.FlightCargo;
import io.skymarshal.airline.Passenger;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.data.DataAccess;
import io.skymarshal.data.InMemoryBatchReader;
import io.skymarshal.data.Table;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An airline's tables in memory: one {@link InMemoryBatchReader} per {@link AirlineTables}
 * table, filled from an {@link AirlineDataset}. Keeps the readers so tests can count the batch
 * requests agents make. Thread-safe.
 */
public final class InMemoryAirlineStore {
  private final Map<Table<?, ?>, InMemoryBatchReader<?, ?>> readers = new LinkedHashMap<>();
  private final DataAccess dataAccess;

  private InMemoryAirlineStore(AirlineDataset d) {
    DataAccess.Builder b = DataAccess.builder();
    add(b, AirlineTables.FLIGHTS, d.flights(), Flight::key);
    add(b, AirlineTables.AIRCRAFT, d.aircraft(), Aircraft::registration);
    add(b, AirlineTables.AIRPORTS, d.airports(), Airport::iata);
    add(b, AirlineTables.CREW_MEMBERS, d.crewMembers(), CrewMember::id);
    add(b, AirlineTables.ROSTERS, d.rostersByFlight().values(), CrewRoster::flight);
    add(b, AirlineTables.RESERVE_CREW, d.reserveCrews(), ReserveCrew::base);
    add(b, AirlineTables.BOOKINGS, d.bookingsByFlight().values(), FlightBookings::flight);
    add(b, AirlineTables.PASSENGERS, d.passengers(), Passenger::id);
    add(b, AirlineTables.CARGO, d.cargoByFlight().values(), FlightCargo::flight);
    add(b, AirlineTables.ROTATIONS, d.rotations(), AircraftRotation::key);
    add(b, AirlineTables.COST_PARAMETERS, d.costParameters(), CostParameters::id);
    this.dataAccess = b.build();
  }

  /** A store holding {@code dataset}; a later duplicate key replaces an earlier one. */
  public static InMemoryAirlineStore of(AirlineDataset dataset) {
    return new InMemoryAirlineStore(dataset);
  }

  /** Access to every {@link AirlineTables} table. */
  public DataAccess dataAccess() {
    return dataAccess;
  }

  /** The reader behind {@code table}, e.g. to count its requests. */
  @SuppressWarnings("unchecked")
  public <K, V> InMemoryBatchReader<K, V> reader(Table<K, V> table) {
    InMemoryBatchReader<?, ?> r = readers.get(table);
    if (r == null) {
      throw new IllegalArgumentException("not an airline table: " + table.name());
    }
    return (InMemoryBatchReader<K, V>) r;
  }

  /** Batch requests served so far, over all tables. */
  public long requestCount() {
    return readers.values().stream().mapToLong(InMemoryBatchReader::requestCount).sum();
  }

  private <K, V> void add(DataAccess.Builder b, Table<K, V> table, Collection<V> values, Function<V, K> key) {
    InMemoryBatchReader<K, V> r = InMemoryBatchReader.of(values, key);
    readers.put(table, r);
    b.table(table, r);
  }
}
