package io.skymarshal.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.data.BatchKeys;
import io.skymarshal.data.BatchReader;
import io.skymarshal.data.BatchResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BatchReader} keeps, as tests: extend it in your implementation's
 * test sources and say how to build a reader over given items. Covers de-duplication, chunking
 * ({@link #keysPerRequest()} keys per request, 100 by default: 1, 2 and 3 requests for 100, 101
 * and 250 keys), missing keys, request order, {@code get} agreeing with {@code getAll}, the async
 * form, and null keys.
 *
 * @param <K> the key type
 * @param <V> the item type
 */
public abstract class BatchReaderContract<K, V> {

  /** A reader over a store holding exactly {@code items}; called once per test. */
  protected abstract BatchReader<K, V> readerHolding(Map<K, V> items);

  /** The {@code i}-th key; distinct {@code i} give distinct keys. */
  protected abstract K key(int i);

  /** An item for {@code key}; distinct {@code i} give distinct items. */
  protected abstract V value(K key, int i);

  /** Batch requests the reader last built by {@link #readerHolding} has sent to its store. */
  protected abstract long requestCount();

  /**
   * The most distinct keys one request of this reader reads: N distinct keys must take exactly
   * ceil(N / keysPerRequest()) requests. By default {@link BatchKeys#MAX_KEYS_PER_REQUEST} (100,
   * DynamoDB BatchGetItem's limit). A reader whose store has no batch read and that sends one
   * request per key (e.g. one Query per partition) returns 1; its {@link #readerHolding} store
   * must then answer each key in a single request (one page).
   */
  protected int keysPerRequest() {
    return BatchKeys.MAX_KEYS_PER_REQUEST;
  }

  private long requestsFor(int distinctKeys) {
    int perRequest = keysPerRequest();
    assertThat(perRequest).as("keysPerRequest()").isPositive();
    return (distinctKeys + perRequest - 1) / perRequest;
  }

  private Map<K, V> items(int from, int to) {
    Map<K, V> m = new LinkedHashMap<>();
    for (int i = from; i < to; i++) {
      m.put(key(i), value(key(i), i));
    }
    return m;
  }

  private List<K> keys(int from, int to) {
    return IntStream.range(from, to).mapToObj(this::key).toList();
  }

  @Test
  void getAll_whenNoKeys_returnsEmptyCompleteResultWithoutARequest() {
    BatchReader<K, V> r = readerHolding(items(0, 3));
    BatchResult<K, V> result = r.getAll(List.of());
    assertThat(result.found()).isEmpty();
    assertThat(result.missing()).isEmpty();
    assertThat(result.isComplete()).isTrue();
    assertThat(requestCount()).isZero();
  }

  @Test
  void getAll_whenAllExist_returnsEveryItemInRequestOrder() {
    Map<K, V> stored = items(0, 30);
    BatchReader<K, V> r = readerHolding(stored);
    List<K> asked = new ArrayList<>(stored.keySet());
    java.util.Collections.reverse(asked);
    BatchResult<K, V> result = r.getAll(asked);
    assertThat(result.isComplete()).isTrue();
    assertThat(result.missing()).isEmpty();
    assertThat(new ArrayList<>(result.found().keySet())).isEqualTo(asked);
    asked.forEach(k -> assertThat(result.found().get(k)).isEqualTo(stored.get(k)));
  }

  @Test
  void getAll_whenSomeKeysDoNotExist_namesThemMissing() {
    BatchReader<K, V> r = readerHolding(items(0, 10));
    BatchResult<K, V> result = r.getAll(keys(5, 15));
    assertThat(result.found().keySet()).containsExactlyElementsOf(keys(5, 10));
    assertThat(result.missing()).containsExactlyInAnyOrderElementsOf(keys(10, 15));
    assertThat(result.unprocessed()).isEmpty();
  }

  @Test
  void getAll_withDuplicateKeys_readsEachKeyOnce() {
    BatchReader<K, V> r = readerHolding(items(0, 150));
    List<K> asked = new ArrayList<>(keys(0, 150));
    asked.addAll(keys(0, 150));
    asked.addAll(keys(20, 40));
    BatchResult<K, V> result = r.getAll(asked);
    assertThat(result.found()).hasSize(150);
    assertThat(result.isComplete()).isTrue();
    assertThat(requestCount()).isEqualTo(requestsFor(150));
  }

  @Test
  void getAll_withBoundaryKeyCounts_sendsOneRequestPerChunkOfKeys() {
    BatchReader<K, V> r = readerHolding(items(0, 250));
    long before = requestCount();
    for (int n : new int[] {1, 99, 100, 101, 200, 250}) {
      BatchResult<K, V> result = r.getAll(keys(0, n));
      assertThat(result.found()).as("found of %d keys", n).hasSize(n);
      long after = requestCount();
      assertThat(after - before).as("requests for %d keys", n).isEqualTo(requestsFor(n));
      before = after;
    }
  }

  @Test
  void everyDistinctKey_endsInExactlyOneOfFoundMissingUnprocessed() {
    BatchReader<K, V> r = readerHolding(items(0, 120));
    List<K> asked = new ArrayList<>(keys(60, 260));
    asked.addAll(keys(100, 130));
    BatchResult<K, V> result = r.getAll(asked);
    Set<K> seen = new HashSet<>();
    result.found().keySet().forEach(k -> assertThat(seen.add(k)).isTrue());
    result.missing().forEach(k -> assertThat(seen.add(k)).isTrue());
    result.unprocessed().forEach(k -> assertThat(seen.add(k)).isTrue());
    assertThat(seen).isEqualTo(new HashSet<>(keys(60, 260)));
  }

  @Test
  void get_returnsWhatGetAllReturnsForTheKey() {
    Map<K, V> stored = items(0, 5);
    BatchReader<K, V> r = readerHolding(stored);
    for (K k : Arrays.asList(key(0), key(4))) {
      assertThat(r.get(k)).contains(stored.get(k)).contains(r.getAll(List.of(k)).found().get(k));
    }
    assertThat(r.get(key(99))).isEmpty();
    assertThat(r.getAll(List.of(key(99))).missing()).containsExactly(key(99));
  }

  @Test
  void getAllAsync_returnsWhatGetAllReturns() {
    BatchReader<K, V> r = readerHolding(items(0, 40));
    List<K> asked = keys(20, 60);
    BatchResult<K, V> async = r.getAllAsync(asked).join();
    BatchResult<K, V> sync = r.getAll(asked);
    assertThat(async.found()).isEqualTo(sync.found());
    assertThat(async.missing()).isEqualTo(sync.missing());
    assertThat(async.unprocessed()).isEqualTo(sync.unprocessed());
  }

  @Test
  void getAll_whenAKeyIsNull_throwsNullPointerException() {
    BatchReader<K, V> r = readerHolding(items(0, 2));
    assertThatThrownBy(() -> r.getAll(Arrays.asList(key(0), null))).isInstanceOf(NullPointerException.class);
  }
}
