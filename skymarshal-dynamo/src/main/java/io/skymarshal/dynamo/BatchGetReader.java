package io.skymarshal.dynamo;

import io.skymarshal.data.BatchKeys;
import io.skymarshal.data.BatchReadException;
import io.skymarshal.data.BatchReader;
import io.skymarshal.data.BatchResult;
import io.skymarshal.dynamo.internal.Args;
import io.skymarshal.dynamo.internal.BatchGetChunk;
import io.skymarshal.dynamo.internal.BatchReads;
import io.skymarshal.dynamo.internal.DynamoErrors;
import io.skymarshal.dynamo.internal.ReadOptions;
import io.skymarshal.dynamo.internal.Retrying;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * A {@link BatchReader} on DynamoDB's BatchGetItem, through the AWS SDK v2 async client.
 *
 * <ul>
 *   <li>Keys are de-duplicated (DynamoDB rejects a request naming a key twice) and split into
 *       chunks of at most {@link Builder#chunkSize 100}; chunks are sent concurrently, at most
 *       {@link Builder#maxConcurrency} at once. No keys, no request.
 *   <li>{@code UnprocessedKeys}, throttling, server errors and broken connections are retried per
 *       chunk under a {@link BatchRetryPolicy} (exponential backoff, full jitter, an attempt and
 *       time budget). A key still unread when the budget runs out, or whose chunk failed for good
 *       (e.g. {@code ValidationException}), is reported in {@link BatchResult#unprocessed()} with
 *       the cause in {@link BatchResult#failure()}; the other chunks' items are returned.
 *   <li>{@link #get} is a GetItem with the same options, mapper and retries: it returns the item
 *       {@link #getAll} would.
 * </ul>
 *
 * <p><b>The client's own retries.</b> The SDK retries DynamoDB calls itself (up to 9 attempts by
 * default), which would multiply with this reader's attempts. Build the client with
 * {@link DynamoClients#asyncClient} (SDK retries off), or set
 * {@code overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))} on yours.
 *
 * <p>Thread-safe; the client is not closed by the reader.
 *
 * @param <K> the key type
 * @param <V> the item type
 */
public final class BatchGetReader<K, V> implements BatchReader<K, V> {
  private final DynamoDbAsyncClient client;
  private final String table;
  private final ItemMapper<K, V> mapper;
  private final int chunkSize;
  private final int maxConcurrency;
  private final ReadOptions options;
  private final BatchRetryPolicy retry;

  private BatchGetReader(Builder<K, V> b) {
    this.client = b.client;
    this.table = b.table;
    this.mapper = b.mapper;
    this.chunkSize = b.chunkSize;
    this.maxConcurrency = b.maxConcurrency;
    this.options = ReadOptions.of(b.consistentRead, b.projection, mapper.keyAttributes());
    this.retry = b.retry;
  }

  /**
   * Starts a reader of {@code table} through {@code client}.
   *
   * @param client the client; see the class comment on its retries
   * @param table  the table's name
   * @param mapper maps keys and items
   */
  public static <K, V> Builder<K, V> builder(DynamoDbAsyncClient client, String table, ItemMapper<K, V> mapper) {
    return new Builder<>(client, table, mapper);
  }

  /** The table read. */
  public String table() {
    return table;
  }

  /**
   * Reads {@code keys}; blocks until done. Never throws for a failed request: see the class comment.
   *
   * @throws NullPointerException if a key is null
   */
  @Override
  public BatchResult<K, V> getAll(Collection<? extends K> keys) {
    return BatchReads.await(getAllAsync(keys));
  }

  /**
   * Reads {@code keys} without blocking. The future does not fail for a failed request (the
   * result names the keys not read).
   *
   * @throws NullPointerException if a key is null
   */
  @Override
  public CompletableFuture<BatchResult<K, V>> getAllAsync(Collection<? extends K> keys) {
    return BatchReads.fanOut(table, BatchKeys.distinctChunks(keys, chunkSize), maxConcurrency,
        chunk -> new BatchGetChunk<>(client, table, mapper, options, chunk).read(retry));
  }

  /**
   * Reads one item with GetItem: the single-item read, unchanged by batching.
   *
   * @throws BatchReadException if the read failed or ran out of retries (not if the item does not exist)
   */
  @Override
  public Optional<V> get(K key) {
    Map<String, AttributeValue> k = mapper.toKey(Objects.requireNonNull(key, "key"));
    GetItemRequest.Builder request = GetItemRequest.builder().tableName(table).key(k)
        .consistentRead(options.consistentRead());
    if (options.projectionExpression() != null) {
      request.projectionExpression(options.projectionExpression()).expressionAttributeNames(options.projectionNames());
    }
    GetItemRequest r = request.build();
    GetItemResponse response;
    try {
      response = Retrying.run(retry, table, "GetItem", () -> client.getItem(r), x -> false, () -> 1).join();
    } catch (RuntimeException e) {
      throw DynamoErrors.translate(e, "GetItem", table);
    }
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(mapper.fromItem(response.item()));
    } catch (RuntimeException e) {
      throw new BatchReadException("the item of key " + key + " in table '" + table + "' could not be mapped: "
          + e.getMessage(), false, e);
    }
  }

  @Override
  public String toString() {
    return "BatchGetReader[" + table + ", chunkSize=" + chunkSize + ", maxConcurrency=" + maxConcurrency + "]";
  }

  /** Configures a {@link BatchGetReader}; each setter checks its argument. Not thread-safe. */
  public static final class Builder<K, V> {
    private final DynamoDbAsyncClient client;
    private final String table;
    private final ItemMapper<K, V> mapper;
    private int chunkSize = BatchKeys.MAX_KEYS_PER_REQUEST;
    private int maxConcurrency = 8;
    private boolean consistentRead;
    private List<String> projection = List.of();
    private BatchRetryPolicy retry = BatchRetryPolicy.defaults();

    private Builder(DynamoDbAsyncClient client, String table, ItemMapper<K, V> mapper) {
      this.client = Objects.requireNonNull(client, "client");
      this.table = Objects.requireNonNull(table, "table");
      if (table.isBlank()) {
        throw new IllegalArgumentException("table must not be blank");
      }
      this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Keys per BatchGetItem request, 1 to 100. Default 100, DynamoDB's limit. */
    public Builder<K, V> chunkSize(int chunkSize) {
      if (chunkSize < 1 || chunkSize > BatchKeys.MAX_KEYS_PER_REQUEST) {
        throw new IllegalArgumentException("chunkSize must be in 1..100 but was " + chunkSize);
      }
      this.chunkSize = chunkSize;
      return this;
    }

    /** Requests of one read in flight at once; 1 sends chunks one after the other. Default 8. */
    public Builder<K, V> maxConcurrency(int maxConcurrency) {
      this.maxConcurrency = Args.atLeastOne(maxConcurrency, "maxConcurrency");
      return this;
    }

    /** Strongly consistent reads (twice the read capacity). Default false: eventually consistent. */
    public Builder<K, V> consistentRead(boolean consistentRead) {
      this.consistentRead = consistentRead;
      return this;
    }

    /**
     * Reads only these attributes (a projection expression); the key attributes are always
     * added. The mapper must accept items holding only them. Default: whole items.
     */
    public Builder<K, V> projection(String... attributes) {
      List<String> list = List.of(attributes);
      for (String a : list) {
        if (a.isBlank()) {
          throw new IllegalArgumentException("projection attributes must not be blank: " + list);
        }
      }
      this.projection = list;
      return this;
    }

    /** How unprocessed keys and throttling are retried. Default {@link BatchRetryPolicy#defaults()}. */
    public Builder<K, V> retryPolicy(BatchRetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    public BatchGetReader<K, V> build() {
      return new BatchGetReader<>(this);
    }
  }
}
