package io.skymarshal.examples.perf;

import io.skymarshal.core.Phase;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.testkit.baseline.Comparison;
import io.skymarshal.testkit.baseline.Mismatch;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The suite's console tables. */
public final class ConsoleReport {
  private ConsoleReport() {}

  public static void print(PrintStream out, Summary b, Summary o, Comparison quality, List<Summary> levers) {
    out.println();
    out.printf("%-40s %14s %14s %8s%n", "per request (one run), model time", b.name(), o.name(), "o/b");
    row(out, "run latency p50 (s)", b.latencyPercentile(50) / 1000, o.latencyPercentile(50) / 1000, "%14.2f");
    row(out, "run latency p95 (s)", b.latencyPercentile(95) / 1000, o.latencyPercentile(95) / 1000, "%14.2f");
    row(out, "run latency p99 (s)", b.latencyPercentile(99) / 1000, o.latencyPercentile(99) / 1000, "%14.2f");
    tokens(out, "input tokens, all (mean)", b, o, TokenUsage::totalInputTokens);
    tokens(out, "  billed at the input price", b, o, TokenUsage::inputTokens);
    tokens(out, "  cache read", b, o, TokenUsage::cacheReadTokens);
    tokens(out, "  cache write", b, o, TokenUsage::cacheWriteTokens);
    tokens(out, "output tokens (mean)", b, o, TokenUsage::outputTokens);
    out.printf("%-40s %14.0f %14.0f%n", "input tokens, all (p95)", b.tokenPercentile(TokenUsage::totalInputTokens, 95),
        o.tokenPercentile(TokenUsage::totalInputTokens, 95));
    out.printf("%-40s %14.0f %14.0f%n", "output tokens (p95)", b.tokenPercentile(TokenUsage::outputTokens, 95),
        o.tokenPercentile(TokenUsage::outputTokens, 95));
    row(out, "cost per request (USD, mean)", b.meanCostUsd(), o.meanCostUsd(), "%14.4f");
    out.printf("%-40s %14.4f %14.4f%n", "cost per request (USD, p95)", b.costPercentile(95), o.costPercentile(95));
    out.printf("%-40s %13.1f%% %13.1f%%%n", "Sonnet input read from the cache", 100 * b.sonnetCacheReadShare(),
        100 * o.sonnetCacheReadShare());
    out.printf("%-40s %14.4f %14.4f%n", "wall time / critical path, p50", b.wallOverCriticalPercentile(50),
        o.wallOverCriticalPercentile(50));
    out.printf("%-40s %14.4f %14.4f%n", "wall time / critical path, p95", b.wallOverCriticalPercentile(95),
        o.wallOverCriticalPercentile(95));
    out.printf("%-40s %14s %14s%n", "statuses", b.statuses(), o.statuses());

    out.println();
    out.printf("%-40s %14s %14s%n", "phase, median (s)", b.name(), o.name());
    for (Phase p : Phase.values()) {
      Double bm = b.phaseMedians().get(p);
      Double om = o.phaseMedians().get(p);
      out.printf("%-40s %14s %14s%n", p.reportName(), seconds(bm), seconds(om));
    }
    out.println();
    out.printf("%-28s %21s %21s%n", "agent / phase, median", b.name() + " s/in/out", o.name() + " s/in/out");
    Map<String, double[]> ba = b.agentMedians();
    Map<String, double[]> oa = o.agentMedians();
    Set<String> keys = new LinkedHashSet<>(ba.keySet());
    keys.addAll(oa.keySet());
    for (String k : keys) {
      out.printf("%-28s %21s %21s%n", k, agent(ba.get(k)), agent(oa.get(k)));
    }

    out.println();
    out.printf("quality (plan property 12): %d compared, %d matching, %d mismatches%n", quality.compared(),
        quality.matching(), quality.mismatches().size());
    for (Mismatch m : quality.mismatches()) {
      out.println("  " + m);
    }
    if (!levers.isEmpty()) {
      out.println();
      out.printf("%-44s %10s %10s %9s %9s %9s %8s%n", "lever study (each lever off in turn)", "USD/req", "vs opt",
          "in tok", "out tok", "p50 s", "cache%");
      lever(out, o, o);
      levers.forEach(s -> lever(out, s, o));
    }
  }

  private static void lever(PrintStream out, Summary s, Summary o) {
    out.printf("%-44s %10.4f %+10.4f %9.0f %9.0f %9.2f %7.1f%%%n", s.name(), s.meanCostUsd(),
        s.meanCostUsd() - o.meanCostUsd(), s.meanTokens(TokenUsage::totalInputTokens),
        s.meanTokens(TokenUsage::outputTokens), s.latencyPercentile(50) / 1000, 100 * s.sonnetCacheReadShare());
  }

  private static String agent(double[] v) {
    return v == null ? "-" : String.format("%.2f/%.0f/%.0f", v[0] / 1000, v[1], v[2]);
  }

  private static String seconds(Double ms) {
    return ms == null ? "-" : String.format("%.2f", ms / 1000);
  }

  private static void tokens(PrintStream out, String label, Summary b, Summary o,
      java.util.function.ToDoubleFunction<TokenUsage> kind) {
    row(out, label, b.meanTokens(kind), o.meanTokens(kind), "%14.0f");
  }

  private static void row(PrintStream out, String label, double b, double o, String fmt) {
    out.printf("%-40s " + fmt + " " + fmt + " %8s%n", label, b, o, b == 0 ? "-" : String.format("%.3f", o / b));
  }
}
