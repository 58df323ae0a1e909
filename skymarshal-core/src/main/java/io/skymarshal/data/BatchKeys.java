package io.skymarshal.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** Key handling every batch reader shares: de-duplication and chunking. */
public final class BatchKeys {

  /** DynamoDB's BatchGetItem limit, and the default chunk size. */
  public static final int MAX_KEYS_PER_REQUEST = 100;

  private BatchKeys() {}

  /**
   * The distinct keys, in first-seen order, split into chunks of at most {@code chunkSize}:
   * N distinct keys give ceil(N / chunkSize) chunks, all full but the last.
   *
   * @throws NullPointerException     if a key is null
   * @throws IllegalArgumentException if {@code chunkSize < 1}
   */
  public static <K> List<List<K>> distinctChunks(Collection<? extends K> keys, int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be >= 1 but was " + chunkSize);
    }
    LinkedHashSet<K> distinct = new LinkedHashSet<>();
    for (K k : keys) {
      distinct.add(Objects.requireNonNull(k, "keys must not contain null"));
    }
    List<List<K>> chunks = new ArrayList<>((distinct.size() + chunkSize - 1) / chunkSize);
    List<K> current = new ArrayList<>(Math.min(chunkSize, distinct.size()));
    for (K k : distinct) {
      current.add(k);
      if (current.size() == chunkSize) {
        chunks.add(List.copyOf(current));
        current.clear();
      }
    }
    if (!current.isEmpty()) {
      chunks.add(List.copyOf(current));
    }
    return chunks;
  }
}
