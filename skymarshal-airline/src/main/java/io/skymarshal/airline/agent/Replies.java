package io.skymarshal.airline.agent;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.airline.constraint.BindingConstraints;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.ReplyFormatException;
import io.skymarshal.core.Ruling;
import io.skymarshal.core.Tier;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the agreed JSON replies (see the reply formats) into {@link Recommendation} and
 * {@link Ruling}. Strict: unknown fields, a missing required field, an action outside the
 * vocabulary, a confidence outside [0, 1], a bad time or constraint all throw a
 * {@link ReplyFormatException} saying what was wrong, which the engine sends back once.
 * A reply wrapped in a Markdown code fence is accepted; any other text around the object is not.
 */
final class Replies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> AGENT_FIELDS = Set.of("action", "confidence", "constraints", "reasoning", "figures");
  private static final Set<String> AGENT_FIELDS_REFS = Set.of("action", "confidence", "constraints", "reasoning", "figures",
      "refs");
  private static final java.util.regex.Pattern REF = java.util.regex.Pattern.compile("b[0-9]{1,4}");
  private static final Set<String> RULING_FIELDS = Set.of("action", "operates", "departure", "arrival", "aircraft",
      "crewReplaced", "crewAdded", "confidence", "summary", "rationale", "conflictsResolved", "constraintsHonoured");

  private Replies() {}

  static Recommendation recommendation(String agent, Tier tier, Phase phase, List<String> vocabulary,
      List<String> kinds, String text) {
    return recommendation(agent, tier, phase, vocabulary, kinds, text, false);
  }

  /**
   * As above; with {@code refs}, the reply may cite computed constraints by id in {@code refs}
   * ({@code b1}, {@code b2}, ...). Cited constraints are not restated: the engine binds every
   * computed constraint to the recommendation whatever the reply says, so a citation can neither
   * add nor drop one; a malformed id is a format error.
   */
  static Recommendation recommendation(String agent, Tier tier, Phase phase, List<String> vocabulary,
      List<String> kinds, String text, boolean refs) {
    JsonNode root = object(text);
    onlyFields(root, refs ? AGENT_FIELDS_REFS : AGENT_FIELDS, text);
    if (refs) {
      for (String id : strings(root, "refs", text)) {
        if (!REF.matcher(id).matches()) {
          throw new ReplyFormatException("ref '" + id + "' is not the id of a computed constraint (b1, b2, ...)", text);
        }
      }
    }
    String action = requiredText(root, "action", text);
    if (!vocabulary.contains(action)) {
      throw new ReplyFormatException("action '" + action + "' is not one of " + vocabulary, text);
    }
    double confidence = confidence(root, text);
    List<BindingConstraint> constraints = BindingConstraints.listFromJson(root.get("constraints"), null);
    for (BindingConstraint c : constraints) {
      if (!kinds.contains(c.kind())) {
        throw new ReplyFormatException(agent + (kinds.isEmpty() ? " states no binding constraints"
            : " states only " + kinds + " constraints") + " but gave " + c.kind(), text);
      }
    }
    String reasoning = requiredText(root, "reasoning", text);
    Map<String, String> figures = new LinkedHashMap<>();
    JsonNode figs = root.get("figures");
    if (figs != null && !figs.isNull()) {
      if (!figs.isObject()) {
        throw new ReplyFormatException("figures must be an object of name to value", text);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = figs.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          throw new ReplyFormatException("figure '" + e.getKey() + "' must be a string, number or boolean", text);
        }
        figures.put(e.getKey(), e.getValue().asText());
      }
    }
    return new Recommendation(agent, tier, phase, action, confidence, constraints, reasoning, figures);
  }

  static Ruling ruling(List<String> vocabulary, String text) {
    JsonNode root = object(text);
    onlyFields(root, RULING_FIELDS, text);
    String action = requiredText(root, "action", text);
    if (!vocabulary.contains(action)) {
      throw new ReplyFormatException("action '" + action + "' is not one of " + vocabulary, text);
    }
    JsonNode operatesNode = root.get("operates");
    if (operatesNode == null || !operatesNode.isBoolean()) {
      throw new ReplyFormatException("'operates' must be true or false", text);
    }
    boolean operates = operatesNode.booleanValue();
    if (operates == BusinessActions.CANCEL.equals(action)) {
      throw new ReplyFormatException("action " + action + " with operates=" + operates
          + " (CANCEL is exactly the action that does not operate)", text);
    }
    double confidence = confidence(root, text);
    String summary = requiredText(root, "summary", text);
    String rationale = requiredText(root, "rationale", text);
    List<String> crew = strings(root, "crewReplaced", text);
    List<String> added = strings(root, "crewAdded", text);
    ActionPlan plan;
    if (operates) {
      Instant dep = time(root, "departure", text);
      Instant arr = time(root, "arrival", text);
      if (arr.isBefore(dep)) {
        throw new ReplyFormatException("arrival " + arr + " is before departure " + dep, text);
      }
      String aircraft = requiredText(root, "aircraft", text);
      plan = new ActionPlan(action, true, dep, arr, aircraft, new LinkedHashSet<>(crew), summary,
          new LinkedHashSet<>(added));
    } else {
      if (!added.isEmpty()) {
        throw new ReplyFormatException("'crewAdded' must be empty when the flight does not operate", text);
      }
      plan = ActionPlan.notOperating(action, summary);
    }
    return new Ruling(plan, confidence, rationale, strings(root, "conflictsResolved", text),
        strings(root, "constraintsHonoured", text));
  }

  private static JsonNode object(String text) {
    if (text == null || text.isBlank()) {
      throw new ReplyFormatException("the reply is empty; a JSON object is required", text);
    }
    String body = unfence(text.strip());
    JsonNode root;
    try (JsonParser parser = JSON.createParser(body)) {
      try {
        root = JSON.readTree(parser);
      } catch (JsonProcessingException e) {
        throw new ReplyFormatException("the reply is not JSON (" + e.getOriginalMessage() + ")", text, e);
      }
      if (root == null || !root.isObject()) {
        throw new ReplyFormatException("the reply must be one JSON object", text);
      }
      // readTree stops after the first value: anything after it (the object again, an instruction,
      // stray brackets) would otherwise pass unseen
      if (trailing(parser)) {
        throw new ReplyFormatException("text after the JSON object; the reply must be exactly one JSON object", text);
      }
    } catch (IOException e) {
      throw new ReplyFormatException("the reply could not be read (" + e.getMessage() + ")", text, e);
    }
    return root;
  }

  private static boolean trailing(JsonParser parser) throws IOException {
    try {
      return parser.nextToken() != null;
    } catch (JsonProcessingException e) {
      return true; // not even JSON after the object
    }
  }

  private static String unfence(String s) {
    if (s.startsWith("```") && s.endsWith("```") && s.length() >= 6) {
      String inner = s.substring(3, s.length() - 3);
      int nl = inner.indexOf('\n');
      return nl < 0 ? inner : inner.substring(nl + 1);
    }
    return s;
  }

  private static void onlyFields(JsonNode root, Set<String> allowed, String text) {
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new ReplyFormatException("unknown field '" + f + "'; allowed: " + new java.util.TreeSet<>(allowed), text);
      }
    }
  }

  private static String requiredText(JsonNode root, String field, String text) {
    JsonNode n = root.get(field);
    if (n == null || !n.isTextual()) {
      throw new ReplyFormatException("'" + field + "' is required and must be a string", text);
    }
    return n.textValue();
  }

  private static double confidence(JsonNode root, String text) {
    JsonNode n = root.get("confidence");
    if (n == null || !n.isNumber()) {
      throw new ReplyFormatException("'confidence' is required and must be a number in [0, 1]", text);
    }
    double c = n.doubleValue();
    if (!(c >= 0 && c <= 1)) {
      throw new ReplyFormatException("confidence " + n.asText() + " is not in [0, 1]", text);
    }
    return c;
  }

  private static Instant time(JsonNode root, String field, String text) {
    String s = requiredText(root, field, text);
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new ReplyFormatException("'" + field + "' is not an ISO-8601 time with offset: '" + s + "'", text, e);
    }
  }

  private static List<String> strings(JsonNode root, String field, String text) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new ReplyFormatException("'" + field + "' must be an array of strings", text);
    }
    List<String> out = new ArrayList<>(n.size());
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw new ReplyFormatException("'" + field + "' must contain only strings but has " + e, text);
      }
      out.add(e.textValue());
    }
    return out;
  }
}
