package io.skymarshal.dynamo.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Matches the items DynamoDB returns to the keys asked for. Numbers are compared by value, as
 * DynamoDB stores them ({@code 1.50} comes back as {@code 1.5}), so no key is taken for missing
 * because of its spelling.
 */
public final class Keys {
  private Keys() {}

  /** A value equal for two attribute maps exactly when their {@code keyAttributes} hold the same key. */
  public static List<Object> identity(List<String> keyAttributes, Map<String, AttributeValue> item) {
    List<Object> id = new ArrayList<>(keyAttributes.size());
    for (String name : keyAttributes) {
      AttributeValue v = item.get(name);
      if (v == null) {
        id.add(null);
      } else if (v.s() != null) {
        id.add("S:" + v.s());
      } else if (v.n() != null) {
        id.add("N:" + new BigDecimal(v.n()).stripTrailingZeros().toPlainString());
      } else if (v.b() != null) {
        id.add(v.b());
      } else {
        id.add(v);
      }
    }
    return id;
  }
}
