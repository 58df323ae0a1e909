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
 * How the offline model writes a reply when the airline agents' constraint-refs option asks for
 * short replies: when the reply format has {@code refs}, the constraints that a {@code <bound>}
 * element of the prompt lists (every subject of it) are cited by that element's id instead of
 * restated; when the task asks for only what changed, a Phase-2 reply that continues a Phase-1
 * conversation gives as reasoning only what changed since the Phase-1 reply. Decisions are
 * unchanged: only how they are written.
 */
final class ShortReplies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShortReplies() {}

  /** Whether the reply format asks for citations by id, or the task for only what changed. */
  static boolean wanted(ModelRequest request, PromptView view) {
    return citesById(request) || onlyChanges(view);
  }

  private static boolean citesById(ModelRequest request) {
    return request.replyFormat() != null && request.replyFormat().jsonSchema().contains("\"refs\"");
  }

  private static boolean onlyChanges(PromptView view) {
    XmlElement task = view.root().child("task");
    return task != null && task.text().contains("only what changed");
  }

  static String apply(String replyJson, PromptView view, ModelRequest request) {
    ObjectNode reply = read(replyJson);
    if (citesById(request)) {
      cite(reply, view);
    }
    if (request.phase() == Phase.REVISION && onlyChanges(view)) {
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

  /** Replaces the constraints a {@code <bound>} element lists (every subject of it) by its id in {@code refs}. */
  private static void cite(ObjectNode reply, PromptView view) {
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
    if (changed.isEmpty()) {
      return "unchanged";
    }
    // a new action needs its why, which is what changed; new figures or a new confidence speak for
    // themselves in the reply
    boolean newAction = !before.path("action").asText().equals(now.path("action").asText());
    return newAction ? now.path("reasoning").asText() : "changed: " + String.join(", ", changed);
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
