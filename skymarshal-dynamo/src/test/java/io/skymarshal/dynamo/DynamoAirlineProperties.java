package io.skymarshal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.AircraftRotation;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.store.InMemoryAirlineStore;
import io.skymarshal.data.BatchResult;
import io.skymarshal.data.DataAccess;
import io.skymarshal.data.Table;
import io.skymarshal.testkit.airline.AirlineGenerator;
import io.skymarshal.testkit.dynamo.DynamoRequestLog;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Property 11 on generated airlines: loaded into dynalite, every table read through the batched
 * DynamoDB readers, and every single-item read, returns what the in-memory store returns; and
 * property 4 at the agents' level: a flight's crew is one query and one batch get.
 */
class DynamoAirlineProperties {
  private static final AtomicInteger SEQ = new AtomicInteger();

  // the generator flies every one of its 39 destinations at least once, so fewer round trips
  // cannot be generated
  @Property(tries = 2)
  void generatedAirline_readsBackFromDynamoDbAsFromMemory(@ForAll long seed,
      @ForAll @IntRange(min = 39, max = 42) int roundTrips, @ForAll @IntRange(min = 0, max = 300) int bookings) {
    AirlineDataset data = AirlineGenerator.of(
        new AirlineGenerator.Config(seed, LocalDate.of(2026, 1, 30), roundTrips, bookings)).generate();
    AirlineTableLayout layout = AirlineTableLayout.withPrefix(
        "gen" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet() + "_");
    DynamoRequestLog log = new DynamoRequestLog();
    try (DynamoDbAsyncClient client = DynamoTestClients.async(TestTables.plain().server().endpoint(), log)) {
      AirlineLoader loader = AirlineLoader.builder(client).layout(layout).build();
      loader.createTables();
      try {
        loader.load(data);
        DynamoAirline airline = DynamoAirline.builder(client).layout(layout).build();
        DataAccess dynamo = airline.dataAccess();
        DataAccess memory = InMemoryAirlineStore.of(data).dataAccess();
        List<FlightKey> flights = data.flights().stream().map(Flight::key).toList();

        same(dynamo, memory, AirlineTables.FLIGHTS, flights);
        same(dynamo, memory, AirlineTables.AIRCRAFT, keys(data.aircraft(), a -> a.registration()));
        same(dynamo, memory, AirlineTables.AIRPORTS, keys(data.airports(), a -> a.iata()));
        same(dynamo, memory, AirlineTables.CREW_MEMBERS, keys(data.crewMembers(), CrewMember::id));
        same(dynamo, memory, AirlineTables.RESERVE_CREW, keys(data.reserveCrews(), r -> r.base()));
        same(dynamo, memory, AirlineTables.PASSENGERS, keys(data.passengers(), p -> p.id()));
        same(dynamo, memory, AirlineTables.COST_PARAMETERS, keys(data.costParameters(), c -> c.id()));
        same(dynamo, memory, AirlineTables.ROSTERS, flights);
        same(dynamo, memory, AirlineTables.BOOKINGS, flights);
        same(dynamo, memory, AirlineTables.CARGO, flights);
        same(dynamo, memory, AirlineTables.ROTATIONS, keys(data.rotations(), AircraftRotation::key));

        for (Flight f : data.flights()) {
          assertThat(airline.getFlight(f.key())).contains(f);
        }
        for (CrewMember c : data.crewMembers().subList(0, Math.min(10, data.crewMembers().size()))) {
          assertThat(airline.getCrewMember(c.id())).isEqualTo(memory.reader(AirlineTables.CREW_MEMBERS).get(c.id()));
        }

        // the crew-compliance pattern: the roster of a flight, then its crew in one batch
        log.clear();
        CrewRoster roster = dynamo.reader(AirlineTables.ROSTERS).get(flights.get(0)).orElseThrow();
        BatchResult<String, CrewMember> crew = dynamo.reader(AirlineTables.CREW_MEMBERS).getAll(roster.crewIds());
        assertThat(crew.found().keySet()).containsExactlyElementsOf(roster.crewIds());
        assertThat(log.count("Query")).isEqualTo(1);
        assertThat(log.count("BatchGetItem")).isEqualTo((roster.crewIds().size() + 99) / 100);
        assertThat(log.count("GetItem")).isZero();
      } finally {
        loader.deleteTables();
      }
    }
  }

  private static <T, K> List<K> keys(List<T> values, Function<T, K> key) {
    return values.stream().map(key).toList();
  }

  private static <K, V> void same(DataAccess dynamo, DataAccess memory, Table<K, V> table, List<K> keys) {
    BatchResult<K, V> d = dynamo.reader(table).getAll(keys);
    BatchResult<K, V> m = memory.reader(table).getAll(keys);
    assertThat(d.isComplete()).as(table.name()).isTrue();
    assertThat(d.found()).as(table.name()).isEqualTo(m.found());
    assertThat(d.missing()).as(table.name()).isEqualTo(m.missing());
  }
}
