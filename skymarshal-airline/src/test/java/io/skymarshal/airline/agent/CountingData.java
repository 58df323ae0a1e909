package io.skymarshal.airline.agent;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.store.InMemoryAirlineStore;
import io.skymarshal.data.BatchReader;
import io.skymarshal.data.BatchResult;
import io.skymarshal.data.DataAccess;
import io.skymarshal.data.Table;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The in-memory airline behind readers that record every {@code getAll} call (table and keys),
 * and that can leave chosen keys unprocessed, as a store under throttling would.
 */
final class CountingData {
  private final InMemoryAirlineStore store;
  private final Map<String, List<List<Object>>> calls = new ConcurrentHashMap<>();
  private final DataAccess access;

  CountingData(AirlineDataset dataset, Predicate<Object> unprocessed) {
    this.store = InMemoryAirlineStore.of(dataset);
    DataAccess.Builder b = DataAccess.builder();
    for (Table<?, ?> t : AirlineTables.ALL) {
      add(b, t, unprocessed);
    }
    this.access = b.build();
  }

  CountingData(AirlineDataset dataset) {
    this(dataset, k -> false);
  }

  DataAccess access() {
    return access;
  }

  /** The getAll calls made on {@code table}, each with its keys. */
  List<List<Object>> calls(Table<?, ?> table) {
    return calls.getOrDefault(table.name(), List.of());
  }

  /** Requests (chunks of at most 100 keys) the in-memory store served for {@code table}. */
  long requests(Table<?, ?> table) {
    return store.reader(table).requestCount();
  }

  private <K, V> void add(DataAccess.Builder b, Table<K, V> table, Predicate<Object> unprocessed) {
    BatchReader<K, V> inner = store.reader(table);
    b.table(table, new BatchReader<K, V>() {
      @Override
      public BatchResult<K, V> getAll(Collection<? extends K> keys) {
        calls.computeIfAbsent(table.name(), n -> new CopyOnWriteArrayList<>()).add(List.copyOf(keys));
        Set<K> skipped = new LinkedHashSet<>();
        List<K> asked = keys.stream().filter(k -> {
          if (unprocessed.test(k)) {
            skipped.add(k);
            return false;
          }
          return true;
        }).map(k -> (K) k).toList();
        BatchResult<K, V> r = inner.getAll(asked);
        if (skipped.isEmpty()) {
          return r;
        }
        return new BatchResult<>(new LinkedHashMap<>(r.found()), r.missing(), skipped,
            new IllegalStateException("throttled"));
      }
    });
  }
}
