package io.skymarshal.dynamo.internal;

import io.skymarshal.dynamo.BatchRetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reads every page of a query, each page retried under the policy. */
public final class QueryPages {
  private QueryPages() {}

  public static CompletableFuture<List<Map<String, AttributeValue>>> readAll(DynamoDbAsyncClient client,
      QueryRequest request, BatchRetryPolicy policy) {
    return page(client, request, policy, null, new ArrayList<>());
  }

  private static CompletableFuture<List<Map<String, AttributeValue>>> page(DynamoDbAsyncClient client,
      QueryRequest request, BatchRetryPolicy policy, Map<String, AttributeValue> start,
      List<Map<String, AttributeValue>> acc) {
    QueryRequest r = start == null ? request : request.toBuilder().exclusiveStartKey(start).build();
    return Retrying.run(policy, request.tableName(), "Query", () -> client.query(r), x -> false, () -> 1)
        .thenCompose(response -> {
          acc.addAll(response.items());
          if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            return page(client, request, policy, response.lastEvaluatedKey(), acc);
          }
          return CompletableFuture.completedFuture(acc);
        });
  }
}
