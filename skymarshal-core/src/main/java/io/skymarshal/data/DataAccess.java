package io.skymarshal.data;

import io.skymarshal.core.SkyMarshalException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The batch readers an agent may use, one per {@link Table}. Immutable and thread-safe.
 * Build one over in-memory readers for offline runs and tests, or over DynamoDB readers.
 */
public final class DataAccess {
  private final Map<Table<?, ?>, BatchReader<?, ?>> readers;

  private DataAccess(Map<Table<?, ?>, BatchReader<?, ?>> readers) {
    this.readers = Collections.unmodifiableMap(new LinkedHashMap<>(readers));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this access's readers, to add the tables of an agent of your own
   * (a table already present still fails when given again).
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.readers.putAll(readers);
    return b;
  }

  /** The tables with a reader, in the order they were given. */
  public java.util.Set<Table<?, ?>> tables() {
    return readers.keySet();
  }

  /** Access to no table at all: for agents that read nothing. */
  public static DataAccess none() {
    return new DataAccess(Map.of());
  }

  /**
   * The reader for {@code table}.
   *
   * @throws SkyMarshalException naming the table and the configured ones if there is none
   */
  @SuppressWarnings("unchecked")
  public <K, V> BatchReader<K, V> reader(Table<K, V> table) {
    BatchReader<?, ?> r = readers.get(table);
    if (r == null) {
      throw new SkyMarshalException("no reader for table '" + table.name() + "'; configured: "
          + readers.keySet().stream().map(Table::name).toList(), false);
    }
    return (BatchReader<K, V>) r;
  }

  /** Whether a reader is configured for {@code table}. */
  public boolean has(Table<?, ?> table) {
    return readers.containsKey(table);
  }

  /** Builds a {@link DataAccess}. Not thread-safe. */
  public static final class Builder {
    private final Map<Table<?, ?>, BatchReader<?, ?>> readers = new LinkedHashMap<>();

    private Builder() {}

    /** The reader for one table; a second call for the same table fails. */
    public <K, V> Builder table(Table<K, V> table, BatchReader<K, V> reader) {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(reader, "reader");
      if (readers.putIfAbsent(table, reader) != null) {
        throw new IllegalStateException("a reader for table '" + table.name() + "' was already set");
      }
      return this;
    }

    public DataAccess build() {
      return new DataAccess(readers);
    }
  }
}
