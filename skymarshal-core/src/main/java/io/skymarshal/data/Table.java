package io.skymarshal.data;

import java.util.Objects;

/**
 * A typed name for one table of items: what {@link DataAccess} hands a {@link BatchReader} for.
 *
 * @param name      the logical table name, e.g. {@code crew_members}
 * @param keyType   the key class
 * @param valueType the item class
 * @param <K>       the key type
 * @param <V>       the item type
 */
public record Table<K, V>(String name, Class<K> keyType, Class<V> valueType) {

  public Table {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
  }

  public static <K, V> Table<K, V> of(String name, Class<K> keyType, Class<V> valueType) {
    return new Table<>(name, keyType, valueType);
  }
}
