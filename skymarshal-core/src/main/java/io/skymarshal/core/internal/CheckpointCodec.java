package io.skymarshal.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.CallStatus;
import io.skymarshal.core.CheckedResources;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.MissingAgent;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Tier;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.store.ConstraintCodec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link PhaseState} as checkpoint JSON and reads it back to an equal value: every field
 * of every recommendation (constraints through the agent pack's {@link ConstraintCodec}, clearance,
 * examined resources, figures in order), the missing agents, and the calls with usage and cost.
 * Reading checks what it reads: a payload of another version, phase or agent set, or with any
 * field missing or malformed, is {@link Unreadable}, never a partial state. Internal; thread-safe.
 */
public final class CheckpointCodec {
  /** The payload format's version; a checkpoint of another version is not read. */
  static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ConstraintCodec constraints;

  public CheckpointCodec(ConstraintCodec constraints) {
    this.constraints = java.util.Objects.requireNonNull(constraints, "constraints");
  }

  /** A checkpoint that cannot be used, and why. */
  public static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The JSON text of {@code state}.
   *
   * @throws IllegalArgumentException if the constraint codec cannot write one of its constraints
   */
  public String write(PhaseState state) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("v", VERSION).put("phase", state.phase().name()).put("durationNanos", state.durationNanos());
    ArrayNode recs = root.putArray("recommendations");
    for (Recommendation r : state.recommendations().values()) {
      ObjectNode n = recs.addObject();
      n.put("agent", r.agent()).put("tier", r.tier().name()).put("phase", r.phase().name()).put("action", r.action())
          .put("confidence", r.confidence()).put("reasoning", r.reasoning());
      ArrayNode cs = n.putArray("constraints");
      for (BindingConstraint c : r.constraints()) {
        cs.add(constraints.toJson(c));
      }
      ObjectNode figures = n.putObject("figures");
      r.figures().forEach(figures::put);
      Clearance cl = r.clearance();
      ObjectNode c = n.putObject("clearance").put("verdict", cl.verdict().name()).put("detail", cl.detail());
      if (cl.reason() != null) {
        c.put("reason", cl.reason().name());
      }
      ArrayNode missing = c.putArray("missing");
      cl.missing().forEach(missing::add);
      ObjectNode checked = n.putObject("checked");
      ArrayNode aircraft = checked.putArray("aircraft");
      r.checked().aircraft().forEach(aircraft::add);
      ArrayNode crew = checked.putArray("crew");
      r.checked().crew().forEach(crew::add);
    }
    ArrayNode missing = root.putArray("missing");
    for (MissingAgent m : state.missing().values()) {
      missing.addObject().put("agent", m.agent()).put("tier", m.tier().name()).put("phase", m.phase().name())
          .put("status", m.status().name()).put("error", m.error());
    }
    ArrayNode calls = root.putArray("calls");
    for (AgentCall c : state.calls()) {
      ObjectNode n = calls.addObject();
      n.put("agent", c.agent()).put("tier", c.tier().name()).put("phase", c.phase().name())
          .put("status", c.status().name()).put("attempts", c.attempts()).put("modelCalls", c.modelCalls())
          .put("durationNanos", c.durationNanos()).put("modelId", c.modelId())
          .put("inputTokens", c.usage().inputTokens()).put("outputTokens", c.usage().outputTokens())
          .put("cacheReadTokens", c.usage().cacheReadTokens()).put("cacheWriteTokens", c.usage().cacheWriteTokens())
          .put("costUsd", c.costUsd()).put("cacheRead", c.cacheRead()).put("error", c.error())
          .put("pricedAs", c.pricedAs()).put("queuedNanos", c.queuedNanos());
    }
    return root.toString();
  }

  /**
   * The state {@link #write} wrote, checked against what this run expects.
   *
   * @param expected the phase the caller resumes
   * @param agents   the tier of every agent of the orchestrator, by name
   * @throws Unreadable if the payload is not a complete checkpoint of {@code expected} for exactly
   *                    these agents
   */
  public PhaseState read(String payload, Phase expected, Map<String, Tier> agents) {
    try {
      JsonNode root = MAPPER.readTree(payload);
      if (int_(root, "v") != VERSION) {
        throw new IllegalArgumentException("version " + root.get("v") + ", not " + VERSION);
      }
      Phase phase = Phase.valueOf(text(root, "phase"));
      if (phase != expected) {
        throw new IllegalArgumentException("a checkpoint of " + phase + " where " + expected + " was expected");
      }
      Map<String, Recommendation> recs = new LinkedHashMap<>();
      for (JsonNode n : array(root, "recommendations")) {
        Recommendation r = recommendation(n);
        if (r.phase() != phase || agents.get(r.agent()) != r.tier() || recs.put(r.agent(), r) != null) {
          throw new IllegalArgumentException("recommendation of " + r.agent() + " (" + r.tier() + ", " + r.phase()
              + ") does not fit the agents " + agents.keySet() + " in " + phase);
        }
      }
      Map<String, MissingAgent> missing = new LinkedHashMap<>();
      for (JsonNode n : array(root, "missing")) {
        MissingAgent m = new MissingAgent(text(n, "agent"), Tier.valueOf(text(n, "tier")), Phase.valueOf(text(n, "phase")),
            CallStatus.valueOf(text(n, "status")), text(n, "error"));
        if (agents.get(m.agent()) != m.tier() || recs.containsKey(m.agent()) || missing.put(m.agent(), m) != null) {
          throw new IllegalArgumentException("missing agent " + m.agent() + " does not fit the agents " + agents.keySet());
        }
      }
      if (phase == Phase.INITIAL && recs.size() + missing.size() != agents.size()) {
        throw new IllegalArgumentException("Phase 1 accounts for " + (recs.size() + missing.size()) + " of "
            + agents.size() + " agents");
      }
      List<AgentCall> calls = new ArrayList<>();
      for (JsonNode n : array(root, "calls")) {
        calls.add(new AgentCall(text(n, "agent"), Tier.valueOf(text(n, "tier")), Phase.valueOf(text(n, "phase")),
            CallStatus.valueOf(text(n, "status")), int_(n, "attempts"), int_(n, "modelCalls"), long_(n, "durationNanos"),
            nullable(n, "modelId"), new TokenUsage(long_(n, "inputTokens"), long_(n, "outputTokens"),
                long_(n, "cacheReadTokens"), long_(n, "cacheWriteTokens")), double_(n, "costUsd"),
            bool(n, "cacheRead"), nullable(n, "error"), nullable(n, "pricedAs"),
            n.has("queuedNanos") ? long_(n, "queuedNanos") : 0)); // absent in checkpoints written before quotas
      }
      return new PhaseState(phase, recs, missing, calls, long_(root, "durationNanos"));
    } catch (Unreadable e) {
      throw e;
    } catch (Exception e) { // any malformed part makes the whole checkpoint unusable
      throw new Unreadable("checkpoint of " + expected + " cannot be read: " + e.getMessage(), e);
    }
  }

  private Recommendation recommendation(JsonNode n) {
    List<BindingConstraint> cs = new ArrayList<>();
    for (JsonNode c : array(n, "constraints")) {
      cs.add(java.util.Objects.requireNonNull(constraints.fromJson(c), "constraint codec read null"));
    }
    Map<String, String> figures = new LinkedHashMap<>();
    JsonNode f = n.get("figures");
    if (f == null || !f.isObject()) {
      throw new IllegalArgumentException("'figures' is not an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException("figure " + e.getKey() + " is not text");
      }
      figures.put(e.getKey(), e.getValue().asText());
    }
    JsonNode cl = n.get("clearance");
    String reason = nullable(cl, "reason");
    Clearance clearance = new Clearance(Clearance.Verdict.valueOf(text(cl, "verdict")),
        reason == null ? null : Clearance.Reason.valueOf(reason), text(cl, "detail"), strings(cl, "missing"));
    JsonNode checked = n.get("checked");
    CheckedResources resources = new CheckedResources(new LinkedHashSet<>(strings(checked, "aircraft")),
        new LinkedHashSet<>(strings(checked, "crew")));
    return new Recommendation(text(n, "agent"), Tier.valueOf(text(n, "tier")), Phase.valueOf(text(n, "phase")),
        text(n, "action"), double_(n, "confidence"), cs, text(n, "reasoning"), figures, clearance, resources);
  }

  private static List<String> strings(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : array(n, field)) {
      if (!s.isTextual()) {
        throw new IllegalArgumentException("'" + field + "' holds a non-text element");
      }
      out.add(s.asText());
    }
    return out;
  }

  private static JsonNode array(JsonNode n, String field) {
    JsonNode a = n == null ? null : n.get(field);
    if (a == null || !a.isArray()) {
      throw new IllegalArgumentException("'" + field + "' is not an array");
    }
    return a;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' is not text");
    }
    return v.asText();
  }

  private static String nullable(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return text(n, field);
  }

  private static long long_(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException("'" + field + "' is not a whole number");
    }
    return v.asLong();
  }

  private static int int_(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException("'" + field + "' is not a whole number");
    }
    return v.asInt();
  }

  private static double double_(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException("'" + field + "' is not a number");
    }
    return v.asDouble();
  }

  private static boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isBoolean()) {
      throw new IllegalArgumentException("'" + field + "' is not true or false");
    }
    return v.asBoolean();
  }
}
