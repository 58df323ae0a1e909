package io.skymarshal.examples.faults;

import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.data.BatchReader;
import io.skymarshal.data.BatchResult;
import io.skymarshal.data.DataAccess;
import io.skymarshal.data.Table;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounts for every key asked of the batch readers of a {@link DataAccess}: each distinct key of
 * a read must come back in exactly one of found, missing or unprocessed (a typed partial result);
 * a key in none of them, or in two, is lost. A read that fails with a SkyMarshal exception counts
 * its keys as unread (typed); with any other exception, as lost. Thread-safe.
 */
final class KeyLedger {
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong asked = new AtomicLong();
  private final AtomicLong found = new AtomicLong();
  private final AtomicLong missing = new AtomicLong();
  private final AtomicLong unread = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();

  /** {@code data} with every reader accounted for here. */
  DataAccess audit(DataAccess data) {
    DataAccess.Builder b = DataAccess.builder();
    for (Table<?, ?> t : data.tables()) {
      add(b, t, data);
    }
    return b.build();
  }

  private <K, V> void add(DataAccess.Builder b, Table<K, V> table, DataAccess data) {
    b.table(table, new Audited<>(table.name(), data.reader(table)));
  }

  long reads() {
    return reads.get();
  }

  long asked() {
    return asked.get();
  }

  long found() {
    return found.get();
  }

  long missing() {
    return missing.get();
  }

  /** Keys reported unprocessed, or of a read that failed with a typed exception. */
  long unread() {
    return unread.get();
  }

  /** Keys dropped: in no part of the result, in two, or of a read that failed untyped. */
  long lost() {
    return lost.get();
  }

  List<String> examples() {
    return List.copyOf(examples);
  }

  private <K> void account(String table, Collection<? extends K> keys, BatchResult<K, ?> result, Throwable error) {
    Set<K> distinct = new LinkedHashSet<>(keys);
    reads.incrementAndGet();
    asked.addAndGet(distinct.size());
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof SkyMarshalException) {
        unread.addAndGet(distinct.size());
      } else {
        lost.addAndGet(distinct.size());
        note(table + ": a read of " + distinct.size() + " keys failed untyped: " + cause);
      }
      return;
    }
    for (K k : distinct) {
      int in = (result.found().containsKey(k) ? 1 : 0) + (result.missing().contains(k) ? 1 : 0)
          + (result.unprocessed().contains(k) ? 1 : 0);
      if (in != 1) {
        lost.incrementAndGet();
        note(table + ": key " + k + " is in " + in + " parts of the result");
      } else if (result.found().containsKey(k)) {
        found.incrementAndGet();
      } else if (result.missing().contains(k)) {
        missing.incrementAndGet();
      } else {
        unread.incrementAndGet();
      }
    }
  }

  private void note(String line) {
    if (examples.size() < 5) {
      examples.add(line);
    }
  }

  private final class Audited<K, V> implements BatchReader<K, V> {
    private final String table;
    private final BatchReader<K, V> delegate;

    Audited(String table, BatchReader<K, V> delegate) {
      this.table = table;
      this.delegate = delegate;
    }

    @Override
    public BatchResult<K, V> getAll(Collection<? extends K> keys) {
      List<K> copy = List.copyOf(keys);
      BatchResult<K, V> r;
      try {
        r = delegate.getAll(copy);
      } catch (RuntimeException e) {
        account(table, copy, null, e);
        throw e;
      }
      account(table, copy, r, null);
      return r;
    }

    @Override
    public CompletableFuture<BatchResult<K, V>> getAllAsync(Collection<? extends K> keys) {
      List<K> copy = List.copyOf(keys);
      CompletableFuture<BatchResult<K, V>> f;
      try {
        f = delegate.getAllAsync(copy);
      } catch (RuntimeException e) {
        account(table, copy, null, e);
        throw e;
      }
      return f.whenComplete((r, e) -> account(table, copy, r, e));
    }

    @Override
    public Optional<V> get(K key) {
      // the single-item path stays the reader's own (GetItem on DynamoDB)
      Optional<V> v;
      try {
        v = delegate.get(key);
      } catch (RuntimeException e) {
        account(table, List.of(key), null, e);
        throw e;
      }
      reads.incrementAndGet();
      asked.incrementAndGet();
      (v.isPresent() ? found : missing).incrementAndGet();
      return v;
    }
  }
}
