package io.skymarshal.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a run: a decision, or the reason there is none. Immutable.
 *
 * <ul>
 *   <li>{@link Status#DECIDED}: every agent answered and the ruling keeps every SAFETY constraint.
 *   <li>{@link Status#DEGRADED}: as DECIDED, but some BUSINESS agents are missing
 *       ({@link #missingAgents()} names them and why).
 *   <li>{@link Status#HALTED}: no decision; a person must intervene. {@link #haltReason()} says why:
 *       a SAFETY agent or the arbitrator failed, or the ruling broke a SAFETY constraint
 *       ({@link #violations()}).
 * </ul>
 *
 * @param disruptionId    the disruption decided about
 * @param status          see above
 * @param ruling          the arbitrator's ruling; empty when HALTED
 * @param recommendations the revised (Phase-2) recommendations the arbitrator saw
 * @param missingAgents   agents without a revised recommendation, with the reason, in agent order (kept)
 * @param violations      SAFETY constraints the ruling broke (non-empty only when HALTED for that)
 * @param haltReason      why the run halted; null unless HALTED
 * @param needsReview     whether a person should review it: always when HALTED, and when the
 *                        ruling's confidence is below the review threshold (default 0.5)
 * @param report          timings, tokens and cost
 */
public record Decision(String disruptionId, Status status, Optional<Ruling> ruling, List<Recommendation> recommendations,
    Map<String, String> missingAgents, List<String> violations, String haltReason, boolean needsReview, RunReport report) {

  /** The kind of outcome. */
  public enum Status { DECIDED, DEGRADED, HALTED }

  /** The action reported for a halted run. */
  public static final String MANUAL_INTERVENTION = "MANUAL_INTERVENTION";

  public Decision {
    Objects.requireNonNull(disruptionId, "disruptionId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(ruling, "ruling");
    Objects.requireNonNull(report, "report");
    recommendations = List.copyOf(recommendations);
    missingAgents = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(missingAgents));
    violations = List.copyOf(violations);
    if (status == Status.HALTED) {
      Objects.requireNonNull(haltReason, "a halted decision needs a haltReason");
      if (ruling.isPresent()) {
        throw new IllegalArgumentException("a halted decision has no ruling");
      }
    } else if (ruling.isEmpty()) {
      throw new IllegalArgumentException(status + " needs a ruling");
    }
  }

  /** The decided action, or {@value #MANUAL_INTERVENTION} when halted. */
  public String action() {
    return ruling.map(r -> r.plan().action()).orElse(MANUAL_INTERVENTION);
  }

  /** Whether a decision was made (DECIDED or DEGRADED). */
  public boolean decided() {
    return status != Status.HALTED;
  }
}
