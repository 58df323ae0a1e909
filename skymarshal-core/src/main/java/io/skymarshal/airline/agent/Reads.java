package io.skymarshal.airline.agent;

import io.skymarshal.data.BatchResult;
import io.skymarshal.data.DataAccess;
import io.skymarshal.data.Table;
import io.skymarshal.prompt.XmlElement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The batched reads of one agent's gather: every table is read with one
 * {@link io.skymarshal.data.BatchReader#getAll} call (started asynchronously so independent
 * tables are read at the same time), and every key that was not delivered is recorded as a note
 * for the prompt instead of being dropped: {@code <unread t keys why>} for keys the store could
 * not read, {@code <notfound t keys>} for keys that do not exist. Not thread-safe: one per gather.
 */
final class Reads {
  private final DataAccess data;
  private final List<XmlElement> notes = new ArrayList<>();

  Reads(DataAccess data) {
    this.data = data;
  }

  /** Starts one batched read of {@code keys}; no request for an empty key set. */
  <K, V> Pending<K, V> start(Table<K, V> table, Collection<K> keys) {
    CompletableFuture<BatchResult<K, V>> f = keys.isEmpty()
        ? CompletableFuture.completedFuture(BatchResult.empty())
        : data.reader(table).getAllAsync(keys);
    return new Pending<>(table, f);
  }

  /** The notes on keys not delivered so far, in read order. */
  List<XmlElement> notes() {
    return List.copyOf(notes);
  }

  /** One batched read in flight. */
  final class Pending<K, V> {
    private final Table<K, V> table;
    private final CompletableFuture<BatchResult<K, V>> future;

    private Pending(Table<K, V> table, CompletableFuture<BatchResult<K, V>> future) {
      this.table = table;
      this.future = future;
    }

    /** The items found, waiting for the read; notes what was not delivered. */
    Map<K, V> found() {
      BatchResult<K, V> r;
      try {
        r = future.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : e;
      }
      if (!r.unprocessed().isEmpty()) {
        String why = r.failure() == null ? null : String.valueOf(r.failure().getMessage());
        notes.add(XmlElement.builder("unread").attr("t", table.name()).attr("keys", join(r.unprocessed()))
            .attr("why", why).build());
      }
      if (!r.missing().isEmpty()) {
        notes.add(XmlElement.builder("notfound").attr("t", table.name()).attr("keys", join(r.missing())).build());
      }
      return r.found();
    }
  }

  private static String join(Collection<?> keys) {
    return keys.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
