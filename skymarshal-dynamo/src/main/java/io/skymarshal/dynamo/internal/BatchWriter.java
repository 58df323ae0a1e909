package io.skymarshal.dynamo.internal;

import io.skymarshal.dynamo.BatchRetryPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items to one table with BatchWriteItem: 25 items a request (DynamoDB's limit), requests
 * concurrent up to a limit, {@code UnprocessedItems} and throttling retried under the policy.
 */
public final class BatchWriter {
  /** DynamoDB's BatchWriteItem limit. */
  public static final int MAX_ITEMS_PER_REQUEST = 25;

  private BatchWriter() {}

  /**
   * What a write left undone.
   *
   * @param written items written
   * @param failed  items not written within the budget
   * @param failure why, when {@code failed > 0}
   */
  public record Outcome(int written, int failed, Throwable failure) {}

  /**
   * Writes {@code items}; a later item with the same key replaces an earlier one, since one
   * request may not name a key twice.
   */
  public static CompletableFuture<Outcome> putAll(DynamoDbAsyncClient client, String table, List<String> keyAttributes,
      List<Map<String, AttributeValue>> items, int maxConcurrency, BatchRetryPolicy policy) {
    Map<List<Object>, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
    for (Map<String, AttributeValue> item : items) {
      byKey.put(Keys.identity(keyAttributes, item), item);
    }
    List<Map<String, AttributeValue>> distinct = new ArrayList<>(byKey.values());
    List<Supplier<CompletableFuture<Outcome>>> tasks = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i += MAX_ITEMS_PER_REQUEST) {
      List<Map<String, AttributeValue>> chunk = distinct.subList(i, Math.min(distinct.size(), i + MAX_ITEMS_PER_REQUEST));
      tasks.add(() -> writeChunk(client, table, chunk, policy));
    }
    return Concurrently.run(tasks, maxConcurrency).thenApply(outcomes -> {
      int written = 0;
      int failed = 0;
      Throwable failure = null;
      for (Outcome o : outcomes) {
        written += o.written();
        failed += o.failed();
        if (failure == null) {
          failure = o.failure();
        } else if (o.failure() != null) {
          failure.addSuppressed(o.failure());
        }
      }
      return new Outcome(written, failed, failure);
    });
  }

  private static CompletableFuture<Outcome> writeChunk(DynamoDbAsyncClient client, String table,
      List<Map<String, AttributeValue>> chunk, BatchRetryPolicy policy) {
    List<List<WriteRequest>> pending = new ArrayList<>(List.of(chunk.stream()
        .map(i -> WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()).build()).toList()));
    Supplier<CompletableFuture<List<WriteRequest>>> attempt = () -> client
        .batchWriteItem(b -> b.requestItems(Map.of(table, pending.get(0))))
        .thenApply((BatchWriteItemResponse r) -> {
          pending.set(0, r.unprocessedItems().getOrDefault(table, List.of()));
          return pending.get(0);
        });
    return Retrying.run(policy, table, "BatchWriteItem", attempt, left -> !left.isEmpty(), () -> pending.get(0).size())
        .handle((left, error) -> {
          int failed = pending.get(0).size();
          if (error != null) {
            return new Outcome(chunk.size() - failed, failed, DynamoErrors.unwrap(error));
          }
          return failed == 0 ? new Outcome(chunk.size(), 0, null) : new Outcome(chunk.size() - failed, failed,
              new Retrying.UnprocessedException("BatchWriteItem", table, failed));
        });
  }
}
