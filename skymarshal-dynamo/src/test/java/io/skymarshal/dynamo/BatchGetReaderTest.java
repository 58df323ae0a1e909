package io.skymarshal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.data.BatchReadException;
import io.skymarshal.data.BatchResult;
import io.skymarshal.testkit.dynamo.DynamoFaultInjector;
import io.skymarshal.testkit.dynamo.DynamoRequestLog;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

class BatchGetReaderTest {
  private static final int STORED = 300;
  private static String table;
  private final DynamoRequestLog log = new DynamoRequestLog();
  private final List<BatchRetryPolicy.RetryEvent> retries = new CopyOnWriteArrayList<>();
  private DynamoDbAsyncClient client;

  @BeforeAll
  static void createTable() {
    table = TestTables.plain().parts(STORED);
  }

  @AfterAll
  static void dropTable() {
    TestTables.plain().drop(table);
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  private BatchRetryPolicy.Builder fastRetry() {
    return BatchRetryPolicy.builder().baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(4))
        .jitterSeed(1).listener(retries::add);
  }

  private BatchGetReader.Builder<String, Part> reader(ExecutionInterceptor... faults) {
    List<ExecutionInterceptor> all = new ArrayList<>(List.of(log));
    all.addAll(List.of(faults));
    client = DynamoTestClients.async(TestTables.plain().server().endpoint(), all.toArray(ExecutionInterceptor[]::new));
    return BatchGetReader.builder(client, table, Part.MAPPER).retryPolicy(fastRetry().build());
  }

  private static List<String> keys(int from, int to) {
    return IntStream.range(from, to).mapToObj(Part::key).toList();
  }

  private static List<String> keysOf(BatchGetItemRequest r) {
    return r.requestItems().get(table).keys().stream().map(k -> k.get("id").s()).toList();
  }

  @Test
  void getAll_with250Keys_sendsThreeRequestsOf100_100_50ThatCoverEveryKeyOnce() {
    BatchResult<String, Part> r = reader().build().getAll(keys(0, 250));
    assertThat(r.found()).hasSize(250);
    List<BatchGetItemRequest> sent = log.batchGets();
    assertThat(sent).hasSize(3);
    assertThat(sent.stream().map(b -> keysOf(b).size()).sorted().toList()).containsExactly(50, 100, 100);
    List<String> all = new ArrayList<>();
    sent.forEach(b -> all.addAll(keysOf(b)));
    assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(keys(0, 250));
    assertThat(r.found().get(Part.key(249))).isEqualTo(Part.of(249));
  }

  @Test
  void getAll_with100And101Keys_sendsOneAndTwoRequests() {
    BatchGetReader<String, Part> reader = reader().build();
    assertThat(reader.getAll(keys(0, 100)).found()).hasSize(100);
    assertThat(log.batchGets()).hasSize(1);
    log.clear();
    assertThat(reader.getAll(keys(0, 101)).found()).hasSize(101);
    assertThat(log.batchGets()).extracting(b -> keysOf(b).size()).containsExactlyInAnyOrder(100, 1);
  }

  @Test
  void getAll_withDuplicates_sendsEachKeyOnceAndDynamoDbAcceptsIt() {
    List<String> asked = new ArrayList<>(keys(0, 120));
    asked.addAll(keys(50, 120));
    BatchResult<String, Part> r = reader().build().getAll(asked);
    assertThat(r.isComplete()).isTrue();
    assertThat(r.found()).hasSize(120);
    assertThat(log.batchGets()).hasSize(2);
  }

  @Test
  void getAll_whenKeysDoNotExist_namesThemMissingWithoutRetrying() {
    BatchResult<String, Part> r = reader().build().getAll(List.of("nope-1", Part.key(3), "nope-2"));
    assertThat(r.found()).containsOnlyKeys(Part.key(3));
    assertThat(r.missing()).containsExactly("nope-1", "nope-2");
    assertThat(r.unprocessed()).isEmpty();
    assertThat(log.batchGets()).hasSize(1);
    assertThat(retries).isEmpty();
  }

  @Test
  void getAll_withConcurrencyOne_stillReadsEveryChunk() {
    BatchResult<String, Part> r = reader().maxConcurrency(1).chunkSize(40).build().getAll(keys(0, 130));
    assertThat(r.found()).hasSize(130);
    assertThat(log.batchGets()).hasSize(4);
  }

