package io.skymarshal.dynamo;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads parts' raw attribute maps: for projection tests, where the item holds only some attributes. */
final class BatchReadRaw implements ItemMapper<String, Map<String, AttributeValue>> {
  @Override
  public List<String> keyAttributes() {
    return List.of("id");
  }

  @Override
  public Map<String, AttributeValue> toKey(String key) {
    return Map.of("id", AttributeValue.fromS(key));
  }

  @Override
  public Map<String, AttributeValue> toItem(Map<String, AttributeValue> value) {
    return value;
  }

  @Override
  public Map<String, AttributeValue> fromItem(Map<String, AttributeValue> item) {
    return Map.copyOf(item);
  }
}
