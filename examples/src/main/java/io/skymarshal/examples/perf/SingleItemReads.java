package io.skymarshal.examples.perf;

import io.skymarshal.data.BatchReader;
import io.skymarshal.data.BatchResult;
import io.skymarshal.data.DataAccess;
import io.skymarshal.data.Table;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The baseline's reads: every table read one key at a time with the reader's single-item read
 * ({@link BatchReader#get}, GetItem on DynamoDB), one after another, as the code before batching did.
 */
public final class SingleItemReads {
  private SingleItemReads() {}

  /** {@code data} with every table read one key at a time. */
  public static DataAccess of(DataAccess data) {
    DataAccess.Builder b = DataAccess.builder();
    for (Table<?, ?> t : data.tables()) {
      copy(b, t, data);
    }
    return b.build();
  }

  private static <K, V> void copy(DataAccess.Builder b, Table<K, V> table, DataAccess data) {
    BatchReader<K, V> batched = data.reader(table);
    b.table(table, keys -> one(batched, keys));
  }

  private static <K, V> BatchResult<K, V> one(BatchReader<K, V> reader, Collection<? extends K> keys) {
    Map<K, V> found = new LinkedHashMap<>();
    Set<K> missing = new LinkedHashSet<>();
    for (K k : new LinkedHashSet<K>(keys)) {
      Optional<V> v = reader.get(k);
      if (v.isPresent()) {
        found.put(k, v.get());
      } else {
        missing.add(k);
      }
    }
    return BatchResult.complete(found, missing);
  }
}