  @Test
  void getAll_inAThrottlingStorm_retriesUntilEveryKeyIsRead() {
    DynamoFaultInjector faults = DynamoFaultInjector.builder().seed(3).throttle(0.6).build();
    BatchGetReader<String, Part> reader = reader(faults).retryPolicy(fastRetry().maxAttempts(40).build()).build();
    BatchResult<String, Part> r = reader.getAll(keys(0, 300));
    assertThat(r.isComplete()).isTrue();
    assertThat(r.found()).hasSize(300);
    assertThat(faults.throttledCount()).isPositive();
    assertThat(retries).hasSize((int) faults.throttledCount());
    assertThat(retries).allSatisfy(e -> {
      assertThat(e.cause()).isInstanceOf(software.amazon.awssdk.awscore.exception.AwsServiceException.class);
      assertThat(e.delay()).isLessThanOrEqualTo(Duration.ofMillis(4));
    });
  }

  @Test
  void getAll_whenResponsesLeaveUnprocessedKeys_retriesOnlyThoseKeys() {
    DynamoFaultInjector faults = DynamoFaultInjector.builder().seed(5).unprocessed(0.8, 0.4).build();
    BatchResult<String, Part> r = reader(faults).retryPolicy(fastRetry().maxAttempts(40).build()).build()
        .getAll(keys(0, 200));
    assertThat(r.isComplete()).isTrue();
    assertThat(r.found()).hasSize(200);
    assertThat(r.missing()).isEmpty();
    assertThat(faults.trimmedKeyCount()).isPositive();
    // every retry asks for keys only: the keys sent add up to 200 plus what was trimmed
    long keysSent = log.batchGets().stream().mapToLong(b -> keysOf(b).size()).sum();
    assertThat(keysSent).isEqualTo(200 + faults.trimmedKeyCount());
    assertThat(retries).allSatisfy(e -> assertThat(e.cause()).hasMessageContaining("unprocessed"));
  }

  @Test
  void getAll_whenBudgetOfAttemptsRunsOut_reportsEveryKeyUnprocessedWithTheThrottlingCause() {
    DynamoFaultInjector faults = DynamoFaultInjector.builder().throttle(1.0, DynamoFaultInjector.THROTTLING).build();
    BatchResult<String, Part> r = reader(faults).retryPolicy(fastRetry().maxAttempts(3).build()).build()
        .getAll(keys(0, 150));
    assertThat(r.found()).isEmpty();
    assertThat(r.unprocessed()).containsExactlyInAnyOrderElementsOf(keys(0, 150));
    assertThat(r.failure()).isInstanceOf(BatchReadException.class).hasMessageContaining("ThrottlingException");
    assertThat(((BatchReadException) r.failure()).retryable()).isTrue();
    assertThat(faults.callCount()).isEqualTo(2 * 3);
    assertThatThrownBy(r::foundOrThrow).isInstanceOf(BatchReadException.class).hasMessageContaining("150 keys");
  }

  @Test
  void getAll_whenUnprocessedKeysOutlastTheBudget_reportsThemAndKeepsWhatWasRead() {
    DynamoFaultInjector faults = DynamoFaultInjector.builder().seed(9).unprocessed(1.0, 0.3).build();
    BatchResult<String, Part> r = reader(faults).retryPolicy(fastRetry().maxAttempts(2).build()).build()
        .getAll(keys(0, 100));
    assertThat(r.unprocessed()).isNotEmpty();
    assertThat(r.found().size() + r.unprocessed().size()).isEqualTo(100);
    assertThat(r.failure()).hasMessageContaining("unprocessed after 2 attempts");
  }

  @Test
  void getAll_whenTheTimeBudgetIsSpent_stopsRetryingBeforeTheAttemptBudget() {
    TickingClock clock = new TickingClock(Duration.ofMillis(300));
    DynamoFaultInjector faults = DynamoFaultInjector.builder().throttle(1.0).build();
    BatchResult<String, Part> r = reader(faults)
        .retryPolicy(fastRetry().maxAttempts(1000).maxDuration(Duration.ofSeconds(1)).clock(clock).build())
        .build().getAll(keys(0, 10));
    assertThat(r.unprocessed()).hasSize(10);
    assertThat(faults.callCount()).isBetween(1L, 5L);
  }

