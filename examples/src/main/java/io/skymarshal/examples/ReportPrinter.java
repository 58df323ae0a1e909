package io.skymarshal.examples;

import io.skymarshal.core.AgentCall;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.PhaseTiming;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.RunReport;
import io.skymarshal.core.Ruling;
import io.skymarshal.model.TokenUsage;
import java.io.PrintStream;
import java.util.Locale;

/** Prints a decision and its run report as text for people at a terminal. */
final class ReportPrinter {
  private static final int MAX_CONSTRAINTS_SHOWN = 3;
  private final PrintStream out;

  ReportPrinter(PrintStream out) {
    this.out = out;
  }

  void print(Disruption disruption, Decision d) {
    var f = disruption.flight();
    out.printf("Disruption %s: %s, %s %s-%s, departs %s%n", disruption.id(), disruption.type(), f.flightNumber(),
        f.origin(), f.destination(), f.scheduledDeparture());
    out.println();
    out.printf("Decision: %s  %s%s%n", d.status(), d.action(), d.needsReview() ? "  (needs a person's review)" : "");
    if (d.ruling().isPresent()) {
      Ruling r = d.ruling().get();
      out.printf("  plan:        %s%n", r.plan().summary());
      out.printf("  confidence:  %.2f%n", r.confidence());
      out.printf("  rationale:   %s%n", r.rationale());
      r.conflictsResolved().forEach(c -> out.printf("  resolved:    %s%n", c));
      r.constraintsHonoured().forEach(c -> out.printf("  honoured:    %s%n", c));
    } else {
      out.printf("  %-12s %s%n", d.status() == Decision.Status.REFERRED ? "referred:" : "halted:", d.haltReason());
      d.violations().forEach(v -> out.printf("  violation:   %s%n", v));
    }
    d.missingAgents().forEach(m -> out.printf("  missing:     %s%n", m));
    out.println();
    out.println("Revised recommendations:");
    for (Recommendation r : d.recommendations()) {
      out.printf("  %-17s %-8s %-14s %.2f  %s%n", r.agent(), r.tier(), r.action(), r.confidence(), r.reasoning());
      if (r.tier() == io.skymarshal.core.Tier.SAFETY) {
        out.printf("  %-17s %-8s   clearance: %s%n", "", "", r.clearance());
      }
      int shown = 0;
      for (BindingConstraint c : r.constraints()) {
        if (shown++ == MAX_CONSTRAINTS_SHOWN) {
          out.printf("  %-17s %-8s   ... and %d more binding constraints (--json lists them all)%n", "", "",
              r.constraints().size() - MAX_CONSTRAINTS_SHOWN);
          break;
        }
        out.printf("  %-17s %-8s   binding: %s%n", "", "", c.describe());
      }
    }
    out.println();
    printReport(d.report());
  }

  private static String answeredBy(RunReport report) {
    return report.calls().stream().filter(AgentCall::costEstimated).map(AgentCall::modelId).distinct()
        .collect(java.util.stream.Collectors.joining(", "));
  }

  void printReport(RunReport report) {
    out.printf("%-19s %-17s %-10s %-9s %3s %9s %7s %6s %7s %7s %9s %s%n", "phase", "agent", "tier", "status", "att",
        "ms", "in", "out", "c.read", "c.write", "USD", "model");
    for (AgentCall c : report.calls()) {
      TokenUsage u = c.usage();
      out.printf(Locale.ROOT, "%-19s %-17s %-10s %-9s %3d %9.1f %7d %6d %7d %7d %9.5f %s%n", c.phase().reportName(),
          c.agent(), c.tier(), c.status(), c.attempts(), c.durationMs(), u.inputTokens(), u.outputTokens(),
          u.cacheReadTokens(), u.cacheWriteTokens(), c.costUsd(), c.pricedAs() == null ? String.valueOf(c.modelId())
              : c.modelId() + " (est. at " + c.pricedAs() + ")");
    }
    out.println();
    for (PhaseTiming p : report.phases()) {
      out.printf(Locale.ROOT, "%-19s %9.1f ms%n", p.phase().reportName(), p.durationMs());
    }
    TokenUsage t = report.totalUsage();
    out.printf(Locale.ROOT, "%-19s %9.1f ms%n", "total", report.totalDurationMs());
    out.printf(Locale.ROOT, "tokens: %d in, %d out, %d cache read, %d cache write; cost: $%.4f %s%n", t.inputTokens(),
        t.outputTokens(), t.cacheReadTokens(), t.cacheWriteTokens(), report.totalCostUsd(), report.costEstimated()
            ? "(an estimate: answered by " + answeredBy(report) + ", priced as the routed models would cost)"
            : "at the routed models' list prices");
  }
}
