package io.skymarshal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.data.BatchResult;
import io.skymarshal.dynamo.internal.ByFlightMappers;
import io.skymarshal.testkit.dynamo.DynamoFaultInjector;
import io.skymarshal.testkit.dynamo.DynamoRequestLog;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** The loader and the by-flight queries under faults, against dynalite. */
class AirlineLoaderTest {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final AirlineDataset DATA = AirlineFixture.dataset();
  private static final BatchRetryPolicy FAST = BatchRetryPolicy.builder().baseDelay(Duration.ofMillis(1))
      .maxDelay(Duration.ofMillis(4)).maxAttempts(40).jitterSeed(3).build();

  private static AirlineTableLayout freshLayout() {
    return AirlineTableLayout.withPrefix("loader" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet() + "_");
  }

  private static DynamoDbAsyncClient client(ExecutionInterceptor... interceptors) {
    return DynamoTestClients.async(TestTables.plain().server().endpoint(), interceptors);
  }

  @Test
  void load_whenBatchWritesAreThrottled_retriesUntilEveryItemIsWritten() {
    AirlineTableLayout layout = freshLayout();
    DynamoFaultInjector faults = DynamoFaultInjector.builder().operations("BatchWriteItem").seed(4).throttle(0.5).build();
    try (DynamoDbAsyncClient c = client(faults)) {
      AirlineLoader loader = AirlineLoader.builder(c).layout(layout).retryPolicy(FAST).build();
      loader.createTables();
      try {
        loader.load(DATA);
        assertThat(faults.throttledCount()).isPositive();
        DynamoAirline airline = DynamoAirline.builder(c).layout(layout).build();
        assertThat(airline.batchGetFlights(DATA.flights().stream().map(Flight::key).toList()).found().values())
            .containsExactlyElementsOf(DATA.flights());
      } finally {
        loader.deleteTables();
      }
    }
  }

  @Test
  void load_whenTheRetryBudgetRunsOut_throwsNamingTheTablesAndCounts() {
    AirlineTableLayout layout = freshLayout();
    DynamoFaultInjector faults = DynamoFaultInjector.builder().operations("BatchWriteItem").throttle(1.0).build();
    try (DynamoDbAsyncClient c = client(faults)) {
      AirlineLoader loader = AirlineLoader.builder(c).layout(layout)
          .retryPolicy(FAST.toBuilder().maxAttempts(2).build()).build();
      loader.createTables();
      try {
        assertThatThrownBy(() -> loader.load(DATA))
            .isInstanceOf(AirlineLoader.DynamoWriteException.class)
            .hasMessageContaining("items not written to table '" + layout.flights() + "'")
            .hasMessageContaining("3 items")
            .satisfies(e -> assertThat(((AirlineLoader.DynamoWriteException) e).retryable()).isTrue());
      } finally {
        loader.deleteTables();
      }
    }
  }

  @Test
  void indexQueries_areRetriedWhenThrottledPagedAndReportFailedKeysWhenTheBudgetRunsOut() {
    AirlineTableLayout layout = freshLayout();
    DynamoRequestLog log = new DynamoRequestLog();
    DynamoFaultInjector faults = DynamoFaultInjector.builder().operations("Query").seed(8).throttle(0.4).build();
    FlightKey f1 = DATA.flights().get(0).key();
    List<FlightKey> flights = DATA.flights().stream().map(Flight::key).toList();
    try (DynamoDbAsyncClient c = client(log, faults)) {
      AirlineLoader loader = AirlineLoader.builder(c).layout(layout).build();
      loader.createTables();
      try {
        loader.load(DATA);
        log.clear();
        IndexQueryReader<FlightKey, CrewRoster> paged = IndexQueryReader.builder(c, layout.crewRoster(),
            AirlineTableLayout.FLIGHT_INDEX, ByFlightMappers.ROSTERS).pageSize(1).retryPolicy(FAST).build();
        BatchResult<FlightKey, CrewRoster> r = paged.getAll(flights);
        assertThat(r.isComplete()).isTrue();
        assertThat(r.found().get(f1).crewIds()).containsExactly("C2", "C1", "C3");
        assertThat(log.count("Query") - faults.throttledCount()).as("pages actually served").isGreaterThan(flights.size());
      } finally {
        loader.deleteTables();
      }
    }
    DynamoFaultInjector down = DynamoFaultInjector.builder().operations("Query").throttle(1.0).build();
    try (DynamoDbAsyncClient c = client(down)) {
      BatchResult<FlightKey, CrewRoster> r = DynamoAirline.builder(c).layout(layout)
          .retryPolicy(FAST.toBuilder().maxAttempts(2).build()).build().dataAccess().reader(AirlineTables.ROSTERS)
          .getAll(flights);
      assertThat(r.unprocessed()).containsExactlyInAnyOrderElementsOf(flights);
      assertThat(r.failure()).hasMessageContaining("Query").hasMessageContaining(AirlineTableLayout.FLIGHT_INDEX);
      assertThat(down.callCount()).isEqualTo(2L * flights.size());
    }
  }

  @Test
  void layout_rejectsAPrefixATableNameCannotHold() {
    assertThatThrownBy(() -> AirlineTableLayout.withPrefix("bad prefix!")).hasMessageContaining("prefix");
  }
}
