package io.skymarshal.examples.perf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.core.Phase;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.testkit.baseline.Comparison;
import io.skymarshal.testkit.baseline.Mismatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code report.json}: {@code baseline} and {@code optimized} (each with {@code p50Ms},
 * {@code p95Ms}, {@code p99Ms}, {@code tokensPerRequest}, {@code costPerRequestUsd} and more),
 * {@code ratios} (optimized over baseline), {@code quality} ({@code compared}, {@code matching},
 * {@code mismatches}), {@code levers} (the optimized configuration with each lever off) and
 * {@code settings}. Times are model time in milliseconds; a request is one run.
 */
public final class ReportJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Map<String, ToDoubleFunction<TokenUsage>> KINDS = Map.of(
      "input", TokenUsage::inputTokens, "output", TokenUsage::outputTokens, "cacheRead", TokenUsage::cacheReadTokens,
      "cacheWrite", TokenUsage::cacheWriteTokens, "totalInput", TokenUsage::totalInputTokens);
  private static final List<String> KIND_ORDER = List.of("input", "output", "cacheRead", "cacheWrite", "totalInput");

  private ReportJson() {}

  /** The report as a JSON tree. */
  public static ObjectNode tree(Summary baseline, Summary optimized, Comparison quality, List<Summary> levers,
      Map<String, Object> settings) {
    ObjectNode root = JSON.createObjectNode();
    root.set("baseline", config(baseline));
    root.set("optimized", config(optimized));
    ObjectNode ratios = root.putObject("ratios");
    ratios.put("cost", optimized.meanCostUsd() / baseline.meanCostUsd());
    ratios.put("inputTokens", optimized.meanTokens(TokenUsage::totalInputTokens)
        / baseline.meanTokens(TokenUsage::totalInputTokens));
    ratios.put("billedInputTokens", optimized.meanTokens(TokenUsage::inputTokens)
        / baseline.meanTokens(TokenUsage::inputTokens));
    ratios.put("outputTokens", optimized.meanTokens(TokenUsage::outputTokens)
        / baseline.meanTokens(TokenUsage::outputTokens));
    ratios.put("p50", optimized.latencyPercentile(50) / baseline.latencyPercentile(50));
    ratios.put("p95", optimized.latencyPercentile(95) / baseline.latencyPercentile(95));
    ratios.put("p99", optimized.latencyPercentile(99) / baseline.latencyPercentile(99));
    ObjectNode q = root.putObject("quality");
    q.put("compared", quality.compared());
    q.put("matching", quality.matching());
    ArrayNode mm = q.putArray("mismatches");
    for (Mismatch m : quality.mismatches()) {
      ObjectNode o = mm.addObject();
      o.put("disruptionId", m.disruptionId());
      o.put("agent", m.agent());
      o.put("field", m.field());
      o.put("baseline", m.expected());
      o.put("optimized", m.actual());
    }
    ArrayNode lv = root.putArray("levers");
    for (Summary s : levers) {
      ObjectNode o = lv.addObject();
      o.put("configuration", s.name());
      o.put("costPerRequestUsd", s.meanCostUsd());
      o.put("costDeltaUsd", s.meanCostUsd() - optimized.meanCostUsd());
      o.put("totalInputTokens", s.meanTokens(TokenUsage::totalInputTokens));
      o.put("outputTokens", s.meanTokens(TokenUsage::outputTokens));
      o.put("p50Ms", s.latencyPercentile(50));
      o.put("p99Ms", s.latencyPercentile(99));
      o.put("sonnetCacheReadShare", s.sonnetCacheReadShare());
    }
    ObjectNode set = root.putObject("settings");
    settings.forEach((k, v) -> set.putPOJO(k, v));
    return root;
  }

  static ObjectNode config(Summary s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("runs", s.runs());
    o.put("p50Ms", s.latencyPercentile(50));
    o.put("p95Ms", s.latencyPercentile(95));
    o.put("p99Ms", s.latencyPercentile(99));
    ObjectNode tokens = o.putObject("tokensPerRequest");
    ObjectNode mean = tokens.putObject("mean");
    ObjectNode p95 = tokens.putObject("p95");
    for (String k : KIND_ORDER) {
      mean.put(k, s.meanTokens(KINDS.get(k)));
      p95.put(k, s.tokenPercentile(KINDS.get(k), 95));
    }
    o.put("costPerRequestUsd", s.meanCostUsd());
    o.put("costPerRequestP95Usd", s.costPercentile(95));
    o.put("sonnetCacheReadShare", s.sonnetCacheReadShare());
    o.put("wallOverCriticalP50", s.wallOverCriticalPercentile(50));
    o.put("wallOverCriticalP95", s.wallOverCriticalPercentile(95));
    ObjectNode phases = o.putObject("phaseMedianMs");
    for (Map.Entry<Phase, Double> e : s.phaseMedians().entrySet()) {
      phases.put(e.getKey().name(), e.getValue());
    }
    ObjectNode agents = o.putObject("agentMedians");
    s.agentMedians().forEach((k, v) -> {
      ObjectNode a = agents.putObject(k);
      a.put("ms", v[0]);
      a.put("inputTokens", v[1]);
      a.put("outputTokens", v[2]);
      a.put("costUsd", v[3]);
    });
    ObjectNode statuses = o.putObject("statuses");
    s.statuses().forEach((k, v) -> statuses.put(k.name(), v));
    return o;
  }

  /** Writes the tree to {@code file}, creating its directory. */
  public static void write(Path file, ObjectNode tree) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JSON.writeValue(file.toFile(), tree);
  }
}
