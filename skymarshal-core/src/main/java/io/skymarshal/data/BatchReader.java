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

  /** Reads all {@code keys} without blocking the caller. The default runs {@link #getAll} asynchronously. */
  default CompletableFuture<BatchResult<K, V>> getAllAsync(Collection<? extends K> keys) {
    List<K> copy = List.copyOf(keys);
    return CompletableFuture.supplyAsync(() -> getAll(copy));
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
