package io.skymarshal.dynamo.internal;

import io.skymarshal.dynamo.ItemMapper;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A mapper of a table whose key is one string attribute. */
abstract class SingleKeyMapper<V> implements ItemMapper<String, V> {
  private final String keyAttribute;

  SingleKeyMapper(String keyAttribute) {
    this.keyAttribute = keyAttribute;
  }

  @Override
  public final List<String> keyAttributes() {
    return List.of(keyAttribute);
  }

  @Override
  public final Map<String, AttributeValue> toKey(String key) {
    return Map.of(keyAttribute, AttributeValue.fromS(key));
  }
}
