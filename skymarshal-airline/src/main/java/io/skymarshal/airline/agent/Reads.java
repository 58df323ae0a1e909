package io.skymarshal.airline.agent;

import io.skymarshal.data.BatchReader;
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
 * {@link BatchReader#getAll} call, and every key that was not delivered is recorded as a note for
 * the prompt instead of being dropped: {@code <unread t keys why>} for keys the store could not
 * read, {@code <notfound t keys>} for keys that do not exist.
 *
 * <p>Reads started together run at the same time where the reader reads asynchronously: when the
 * first result is asked for, the other started reads go out with {@link BatchReader#getAllAsync}
 * (at once for the DynamoDB readers, on the calling thread for the in-memory reader and any reader
 * that does not override it, so a gather never starts a thread of its own) and the asked one runs
 * on the calling thread. Part of the agent kit ({@link AirlineAgent}). Not thread-safe: one per
 * gather.
 */
public final class Reads {
  private final DataAccess data;
  private final List<XmlElement> notes = new ArrayList<>();
  private final List<Pending<?, ?>> waiting = new ArrayList<>();

  /** Reads for one gather from {@code data}. */
  public Reads(DataAccess data) {
    this.data = data;
  }

  /** Registers one batched read of {@code keys}; nothing is requested for an empty key set. */
  public <K, V> Pending<K, V> start(Table<K, V> table, Collection<K> keys) {
    Pending<K, V> p = new Pending<>(table, data.reader(table), List.copyOf(keys));
    waiting.add(p);
    return p;
  }

  /** The notes on keys not delivered so far, in the order results were taken. */
  public List<XmlElement> notes() {
    return List.copyOf(notes);
  }

  /** One batched read, started or about to be. */
  public final class Pending<K, V> {
    private final Table<K, V> table;
    private final BatchReader<K, V> reader;
    private final List<K> keys;
    private CompletableFuture<BatchResult<K, V>> future;
    private Map<K, V> found;
    private final java.util.Set<K> undelivered = new java.util.LinkedHashSet<>();

    private Pending(Table<K, V> table, BatchReader<K, V> reader, List<K> keys) {
      this.table = table;
      this.reader = reader;
      this.keys = keys;
    }

    private void launch() {
      if (future == null) {
        future = keys.isEmpty() ? CompletableFuture.completedFuture(BatchResult.empty()) : reader.getAllAsync(keys);
      }
    }

    /** The items found; notes what was not delivered. */
    public Map<K, V> found() {
      if (found != null) {
        return found;
      }
      BatchResult<K, V> r;
      if (future == null) {
        waiting.remove(this);
        waiting.forEach(Pending::launch);
        waiting.clear();
        r = keys.isEmpty() ? BatchResult.empty() : reader.getAll(keys);
      } else {
        try {
          r = future.join();
        } catch (CompletionException e) {
          throw e.getCause() instanceof RuntimeException re ? re : e;
        }
      }
      if (!r.unprocessed().isEmpty()) {
        String why = r.failure() == null ? null : String.valueOf(r.failure().getMessage());
        notes.add(XmlElement.builder("unread").attr("t", table.name()).attr("keys", join(r.unprocessed()))
            .attr("why", why).build());
      }
      if (!r.missing().isEmpty()) {
        notes.add(XmlElement.builder("notfound").attr("t", table.name()).attr("keys", join(r.missing())).build());
      }
      undelivered.addAll(r.unprocessed());
      found = r.found();
      return found;
    }

    /** Whether {@code key} was asked for and could not be read (as opposed to not existing); after {@link #found()}. */
    public boolean unread(K key) {
      found();
      return undelivered.contains(key);
    }

    /** {@code table:key}, naming what is missing for a clearance. */
    public String describe(K key) {
      return table.name() + ":" + key;
    }
  }

  private static String join(Collection<?> keys) {
    return keys.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
