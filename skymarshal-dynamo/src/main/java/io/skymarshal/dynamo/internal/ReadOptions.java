package io.skymarshal.dynamo.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read options shared by every request of a reader.
 *
 * @param consistentRead       strongly consistent reads
 * @param projectionExpression {@code #p0, #p1, ...}, or null to read whole items
 * @param projectionNames      the placeholders' attribute names; empty without projection
 */
public record ReadOptions(boolean consistentRead, String projectionExpression, Map<String, String> projectionNames) {

  public ReadOptions {
    projectionNames = Map.copyOf(projectionNames);
  }

  /**
   * Options projecting {@code attributes} plus {@code keyAttributes} (without which returned items
   * cannot be matched to keys); every name goes through a placeholder, so reserved words are fine.
   */
  public static ReadOptions of(boolean consistentRead, List<String> attributes, List<String> keyAttributes) {
    if (attributes.isEmpty()) {
      return new ReadOptions(consistentRead, null, Map.of());
    }
    LinkedHashSet<String> all = new LinkedHashSet<>(keyAttributes);
    all.addAll(attributes);
    Map<String, String> names = new TreeMap<>();
    StringBuilder expr = new StringBuilder();
    int i = 0;
    for (String a : all) {
      String p = "#p" + i++;
      names.put(p, a);
      expr.append(expr.length() == 0 ? "" : ", ").append(p);
    }
    return new ReadOptions(consistentRead, expr.toString(), names);
  }
}
