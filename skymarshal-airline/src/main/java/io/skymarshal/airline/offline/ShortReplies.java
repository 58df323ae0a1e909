package io.skymarshal.airline.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.airline.agent.ConstraintXml;
import io.skymarshal.airline.constraint.BindingConstraints;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.Phase;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.prompt.XmlElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the offline model answers an agent whose reply format has {@code refs} (the airline agents'
 * constraint-refs option): the constraints of its reply that a {@code <bound>} element of the
 * prompt lists (every subject of it) are cited by that element's id instead of restated; and in a
 * Phase-2 reply that continues a Phase-1 conversation, the reasoning says only what changed since
 * the Phase-1 reply. Decisions are unchanged: only how they are written.
 */
final class ShortReplies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShortReplies() {}

  /** Whether the request's reply format asks for citations by id. */
  static boolean wanted(ModelRequest request) {
    return request.replyFormat() != null && request.replyFormat().jsonSchema().contains("\"refs\"");
  }

  static String apply(String replyJson, PromptView view, ModelRequest request) {
    ObjectNode reply = read(replyJson);
    List<BindingConstraint> stated = new ArrayList<>(BindingConstraints.listFromJson(reply.get("constraints"), null));
    Set<String> statedKeys = new HashSet<>();
    stated.forEach(c -> statedKeys.add(key(c)));
    ArrayNode refs = JSON.createArrayNode();
    XmlElement bound = view.data().child("bound");
    if (bound != null) {
      for (XmlElement c : bound.children("c")) {
        String id = c.attr("id");
        List<BindingConstraint> listed = ConstraintXml.fromXml(c);
        if (id != null && !listed.isEmpty() && listed.stream().allMatch(l -> statedKeys.contains(key(l)))) {
          refs.add(id);
          Set<String> cited = new HashSet<>();
          listed.forEach(l -> cited.add(key(l)));
          stated.removeIf(s -> cited.contains(key(s)));
        }
      }
    }
    reply.set("constraints", BindingConstraints.toJson(stated));
    if (!refs.isEmpty()) {
      reply.set("refs", refs);
    }
    if (request.phase() == Phase.REVISION) {
      previous(request).ifPresent(before -> reply.put("reasoning", changes(before, reply)));
    }
    // keep the field order of the agreed format: refs before reasoning and figures reads naturally
    ObjectNode ordered = JSON.createObjectNode();
    for (String f : List.of("action", "confidence", "constraints", "refs", "reasoning", "figures")) {
      if (reply.has(f)) {
        ordered.set(f, reply.get(f));
      }
    }
    return ordered.toString();
  }

  /** What changed between the Phase-1 reply and this one, in a few words. */
  private static String changes(ObjectNode before, ObjectNode now) {
    List<String> changed = new ArrayList<>();
    if (!before.path("action").asText().equals(now.path("action").asText())) {
      changed.add("action " + before.path("action").asText() + "->" + now.path("action").asText());
    }
    if (before.path("confidence").asDouble() != now.path("confidence").asDouble()) {
      changed.add("confidence " + before.path("confidence").asText() + "->" + now.path("confidence").asText());
    }
    if (!before.path("refs").equals(now.path("refs")) || !before.path("constraints").equals(now.path("constraints"))) {
      changed.add("constraints");
    }
    if (!before.path("figures").equals(now.path("figures"))) {
      changed.add("figures");
    }
    return changed.isEmpty() ? "unchanged" : "changed: " + String.join(", ", changed) + ". "
        + now.path("reasoning").asText();
  }

  /** The reply of the Phase-1 turn this conversation continues, if it does. */
  private static java.util.Optional<ObjectNode> previous(ModelRequest request) {
    for (Message m : request.messages()) {
      if (m.role() == Message.Role.ASSISTANT) {
        try {
          return java.util.Optional.of(read(m.text()));
        } catch (RuntimeException e) {
          return java.util.Optional.empty();
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static String key(BindingConstraint c) {
    return c.kind() + "|" + c.describe();
  }

  private static ObjectNode read(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      if (!(n instanceof ObjectNode o)) {
        throw new IllegalArgumentException("not a JSON object: " + json);
      }
      return o;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
