package io.skymarshal.testkit.dynamo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Turns a BatchGetItem response into one DynamoDB could have given under load: chosen keys moved
 * into {@code UnprocessedKeys} (with their table's projection and consistency settings) and their
 * items removed from {@code Responses}. What the fault injectors of the testkit share.
 */
public final class UnprocessedKeys {
  private UnprocessedKeys() {}

  /**
   * {@code response} with the keys {@code chosen} (by table) moved into its unprocessed keys;
   * {@code response} itself when none is chosen.
   */
  public static BatchGetItemResponse move(BatchGetItemRequest request, BatchGetItemResponse response,
      Map<String, List<Map<String, AttributeValue>>> chosen) {
    if (chosen.values().stream().allMatch(List::isEmpty)) {
      return response;
    }
    Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
    response.responses().forEach((t, items) -> responses.put(t, new ArrayList<>(items)));
    Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>(response.unprocessedKeys());
    chosen.forEach((table, keys) -> {
      KeysAndAttributes asked = request.requestItems().get(table);
      if (keys.isEmpty() || asked == null) {
        return;
      }
      List<Map<String, AttributeValue>> items = responses.getOrDefault(table, new ArrayList<>());
      items.removeIf(item -> keys.stream().anyMatch(k -> matches(item, k)));
      responses.put(table, items);
      KeysAndAttributes prior = unprocessed.get(table);
      List<Map<String, AttributeValue>> all = new ArrayList<>(prior == null ? List.of() : prior.keys());
      all.addAll(keys);
      unprocessed.put(table, asked.toBuilder().keys(all).build());
    });
    return response.toBuilder().responses(responses).unprocessedKeys(unprocessed).build();
  }

  /** Whether {@code item} has every attribute of {@code key}. */
  static boolean matches(Map<String, AttributeValue> item, Map<String, AttributeValue> key) {
    for (Map.Entry<String, AttributeValue> k : key.entrySet()) {
      if (!k.getValue().equals(item.get(k.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
