package io.skymarshal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.data.BatchKeys;
import io.skymarshal.data.BatchResult;
import io.skymarshal.testkit.dynamo.DynamoFaultInjector;
import io.skymarshal.testkit.dynamo.DynamoRequestLog;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

/**
 * Properties 4-7 of the plan against real dynalite: batches for multi-item reads, ceil(N/100)
 * requests of at most 100 distinct keys, retry with backoff until done or out of budget, and
 * partial failure returning the successes and naming the failed keys.
 */
class BatchGetReaderProperties {
  private static final int STORED = 400;
  private static String table;

  @BeforeContainer
  static void createTable() {
    table = TestTables.plain().parts(STORED);
  }

  @AfterContainer
  static void dropTable() {
    TestTables.plain().drop(table);
  }

  private static List<String> keysOf(List<Integer> ids) {
    return ids.stream().map(Part::key).toList();
  }

  private static List<String> sent(BatchGetItemRequest r) {
    return r.requestItems().get(table).keys().stream().map(k -> k.get("id").s()).toList();
  }

  /** P4 + P5: N distinct keys (duplicates allowed in the input) give ceil(N/100) BatchGetItem requests. */
  @Property(tries = 15)
  void distinctKeys_giveCeilingOfNOver100BatchRequestsOfAtMost100DistinctKeys(
      @ForAll @Size(max = 350) List<@IntRange(min = 0, max = STORED - 1) Integer> ids) {
    DynamoRequestLog log = new DynamoRequestLog();
    try (DynamoDbAsyncClient client = DynamoTestClients.async(TestTables.plain().server().endpoint(), log)) {
      List<String> asked = keysOf(ids);
      Set<String> distinct = new LinkedHashSet<>(asked);
      BatchResult<String, Part> r = BatchGetReader.builder(client, table, Part.MAPPER).build().getAll(asked);

      assertThat(r.found().keySet()).isEqualTo(distinct);
      List<BatchGetItemRequest> requests = log.batchGets();
      assertThat(requests).hasSize((distinct.size() + 99) / 100);
      assertThat(log.count("GetItem")).isZero();
      List<String> all = new ArrayList<>();
      for (BatchGetItemRequest req : requests) {
        assertThat(sent(req)).hasSizeLessThanOrEqualTo(100).doesNotHaveDuplicates();
        all.addAll(sent(req));
      }
      assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(distinct);
    }
  }

  /**
   * P6: under random throttling and unprocessed keys, each chunk is retried with a full-jitter
   * backoff no longer than its cap until it is done or its attempts are spent; nothing is lost.
   */
  @Property(tries = 12)
  void faults_areRetriedWithCappedBackoffUntilDoneOrBudgetSpent(
      @ForAll @IntRange(min = 1, max = 250) int n,
      @ForAll @DoubleRange(min = 0, max = 0.8) double throttleRate,
      @ForAll @DoubleRange(min = 0, max = 0.8) double unprocessedRate,
      @ForAll @IntRange(min = 1, max = 6) int maxAttempts,
      @ForAll long seed) {
    DynamoFaultInjector faults = DynamoFaultInjector.builder().seed(seed).throttle(throttleRate)
        .unprocessed(unprocessedRate, 0.5).build();
    List<BatchRetryPolicy.RetryEvent> retries = new CopyOnWriteArrayList<>();
    BatchRetryPolicy policy = BatchRetryPolicy.builder().maxAttempts(maxAttempts).baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(8)).jitterSeed(seed).listener(retries::add).build();
    try (DynamoDbAsyncClient client = DynamoTestClients.async(TestTables.plain().server().endpoint(), faults)) {
      List<String> asked = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        asked.add(Part.key(i));
      }
      BatchResult<String, Part> r = BatchGetReader.builder(client, table, Part.MAPPER).retryPolicy(policy).build()
          .getAll(asked);

      Set<String> accounted = new HashSet<>(r.found().keySet());
      accounted.addAll(r.unprocessed());
      assertThat(accounted).containsExactlyInAnyOrderElementsOf(asked);
      assertThat(r.missing()).isEmpty();
      r.found().forEach((k, v) -> assertThat(v).isEqualTo(Part.of(Integer.parseInt(k.substring(5)))));
      assertThat(r.failure() == null).isEqualTo(r.unprocessed().isEmpty());
      int chunks = (n + 99) / 100;
      assertThat(faults.callCount()).isLessThanOrEqualTo((long) chunks * maxAttempts);
      long faultyCalls = faults.throttledCount() + faults.trimmedCallCount();
      assertThat(faults.callCount()).isEqualTo(chunks + (long) retries.size());
      assertThat(retries.size()).isLessThanOrEqualTo((int) faultyCalls);
      for (BatchRetryPolicy.RetryEvent e : retries) {
        assertThat(e.attempt()).isBetween(1, maxAttempts - 1);
        assertThat(e.delay()).isLessThanOrEqualTo(policy.backoffCap(e.attempt()));
        assertThat(e.pending()).isPositive();
      }
    }
  }

  /** P7: chunks that fail for good leave their keys unprocessed; every other chunk's items come back. */
  @Property(tries = 12)
  void partialFailure_returnsTheSuccessesAndNamesTheFailedKeys(
      @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = STORED - 1) Integer> ids,
      @ForAll @Size(max = 3) Set<@IntRange(min = 0, max = STORED - 1) Integer> poisonedIds) {
    Set<String> poisoned = new HashSet<>(keysOf(new ArrayList<>(poisonedIds)));
    DynamoFaultInjector faults = DynamoFaultInjector.builder()
        .failKeys(k -> poisoned.contains(k.get("id").s()), "ValidationException").build();
    try (DynamoDbAsyncClient client = DynamoTestClients.async(TestTables.plain().server().endpoint(), faults)) {
      List<String> asked = keysOf(ids);
      BatchResult<String, Part> r = BatchGetReader.builder(client, table, Part.MAPPER).build().getAll(asked);

      Set<String> expectFound = new HashSet<>();
      Set<String> expectFailed = new HashSet<>();
      for (List<String> chunk : BatchKeys.distinctChunks(asked, 100)) {
        (chunk.stream().anyMatch(poisoned::contains) ? expectFailed : expectFound).addAll(chunk);
      }
      assertThat(r.found().keySet()).containsExactlyInAnyOrderElementsOf(expectFound);
      assertThat(r.unprocessed()).containsExactlyInAnyOrderElementsOf(expectFailed);
      if (expectFailed.isEmpty()) {
        assertThat(r.failure()).isNull();
      } else {
        assertThat(r.failure()).hasMessageContaining("ValidationException");
      }
    }
  }
}
