package io.skymarshal.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a batch read gave: the items found, the keys that do not exist, and the keys that could
 * not be read within the retry budget together with the last cause. Immutable.
 *
 * @param found       the items read, by key, in request order
 * @param missing     keys that do not exist in the table
 * @param unprocessed keys that were not read (never silently dropped); empty when complete
 * @param failure     why {@code unprocessed} is not empty; null when it is empty
 * @param <K>         the key type
 * @param <V>         the item type
 */
public record BatchResult<K, V>(Map<K, V> found, Set<K> missing, Set<K> unprocessed, Throwable failure) {

  public BatchResult {
    found = Collections.unmodifiableMap(new LinkedHashMap<>(found));
    missing = Collections.unmodifiableSet(new LinkedHashSet<>(missing));
    unprocessed = Collections.unmodifiableSet(new LinkedHashSet<>(unprocessed));
    if (!unprocessed.isEmpty()) {
      Objects.requireNonNull(failure, "failure is required when keys are unprocessed");
    }
  }

  /** A complete result. */
  public static <K, V> BatchResult<K, V> complete(Map<K, V> found, Set<K> missing) {
    return new BatchResult<>(found, missing, Set.of(), null);
  }

  /** An empty, complete result. */
  public static <K, V> BatchResult<K, V> empty() {
    return new BatchResult<>(Map.of(), Set.of(), Set.of(), null);
  }

  /** Whether every key was read (found or known missing). */
  public boolean isComplete() {
    return unprocessed.isEmpty();
  }

  /**
   * The items found, or a {@link BatchReadException} naming the unprocessed keys if the read was
   * partial. For callers that cannot use a partial result.
   */
  public Map<K, V> foundOrThrow() {
    if (!isComplete()) {
      throw new BatchReadException(unprocessed.size() + " keys not read: " + unprocessed, failure);
    }
    return found;
  }
}
