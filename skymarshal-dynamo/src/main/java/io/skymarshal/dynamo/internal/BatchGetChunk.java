package io.skymarshal.dynamo.internal;

import io.skymarshal.data.BatchReadException;
import io.skymarshal.data.BatchResult;
import io.skymarshal.dynamo.BatchRetryPolicy;
import io.skymarshal.dynamo.ItemMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * One BatchGetItem chunk of at most 100 distinct keys, retried until every key is found or known
 * missing, or the budget runs out. Attempts of one chunk run one after the other, so its state
 * needs no locking beyond the happens-before edges of the futures.
 */
public final class BatchGetChunk<K, V> {
  private final DynamoDbAsyncClient client;
  private final String table;
  private final ItemMapper<K, V> mapper;
  private final ReadOptions options;
  private final Map<List<Object>, K> pending = new LinkedHashMap<>();
  private final Map<List<Object>, Map<String, AttributeValue>> pendingKeys = new LinkedHashMap<>();
  private final Map<K, V> found = new LinkedHashMap<>();
  private final Set<K> missing = new LinkedHashSet<>();
  private final Map<K, RuntimeException> unmappable = new LinkedHashMap<>();
  private final AtomicInteger attempts = new AtomicInteger();

  public BatchGetChunk(DynamoDbAsyncClient client, String table, ItemMapper<K, V> mapper, ReadOptions options,
      List<K> keys) {
    this.client = client;
    this.table = table;
    this.mapper = mapper;
    this.options = options;
    for (K k : keys) {
      Map<String, AttributeValue> key = mapper.toKey(k);
      List<Object> id = Keys.identity(mapper.keyAttributes(), key);
      pending.put(id, k);
      pendingKeys.put(id, key);
    }
  }

  /** Reads the chunk under {@code policy}; the future never fails: failures end in the result. */
  public CompletableFuture<BatchResult<K, V>> read(BatchRetryPolicy policy) {
    return Retrying.run(policy, table, "BatchGetItem", this::attempt, c -> !c.pending.isEmpty(), pending::size)
        .handle((state, error) -> result(error));
  }

  private CompletableFuture<BatchGetChunk<K, V>> attempt() {
    attempts.incrementAndGet();
    KeysAndAttributes.Builder ka = KeysAndAttributes.builder()
        .keys(new ArrayList<>(pendingKeys.values()))
        .consistentRead(options.consistentRead());
    if (options.projectionExpression() != null) {
      ka.projectionExpression(options.projectionExpression()).expressionAttributeNames(options.projectionNames());
    }
    return client.batchGetItem(b -> b.requestItems(Map.of(table, ka.build())))
        .thenApply(this::apply);
  }

  private BatchGetChunk<K, V> apply(BatchGetItemResponse response) {
    List<String> keyAttributes = mapper.keyAttributes();
    for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
      List<Object> id = Keys.identity(keyAttributes, item);
      K k = pending.remove(id);
      if (k == null) {
        continue; // an item not asked for (or asked for twice) cannot change what we report
      }
      pendingKeys.remove(id);
      try {
        found.put(k, mapper.fromItem(item));
      } catch (RuntimeException e) {
        unmappable.put(k, e);
      }
    }
    Set<List<Object>> unprocessed = new LinkedHashSet<>();
    KeysAndAttributes left = response.unprocessedKeys().get(table);
    if (left != null) {
      for (Map<String, AttributeValue> key : left.keys()) {
        unprocessed.add(Keys.identity(keyAttributes, key));
      }
    }
    // asked for, not returned and not unprocessed: the item does not exist
    pending.entrySet().removeIf(e -> {
      if (unprocessed.contains(e.getKey())) {
        return false;
      }
      missing.add(e.getValue());
      pendingKeys.remove(e.getKey());
      return true;
    });
    return this;
  }

  private BatchResult<K, V> result(Throwable error) {
    Set<K> unprocessed = new LinkedHashSet<>(pending.values());
    unprocessed.addAll(unmappable.keySet());
    if (unprocessed.isEmpty()) {
      return BatchResult.complete(found, missing);
    }
    BatchReadException failure;
    if (error != null) {
      failure = DynamoErrors.translate(error, "BatchGetItem", table);
    } else if (!pending.isEmpty()) {
      failure = new BatchReadException("BatchGetItem on table '" + table + "' left " + pending.size()
          + " keys unprocessed after " + attempts.get() + " attempts: retry budget spent", true, null);
    } else {
      failure = mappingFailure();
    }
    if (error != null || !pending.isEmpty()) {
      if (!unmappable.isEmpty()) {
        failure.addSuppressed(mappingFailure());
      }
    }
    return new BatchResult<>(found, missing, unprocessed, failure);
  }

  private BatchReadException mappingFailure() {
    Map.Entry<K, RuntimeException> first = unmappable.entrySet().iterator().next();
    return new BatchReadException(unmappable.size() + " items of table '" + table
        + "' could not be mapped, e.g. key " + first.getKey() + ": " + first.getValue().getMessage(), false,
        first.getValue());
  }
}
