package io.skymarshal.examples;

import io.skymarshal.core.AgentCall;
import io.skymarshal.core.Decision;
import io.skymarshal.core.PhaseTiming;
import io.skymarshal.core.RunReport;
import io.skymarshal.core.Ruling;
import io.skymarshal.model.TokenUsage;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a decision and its report as a table: per call, time, tokens, cache use and cost. */
final class RunPrinter {

  private final PrintStream out;

  RunPrinter(PrintStream out) {
    this.out = out;
  }

  void print(int runNumber, Decision d) {
    out.printf(Locale.ROOT, "run %d: %s %s%s%n", runNumber, d.status(), d.action(),
        d.needsReview() ? " (needs review)" : "");
    d.ruling().ifPresent(this::ruling);
    if (d.haltReason() != null) {
      out.println("  halted: " + d.haltReason());
    }
    d.missingAgents().forEach((agent, why) -> out.println("  missing " + agent + ": " + why));
    RunReport r = d.report();
    out.printf(Locale.ROOT, "  %-19s %-17s %-50s %3s %8s %7s %6s %7s %7s %9s%n", "phase", "agent", "model",
        "try", "ms", "in", "out", "c.read", "c.write", "usd");
    for (AgentCall c : r.calls()) {
      TokenUsage u = c.usage();
      out.printf(Locale.ROOT, "  %-19s %-17s %-50s %3d %8.1f %7d %6d %7d %7d %9.5f %s%n",
          c.phase().reportName(), c.agent(), c.modelId() == null ? "-" : c.modelId(), c.attempts(),
          c.durationMs(), u.inputTokens(), u.outputTokens(), u.cacheReadTokens(), u.cacheWriteTokens(),
          c.costUsd(), c.status() + (c.error() == null ? "" : ": " + c.error()));
    }
    for (PhaseTiming p : r.phases()) {
      out.printf(Locale.ROOT, "  %s: %.1f ms%n", p.phase().reportName(), p.durationNanos() / 1e6);
    }
    TokenUsage t = r.totalUsage();
    out.printf(Locale.ROOT, "  total: %.1f ms, %d input tokens (%d uncached, %d cache read, %d cache write), "
            + "%d output tokens, USD %.5f%n", r.totalDurationMs(), t.totalInputTokens(), t.inputTokens(),
        t.cacheReadTokens(), t.cacheWriteTokens(), t.outputTokens(), r.totalCostUsd());
    List<String> cached = r.calls().stream().filter(AgentCall::cacheRead)
        .map(c -> c.phase().reportName() + "/" + c.agent()).toList();
    out.println("  calls reading from the prompt cache: " + (cached.isEmpty()
        ? "none (a system prompt must reach the model's caching minimum, and be seen before)" : cached));
  }

  private void ruling(Ruling ruling) {
    var plan = ruling.plan();
    out.printf(Locale.ROOT, "  plan: %s operates=%s departure=%s arrival=%s aircraft=%s confidence=%.2f%n",
        plan.action(), plan.operates(), plan.departure(), plan.arrival(), plan.aircraftRegistration(),
        ruling.confidence());
    out.println("  rationale: " + ruling.rationale());
  }
}
