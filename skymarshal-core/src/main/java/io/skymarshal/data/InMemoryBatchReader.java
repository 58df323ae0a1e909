package io.skymarshal.data;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A {@link BatchReader} over items held in memory: the offline store behind the quick start
 * and most tests. It honours the same contract as the DynamoDB reader, including chunking at
 * {@link BatchKeys#MAX_KEYS_PER_REQUEST}, and counts the requests (chunks) it served so tests
 * can check that batches are used. Thread-safe; items may be added while reading.
 *
 * @param <K> the key type
 * @param <V> the item type
 */
public final class InMemoryBatchReader<K, V> implements BatchReader<K, V> {
  private final Map<K, V> items = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong keysRequested = new AtomicLong();

  /** An empty store. */
  public InMemoryBatchReader() {}

  /** A store holding {@code values}, keyed by {@code keyOf}. */
  public static <K, V> InMemoryBatchReader<K, V> of(Collection<? extends V> values, Function<? super V, ? extends K> keyOf) {
    InMemoryBatchReader<K, V> r = new InMemoryBatchReader<>();
    for (V v : values) {
      r.put(keyOf.apply(v), v);
    }
    return r;
  }

  /** Adds or replaces one item. */
  public InMemoryBatchReader<K, V> put(K key, V value) {
    items.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  @Override
  public BatchResult<K, V> getAll(Collection<? extends K> keys) {
    Map<K, V> found = new LinkedHashMap<>();
    Set<K> missing = new LinkedHashSet<>();
    for (List<K> chunk : BatchKeys.<K>distinctChunks(keys, BatchKeys.MAX_KEYS_PER_REQUEST)) {
      requests.incrementAndGet();
      keysRequested.addAndGet(chunk.size());
      for (K k : chunk) {
        V v = items.get(k);
        if (v == null) {
          missing.add(k);
        } else {
          found.put(k, v);
        }
      }
    }
    return BatchResult.complete(found, missing);
  }

  /** Requests (chunks of at most 100 distinct keys) served so far. */
  public long requestCount() {
    return requests.get();
  }

  /** Distinct keys requested so far, summed over requests. */
  public long keysRequested() {
    return keysRequested.get();
  }

  /** How many items the store holds. */
  public int size() {
    return items.size();
  }
}
