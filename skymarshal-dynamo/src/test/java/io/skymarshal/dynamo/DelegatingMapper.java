package io.skymarshal.dynamo;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A mapper that defers to another, for tests that change one method. */
class DelegatingMapper implements ItemMapper<String, Part> {
  private final ItemMapper<String, Part> delegate;

  DelegatingMapper(ItemMapper<String, Part> delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<String> keyAttributes() {
    return delegate.keyAttributes();
  }

  @Override
  public Map<String, AttributeValue> toKey(String key) {
    return delegate.toKey(key);
  }

  @Override
  public Map<String, AttributeValue> toItem(Part value) {
    return delegate.toItem(value);
  }

  @Override
  public Part fromItem(Map<String, AttributeValue> item) {
    return delegate.fromItem(item);
  }
}
