package io.skymarshal.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.model.TokenUsage;

/**
 * Writes a {@link Decision} and its {@link RunReport} as JSON, for logs, files and other
 * programs. Field names are stable: {@code status}, {@code action}, {@code haltReason} (its text)
 * and {@code stop} (its parts) when REFERRED or HALTED, {@code missingAgents} and
 * {@code violations} (arrays of objects), {@code recommendations} (with each SAFETY agent's
 * {@code clearance}), {@code agents} (one entry per
 * agent and phase: {@code name}, {@code tier}, {@code phase}, {@code status}, {@code attempts},
 * {@code durationMs}, {@code queuedMs} (waiting for a model quota permit), {@code inputTokens}, {@code outputTokens}, ...), {@code phases}
 * ({@code name}, {@code durationMs}), {@code resumedPhases} (names of the phases taken from a
 * checkpoint, only when there are some), {@code totalDurationMs}, {@code totalQueuedMs}, {@code costUsd}, and
 * {@code tokensSaturated: true} (at the top and on an agent) only when a token count saturated at
 * {@link Long#MAX_VALUE} (see {@link TokenUsage#saturated()}). Never throws for any report. Thread-safe.
 */
public final class DecisionJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DecisionJson() {}

  /** The decision as a JSON tree. */
  public static ObjectNode toTree(Decision d) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("disruptionId", d.disruptionId());
    root.put("status", d.status().name());
    root.put("action", d.action());
    root.put("needsReview", d.needsReview());
    if (d.haltReason() != null) {
      HaltReason h = d.haltReason();
      root.put("haltReason", h.toString());
      ObjectNode stop = root.putObject("stop");
      stop.put("kind", h.kind().name()).put("agent", h.agent()).put("phase", h.phase().reportName())
          .put("detail", h.detail());
      if (h.clearance() != null) {
        clearance(stop.putObject("clearance"), h.clearance());
      }
    }
    d.ruling().ifPresent(r -> root.set("ruling", ruling(r)));
    ArrayNode missing = root.putArray("missingAgents");
    for (MissingAgent m : d.missingAgents()) {
      missing.addObject().put("agent", m.agent()).put("tier", m.tier().name()).put("phase", m.phase().reportName())
          .put("status", m.status().name()).put("error", m.error());
    }
    ArrayNode violations = root.putArray("violations");
    for (Violation v : d.violations()) {
      violations.addObject().put("kind", v.kind()).put("subject", v.subject()).put("detail", v.detail());
    }
    ArrayNode recs = root.putArray("recommendations");
    for (Recommendation r : d.recommendations()) {
      ObjectNode n = recs.addObject();
      n.put("agent", r.agent()).put("tier", r.tier().name()).put("action", r.action()).put("confidence", r.confidence());
      ArrayNode cs = n.putArray("constraints");
      r.constraints().forEach(c -> cs.add(c.describe()));
      if (r.tier() == Tier.SAFETY) {
        clearance(n.putObject("clearance"), r.clearance());
      }
      n.put("reasoning", r.reasoning());
    }
    RunReport report = d.report();
    ArrayNode agents = root.putArray("agents");
    for (AgentCall c : report.calls()) {
      ObjectNode n = agents.addObject();
      n.put("name", c.agent()).put("tier", c.tier().name()).put("phase", c.phase().reportName())
          .put("status", c.status().name()).put("attempts", c.attempts()).put("modelCalls", c.modelCalls())
          .put("durationMs", round(c.durationMs())).put("queuedMs", round(c.queuedMs())).put("model", c.modelId());
      usage(n, c.usage());
      n.put("cacheRead", c.cacheRead()).put("costUsd", c.costUsd());
      if (c.pricedAs() != null) {
        n.put("costEstimatedAtPricesOf", c.pricedAs());
      }
      if (c.error() != null) {
        n.put("error", c.error());
      }
    }
    ArrayNode phases = root.putArray("phases");
    report.phases().forEach(p -> phases.addObject().put("name", p.phase().reportName()).put("durationMs", round(p.durationMs())));
    if (!report.resumedPhases().isEmpty()) {
      ArrayNode resumed = root.putArray("resumedPhases");
      report.resumedPhases().forEach(p -> resumed.add(p.reportName()));
    }
    root.put("totalDurationMs", round(report.totalDurationMs()));
    root.put("totalQueuedMs", round(report.totalQueuedNanos() / 1_000_000.0));
    usage(root, report.totalUsage());
    root.put("costUsd", report.totalCostUsd());
    root.put("costEstimated", report.costEstimated());
    return root;
  }

  /** The decision as pretty-printed JSON text. */
  public static String toJson(Decision d) {
    try {
      return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toTree(d));
    } catch (JsonProcessingException e) {
      throw new SkyMarshalException("could not write decision " + d.disruptionId() + " as JSON", false, e);
    }
  }

  private static ObjectNode ruling(Ruling r) {
    ObjectNode n = MAPPER.createObjectNode();
    ActionPlan p = r.plan();
    n.put("action", p.action()).put("summary", p.summary()).put("operates", p.operates());
    if (p.operates()) {
      n.put("departure", p.departure().toString()).put("arrival", p.arrival().toString());
      if (p.aircraftRegistration() != null) {
        n.put("aircraft", p.aircraftRegistration());
      }
    }
    ArrayNode crew = n.putArray("crewReplaced");
    p.crewReplaced().stream().sorted().forEach(crew::add);
    ArrayNode added = n.putArray("crewAdded");
    p.crewAdded().stream().sorted().forEach(added::add);
    n.put("confidence", r.confidence()).put("rationale", r.rationale());
    ArrayNode conflicts = n.putArray("conflictsResolved");
    r.conflictsResolved().forEach(conflicts::add);
    ArrayNode honoured = n.putArray("constraintsHonoured");
    r.constraintsHonoured().forEach(honoured::add);
    return n;
  }

  private static void clearance(ObjectNode n, Clearance c) {
    n.put("verdict", c.verdict().name());
    if (c.reason() != null) {
      n.put("reason", c.reason().name()).put("detail", c.detail());
      ArrayNode missing = n.putArray("missing");
      c.missing().forEach(missing::add);
    }
  }

  private static void usage(ObjectNode n, TokenUsage u) {
    n.put("inputTokens", u.inputTokens()).put("outputTokens", u.outputTokens())
        .put("cacheReadTokens", u.cacheReadTokens()).put("cacheWriteTokens", u.cacheWriteTokens());
    if (u.saturated()) {
      n.put("tokensSaturated", true);
    }
  }

  private static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}
