package io.skymarshal.dynamo;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A small record for reader tests, stored under the string key {@code id}. */
record Part(String id, String name, int quantity) {

  static final ItemMapper<String, Part> MAPPER = new ItemMapper<>() {
    @Override
    public List<String> keyAttributes() {
      return List.of("id");
    }

    @Override
    public Map<String, AttributeValue> toKey(String key) {
      return Map.of("id", AttributeValue.fromS(key));
    }

    @Override
    public Map<String, AttributeValue> toItem(Part p) {
      return Map.of("id", AttributeValue.fromS(p.id()), "name", AttributeValue.fromS(p.name()),
          "quantity", AttributeValue.fromN(Integer.toString(p.quantity())));
    }

    @Override
    public Part fromItem(Map<String, AttributeValue> item) {
      AttributeValue name = item.get("name");
      AttributeValue qty = item.get("quantity");
      if (name == null || qty == null) {
        throw new IllegalArgumentException("part " + item.get("id") + " lacks name or quantity");
      }
      return new Part(item.get("id").s(), name.s(), Integer.parseInt(qty.n()));
    }
  };

  static Part of(int i) {
    return new Part(key(i), "part number " + i, i);
  }

  static String key(int i) {
    return "part-" + i;
  }
}
