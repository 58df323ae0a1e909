package io.skymarshal.dynamo;

import io.skymarshal.data.BatchKeys;
import io.skymarshal.data.BatchReadException;
import io.skymarshal.data.BatchReader;
import io.skymarshal.data.BatchResult;
import io.skymarshal.dynamo.internal.Args;
import io.skymarshal.dynamo.internal.BatchReads;
import io.skymarshal.dynamo.internal.DynamoErrors;
import io.skymarshal.dynamo.internal.QueryPages;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A {@link BatchReader} for "by" tables: each key is a partition of a table or global secondary
 * index (e.g. the bookings of a flight), read with one Query per key (all pages), the queries
 * sent concurrently, at most {@link Builder#maxConcurrency} at once. DynamoDB has no batch
 * query, so this is the batched form of the access pattern behind the same SPI as
 * {@link BatchGetReader}: duplicates are queried once, no keys make no request, throttling and
 * server errors are retried per page under a {@link BatchRetryPolicy}, and a key whose query
 * failed for good ends in {@link BatchResult#unprocessed()} with the cause while the others are
 * returned. What a key with no items gives is the {@link GroupMapper}'s choice.
 *
 * <p>See {@link BatchGetReader} about the client's own retries. Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value gathered per key
 */
public final class IndexQueryReader<K, V> implements BatchReader<K, V> {
  private final DynamoDbAsyncClient client;
  private final String table;
  private final String index;
  private final GroupMapper<K, V> mapper;
  private final int maxConcurrency;
  private final boolean consistentRead;
  private final Integer pageSize;
  private final BatchRetryPolicy retry;

  private IndexQueryReader(Builder<K, V> b) {
    this.client = b.client;
    this.table = b.table;
    this.index = b.index;
    this.mapper = b.mapper;
    this.maxConcurrency = b.maxConcurrency;
    this.consistentRead = b.consistentRead;
    this.pageSize = b.pageSize;
    this.retry = b.retry;
  }

  /**
   * Starts a reader of the partitions of {@code index} on {@code table}.
   *
   * @param index a global secondary index name, or null to query the table's own partitions
   */
  public static <K, V> Builder<K, V> builder(DynamoDbAsyncClient client, String table, String index,
      GroupMapper<K, V> mapper) {
    return new Builder<>(client, table, index, mapper);
  }

  /** Reads {@code keys}; blocks until done. Never throws for a failed query. */
  @Override
  public BatchResult<K, V> getAll(Collection<? extends K> keys) {
    return BatchReads.await(getAllAsync(keys));
  }

  /** Reads {@code keys} without blocking; the future does not fail for a failed query. */
  @Override
  public CompletableFuture<BatchResult<K, V>> getAllAsync(Collection<? extends K> keys) {
    return BatchReads.fanOut(table, BatchKeys.distinctChunks(keys, 1), maxConcurrency, single -> read(single.get(0)));
  }

  private CompletableFuture<BatchResult<K, V>> read(K key) {
    QueryRequest.Builder q = QueryRequest.builder().tableName(table)
        .keyConditionExpression("#pk = :pk")
        .expressionAttributeNames(Map.of("#pk", mapper.partitionAttribute()))
        .expressionAttributeValues(Map.of(":pk", mapper.partitionValue(key)));
    if (pageSize != null) {
      q.limit(pageSize);
    }
    if (index != null) {
      q.indexName(index);
    } else {
      q.consistentRead(consistentRead);
    }
    return QueryPages.readAll(client, q.build(), retry).handle((items, error) -> {
      if (error != null) {
        return new BatchResult<>(Map.of(), Set.of(), Set.of(key), DynamoErrors.translate(error, "Query", where()));
      }
      V v;
      try {
        v = mapper.fromItems(key, items);
      } catch (RuntimeException e) {
        return new BatchResult<>(Map.of(), Set.of(), Set.of(key), new BatchReadException("the items of key " + key
            + " in " + where() + " could not be mapped: " + e.getMessage(), false, e));
      }
      return v == null ? BatchResult.complete(Map.of(), Set.of(key)) : BatchResult.complete(Map.of(key, v), Set.of());
    });
  }

  private String where() {
    return index == null ? table : table + "' index '" + index;
  }

  @Override
  public String toString() {
    return "IndexQueryReader[" + table + (index == null ? "" : "/" + index) + ", maxConcurrency=" + maxConcurrency + "]";
  }

  /** Configures an {@link IndexQueryReader}; each setter checks its argument. Not thread-safe. */
  public static final class Builder<K, V> {
    private final DynamoDbAsyncClient client;
    private final String table;
    private final String index;
    private final GroupMapper<K, V> mapper;
    private int maxConcurrency = 16;
    private boolean consistentRead;
    private Integer pageSize;
    private BatchRetryPolicy retry = BatchRetryPolicy.defaults();

    private Builder(DynamoDbAsyncClient client, String table, String index, GroupMapper<K, V> mapper) {
      this.client = Objects.requireNonNull(client, "client");
      this.table = Objects.requireNonNull(table, "table");
      if (table.isBlank() || (index != null && index.isBlank())) {
        throw new IllegalArgumentException("table and index must not be blank");
      }
      this.index = index;
      this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Queries in flight at once for one read. Default 16. */
    public Builder<K, V> maxConcurrency(int maxConcurrency) {
      this.maxConcurrency = Args.atLeastOne(maxConcurrency, "maxConcurrency");
      return this;
    }

    /** Strongly consistent queries; only on a table's own partitions (a GSI does not offer them). Default false. */
    public Builder<K, V> consistentRead(boolean consistentRead) {
      if (consistentRead && index != null) {
        throw new IllegalArgumentException("consistentRead is not available on global secondary index " + index);
      }
      this.consistentRead = consistentRead;
      return this;
    }

    /** Items per Query page (the request's Limit). Default: DynamoDB's 1 MB pages. */
    public Builder<K, V> pageSize(int pageSize) {
      this.pageSize = Args.atLeastOne(pageSize, "pageSize");
      return this;
    }

    /** How throttling and server errors are retried, per page. Default {@link BatchRetryPolicy#defaults()}. */
    public Builder<K, V> retryPolicy(BatchRetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    public IndexQueryReader<K, V> build() {
      return new IndexQueryReader<>(this);
    }
  }
}
