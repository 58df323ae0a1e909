package io.skymarshal.dynamo.internal;

import io.skymarshal.data.BatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/** The batch-read plumbing every DynamoDB reader shares, whatever request reads one chunk of keys. */
public final class BatchReads {
  private BatchReads() {}

  /**
   * Reads {@code chunks} (distinct keys, as {@code BatchKeys.distinctChunks} gives them) with
   * {@code readChunk}, at most {@code maxConcurrency} chunks in flight, and merges the parts into
   * one result whose found items follow the chunks' key order. No chunks, no request.
   * {@code readChunk} is called only when its chunk starts, so an exception it throws fails the
   * returned future rather than the caller.
   */
  public static <K, V> CompletableFuture<BatchResult<K, V>> fanOut(String table, List<List<K>> chunks,
      int maxConcurrency, Function<List<K>, CompletableFuture<BatchResult<K, V>>> readChunk) {
    if (chunks.isEmpty()) {
      return CompletableFuture.completedFuture(BatchResult.empty());
    }
    List<K> order = new ArrayList<>();
    List<Supplier<CompletableFuture<BatchResult<K, V>>>> tasks = new ArrayList<>(chunks.size());
    for (List<K> chunk : chunks) {
      order.addAll(chunk);
      tasks.add(() -> readChunk.apply(chunk));
    }
    return Concurrently.run(tasks, maxConcurrency).thenApply(parts -> Results.merge(table, order, parts));
  }

  /**
   * Waits for a read. Its future fails only for a caller error (e.g. a key the mapper rejects),
   * which is rethrown as is rather than wrapped.
   */
  public static <T> T await(CompletableFuture<T> read) {
    try {
      return read.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
