package io.skymarshal.dynamo.internal;

import io.skymarshal.data.BatchReadException;
import io.skymarshal.data.BatchResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Merges the results of a read's requests into one result. */
public final class Results {
  private Results() {}

  /**
   * One result over {@code parts}, found items in {@code keyOrder}; when several parts failed,
   * the failure names the count and carries the first part's failure as cause and the others as
   * suppressed.
   */
  public static <K, V> BatchResult<K, V> merge(String table, Collection<K> keyOrder, List<BatchResult<K, V>> parts) {
    Map<K, V> all = new LinkedHashMap<>();
    Set<K> missing = new LinkedHashSet<>();
    Set<K> unprocessed = new LinkedHashSet<>();
    List<Throwable> failures = new ArrayList<>();
    for (BatchResult<K, V> p : parts) {
      all.putAll(p.found());
      missing.addAll(p.missing());
      unprocessed.addAll(p.unprocessed());
      if (p.failure() != null) {
        failures.add(p.failure());
      }
    }
    Map<K, V> found = new LinkedHashMap<>();
    for (K k : keyOrder) {
      V v = all.get(k);
      if (v != null) {
        found.put(k, v);
      }
    }
    if (unprocessed.isEmpty()) {
      return BatchResult.complete(found, missing);
    }
    Throwable failure = failures.get(0);
    if (failures.size() > 1) {
      boolean retryable = failures.stream().allMatch(f -> f instanceof BatchReadException b && b.retryable());
      BatchReadException combined = new BatchReadException(unprocessed.size() + " keys of table '" + table
          + "' not read, by " + failures.size() + " failed requests; first: " + failure.getMessage(), retryable, failure);
      failures.subList(1, failures.size()).forEach(combined::addSuppressed);
      failure = combined;
    }
    return new BatchResult<>(found, missing, unprocessed, failure);
  }
}