  @Test
  void getAll_whenOneChunkFailsForGood_returnsTheOtherChunksAndNamesTheFailedKeys() {
    String poisoned = Part.key(150);
    DynamoFaultInjector faults = DynamoFaultInjector.builder()
        .failKeys(k -> poisoned.equals(k.get("id").s()), "ValidationException").build();
    BatchResult<String, Part> r = reader(faults).build().getAll(keys(0, 250));
    Set<String> failedChunk = new HashSet<>(keys(100, 200));
    assertThat(r.unprocessed()).containsExactlyInAnyOrderElementsOf(failedChunk);
    assertThat(r.found().keySet()).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, 250).filter(i -> i < 100 || i >= 200).mapToObj(Part::key).toList());
    assertThat(r.failure()).hasMessageContaining("ValidationException").hasMessageContaining(table);
    assertThat(((BatchReadException) r.failure()).retryable()).isFalse();
    assertThat(retries).isEmpty();
  }

  @Test
  void getAll_whenTableDoesNotExist_reportsEveryKeyUnprocessed() {
    reader().build();
    BatchGetReader<String, Part> missing = BatchGetReader.builder(client, "no-such-table", Part.MAPPER).build();
    BatchResult<String, Part> r = missing.getAll(keys(0, 3));
    assertThat(r.unprocessed()).hasSize(3);
    assertThat(r.failure()).hasMessageContaining("ResourceNotFoundException").hasMessageContaining("no-such-table");
  }

  @Test
  void getAll_whenAnItemCannotBeMapped_reportsItsKeyUnprocessedAndTheRestFound() {
    reader().build();
    ItemMapper<String, Part> picky = new DelegatingMapper(Part.MAPPER) {
      @Override
      public Part fromItem(Map<String, AttributeValue> item) {
        if (item.get("id").s().equals(Part.key(7))) {
          throw new IllegalArgumentException("bad item");
        }
        return super.fromItem(item);
      }
    };
    BatchResult<String, Part> r = BatchGetReader.builder(client, table, picky).build().getAll(keys(0, 10));
    assertThat(r.unprocessed()).containsExactly(Part.key(7));
    assertThat(r.found()).hasSize(9);
    assertThat(r.failure()).hasMessageContaining("could not be mapped").hasMessageContaining("bad item");
  }

  @Test
  void projection_readsOnlyTheNamedAttributesPlusTheKey() {
    reader().build();
    BatchReadRaw raw = new BatchReadRaw();
    BatchResult<String, Map<String, AttributeValue>> r = BatchGetReader.builder(client, table, raw)
        .projection("name").build().getAll(keys(0, 3));
    assertThat(r.found().get(Part.key(1))).containsOnlyKeys("id", "name");
    assertThat(log.batchGets().get(0).requestItems().get(table).projectionExpression()).isEqualTo("#p0, #p1");
  }

  @Test
  void consistentRead_isSentOnEveryRequest() {
    reader().consistentRead(true).build().getAll(keys(0, 150));
    assertThat(log.batchGets()).hasSize(2)
        .allSatisfy(b -> assertThat(b.requestItems().get(table).consistentRead()).isTrue());
  }

  @Test
  void get_readsWithGetItemAndReturnsWhatGetAllReturns() {
    BatchGetReader<String, Part> reader = reader().build();
    assertThat(reader.get(Part.key(42))).contains(Part.of(42)).contains(reader.getAll(List.of(Part.key(42)))
        .found().get(Part.key(42)));
    assertThat(reader.get("nope")).isEmpty();
    assertThat(log.count("GetItem")).isEqualTo(2);
  }

  @Test
  void get_whenThrottled_retriesAndWhenItFailsForGood_throwsBatchReadException() {
    DynamoFaultInjector faults = DynamoFaultInjector.builder().operations("GetItem").seed(2).throttle(0.5).build();
    BatchGetReader<String, Part> reader = reader(faults).retryPolicy(fastRetry().maxAttempts(30).build()).build();
    for (int i = 0; i < 10; i++) {
      assertThat(reader.get(Part.key(i))).contains(Part.of(i));
    }
    assertThat(faults.throttledCount()).isPositive();
    client.close();
    DynamoFaultInjector broken = DynamoFaultInjector.builder().operations("GetItem")
        .failKeys(k -> true, "AccessDeniedException").build();
    BatchGetReader<String, Part> denied = reader(broken).build();
    assertThatThrownBy(() -> denied.get(Part.key(1))).isInstanceOf(BatchReadException.class)
        .hasMessageContaining("GetItem").hasMessageContaining("AccessDeniedException");
  }

  @Test
  void builder_rejectsBadSettingsNamingThem() {
    reader().build();
    assertThatThrownBy(() -> BatchGetReader.builder(client, table, Part.MAPPER).chunkSize(101))
        .hasMessageContaining("chunkSize");
    assertThatThrownBy(() -> BatchGetReader.builder(client, table, Part.MAPPER).maxConcurrency(0))
        .hasMessageContaining("maxConcurrency");
    assertThatThrownBy(() -> BatchGetReader.builder(client, " ", Part.MAPPER)).hasMessageContaining("table");
  }
}
