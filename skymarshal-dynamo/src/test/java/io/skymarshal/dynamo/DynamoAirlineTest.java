package io.skymarshal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.store.InMemoryAirlineStore;
import io.skymarshal.airline.Passenger;
import io.skymarshal.airline.RotationKey;
import io.skymarshal.data.BatchResult;
import io.skymarshal.data.DataAccess;
import io.skymarshal.data.Table;
import io.skymarshal.testkit.dynamo.DynamoRequestLog;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** The airline on real dynalite reads back exactly what the in-memory store holds. */
class DynamoAirlineTest {
  private static final AirlineDataset DATA = AirlineFixture.dataset();
  private static final DynamoRequestLog LOG = new DynamoRequestLog();
  private static DynamoDbAsyncClient client;
  private static AirlineTableLayout layout;
  private static AirlineLoader loader;
  private static Map<String, Integer> loaded;
  private static DynamoAirline airline;
  private final DataAccess memory = InMemoryAirlineStore.of(DATA).dataAccess();

  @BeforeAll
  static void load() {
    client = DynamoTestClients.async(TestTables.plain().server().endpoint(), LOG);
    layout = AirlineTableLayout.withPrefix("airline" + ProcessHandle.current().pid() + "_");
    loader = AirlineLoader.builder(client).layout(layout).build();
    loader.createTables();
    loaded = loader.load(DATA);
    airline = DynamoAirline.builder(client).layout(layout).build();
  }

  @AfterAll
  static void drop() {
    loader.deleteTables();
    client.close();
  }

  @BeforeEach
  void clearLog() {
    LOG.clear();
  }

  private <K, V> void sameAsInMemory(Table<K, V> table, List<K> keys) {
    assertThat(keys).as(table.name()).isNotEmpty();
    BatchResult<K, V> dynamo = airline.dataAccess().reader(table).getAll(keys);
    BatchResult<K, V> mem = memory.reader(table).getAll(keys);
    assertThat(dynamo.isComplete()).as(table.name()).isTrue();
    assertThat(dynamo.found()).as(table.name()).isEqualTo(mem.found());
    assertThat(dynamo.missing()).as(table.name()).isEqualTo(mem.missing());
  }

  @Test
  void dataAccess_readsEveryTableAsTheInMemoryStoreDoes() {
    List<FlightKey> flights = new ArrayList<>(DATA.flights().stream().map(Flight::key).toList());
    sameAsInMemory(AirlineTables.FLIGHTS, withUnknown(flights, FlightKey.of("EY999", "2026-01-30")));
    sameAsInMemory(AirlineTables.AIRCRAFT, List.of("A6-APA", "A6-BLA", "A6-XXX"));
    sameAsInMemory(AirlineTables.AIRPORTS, List.of("AUH", "LHR", "JFK"));
    sameAsInMemory(AirlineTables.CREW_MEMBERS, List.of("C1", "C2", "C3", "C4", "C99"));
    sameAsInMemory(AirlineTables.RESERVE_CREW, List.of("AUH", "LHR"));
    sameAsInMemory(AirlineTables.PASSENGERS, List.of("P1", "P2", "P3", "P4"));
    sameAsInMemory(AirlineTables.COST_PARAMETERS, List.of("default", "other"));
    sameAsInMemory(AirlineTables.ROSTERS, flights);
    sameAsInMemory(AirlineTables.BOOKINGS, flights);
    sameAsInMemory(AirlineTables.CARGO, flights);
    List<RotationKey> rotations = new ArrayList<>(DATA.rotations().stream().map(r -> r.key()).toList());
    sameAsInMemory(AirlineTables.ROTATIONS, withUnknown(rotations, new RotationKey("A6-APA", LocalDate.of(2026, 1, 31))));
  }

  private static <K> List<K> withUnknown(List<K> keys, K unknown) {
    List<K> out = new ArrayList<>(keys);
    out.add(unknown);
    return out;
  }

  @Test
  void byFlightReads_keepTheDatasetOrderAndGiveEmptyValuesForFlightsWithoutRows() {
    FlightKey f1 = DATA.flights().get(0).key();
    FlightKey f3 = DATA.flights().get(2).key();
    CrewRoster roster = airline.dataAccess().reader(AirlineTables.ROSTERS).get(f1).orElseThrow();
    assertThat(roster.crewIds()).containsExactly("C2", "C1", "C3");
    assertThat(airline.dataAccess().reader(AirlineTables.ROSTERS).get(f3).orElseThrow().entries()).isEmpty();
    assertThat(airline.dataAccess().reader(AirlineTables.BOOKINGS).get(f1).orElseThrow().bookings())
        .extracting(b -> b.id()).containsExactly("B9", "B1");
    assertThat(LOG.count("Query")).isEqualTo(3);
  }

  @Test
  void typedBatchReads_useOneBatchGetItemPerTableForUpTo100Keys() {
    BatchResult<String, CrewMember> crew = airline.batchGetCrewMembers(List.of("C1", "C2", "C3", "C4", "C1", "nobody"));
    assertThat(crew.found()).containsOnlyKeys("C1", "C2", "C3", "C4");
    assertThat(crew.missing()).containsExactly("nobody");
    BatchResult<FlightKey, Flight> flights = airline.batchGetFlights(DATA.flights().stream().map(Flight::key).toList());
    assertThat(flights.found().values()).containsExactlyElementsOf(DATA.flights());
    BatchResult<String, Passenger> pax = airline.batchGetPassengers(List.of("P3", "P1"));
    assertThat(pax.found().keySet()).containsExactly("P3", "P1");
    BatchResult<String, CargoShipment> cargo = airline.batchGetCargoShipments(
        DATA.cargo().stream().map(CargoShipment::awb).toList());
    assertThat(cargo.found().values()).containsExactlyElementsOf(DATA.cargo());
    assertThat(LOG.count("BatchGetItem")).isEqualTo(4);
    assertThat(LOG.count("GetItem")).isZero();
  }

  @Test
  void singleItemReads_returnWhatTheBatchReadsReturn() {
    for (CrewMember c : DATA.crewMembers()) {
      assertThat(airline.getCrewMember(c.id())).contains(c).contains(airline.batchGetCrewMembers(List.of(c.id()))
          .found().get(c.id()));
    }
    for (Flight f : DATA.flights()) {
      assertThat(airline.getFlight(f.key())).contains(f);
    }
    for (Passenger p : DATA.passengers()) {
      assertThat(airline.getPassenger(p.id())).contains(p);
    }
    for (CargoShipment c : DATA.cargo()) {
      assertThat(airline.getCargoShipment(c.awb())).contains(c);
    }
    assertThat(airline.getCrewMember("nobody")).isEmpty();
    assertThat(LOG.count("GetItem")).isEqualTo(DATA.crewMembers().size() + DATA.flights().size()
        + DATA.passengers().size() + DATA.cargo().size() + 1);
  }

  @Test
  void loader_reportsItemsWrittenPerTableAndCreateTablesIsIdempotent() {
    assertThat(loaded).containsEntry(layout.flights(), 3).containsEntry(layout.crewRoster(), 4)
        .containsEntry(layout.bookings(), 3).containsEntry(layout.cargo(), 3).containsEntry(layout.crewMembers(), 4);
    loader.createTables();
    var indexes = client.describeTable(b -> b.tableName(layout.bookings())).join().table().globalSecondaryIndexes();
    assertThat(indexes).extracting(i -> i.indexName()).containsExactly(AirlineTableLayout.FLIGHT_INDEX);
  }
}
