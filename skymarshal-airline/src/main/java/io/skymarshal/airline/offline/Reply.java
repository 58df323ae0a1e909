package io.skymarshal.airline.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.airline.constraint.BindingConstraints;
import io.skymarshal.core.BindingConstraint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An agent's reply in the agreed JSON format, built up by a decider. */
final class Reply {
  private static final ObjectMapper JSON = new ObjectMapper();

  String action;
  double confidence;
  final List<BindingConstraint> constraints = new java.util.ArrayList<>();
  String reasoning = "";
  final Map<String, String> figures = new LinkedHashMap<>();

  Reply(String action, double confidence) {
    this.action = action;
    this.confidence = confidence;
  }

  Reply figure(String name, Object value) {
    figures.put(name, String.valueOf(value));
    return this;
  }

  String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("action", action);
    o.put("confidence", Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100.0);
    o.set("constraints", BindingConstraints.toJson(constraints));
    o.put("reasoning", reasoning);
    ObjectNode f = o.putObject("figures");
    figures.forEach(f::put);
    return o.toString();
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode a = JSON.createArrayNode();
    values.forEach(a::add);
    return a;
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
