package io.skymarshal.data;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads many items of one table by key in as few requests as the store allows. The SPI behind
 * every agent's data: {@link InMemoryBatchReader} offline, {@code BatchGetReader} on DynamoDB.
 *
 * <p>Contract, tested by the testkit's contract test for every implementation:
 * <ul>
 *   <li>duplicate keys are read once; an empty key collection makes no request;
 *   <li>every distinct key ends in exactly one of {@link BatchResult#found()},
 *       {@link BatchResult#missing()} (does not exist) or {@link BatchResult#unprocessed()}
 *       (could not be read within the retry budget, with {@link BatchResult#failure()} saying why):
 *       no key is dropped silently;
 *   <li>{@link #get} of one key returns what {@link #getAll} returns for it.
 * </ul>
 * Implementations are thread-safe.
 *
 * @param <K> the key type
 * @param <V> the item type
 */
public interface BatchReader<K, V> {

  /** Reads all {@code keys}; blocks until done. */
  BatchResult<K, V> getAll(Collection<? extends K> keys);

  /**
   * Reads all {@code keys}, for callers that start several reads before waiting for any. The
   * default reads with {@link #getAll} on the calling thread and returns a completed future (an
   * exception from {@code getAll} fails the future): it starts no thread, so reads stay on the
   * thread, and in the pool, that gathers (cheap for {@link InMemoryBatchReader}). A reader whose
   * requests are asynchronous I/O (the DynamoDB readers) overrides this to return at once.
   */
  default CompletableFuture<BatchResult<K, V>> getAllAsync(Collection<? extends K> keys) {
    try {
      return CompletableFuture.completedFuture(getAll(List.copyOf(keys)));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Reads one item: the single-item read that batch reads replace, kept for callers that have
   * one key.
   *
   * @throws BatchReadException if the item could not be read (not if it does not exist)
   */
  default Optional<V> get(K key) {
    Objects.requireNonNull(key, "key");
    BatchResult<K, V> r = getAll(List.of(key));
    if (!r.unprocessed().isEmpty()) {
      throw new BatchReadException("could not read key " + key, r.failure());
    }
    return Optional.ofNullable(r.found().get(key));
  }
}
