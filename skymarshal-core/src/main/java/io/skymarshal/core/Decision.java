package io.skymarshal.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a run: a decision, or the reason there is none. Immutable.
 *
 * <ul>
 *   <li>{@link Status#DECIDED}: every agent answered, every SAFETY agent cleared the flight or
 *       stated the constraints that make it safe, and the ruling keeps every SAFETY constraint and
 *       uses only aircraft and crew a SAFETY agent examined.
 *   <li>{@link Status#DEGRADED}: as DECIDED, but some BUSINESS agents are missing
 *       ({@link #missingAgents()} names them and why).
 *   <li>{@link Status#REFERRED}: no decision; a SAFETY agent could not clear the flight and no
 *       constraint says what would make it safe (missing data, a conflict between the document
 *       and the data, ...). {@link #haltReason()} names the agent, the reason and what is missing.
 *   <li>{@link Status#HALTED}: no decision; a SAFETY agent or the arbitrator failed, or the ruling
 *       broke safety even after a re-ask ({@link #violations()}).
 * </ul>
 * REFERRED and HALTED both mean a person decides; they differ in whether the system worked.
 *
 * @param disruptionId    the disruption decided about
 * @param status          see above
 * @param ruling          the arbitrator's ruling; empty when REFERRED or HALTED
 * @param recommendations the latest recommendation of each agent that gave one (Phase 2, or
 *                        Phase 1 when the run stopped before Phase 2 ended), in agent order
 * @param missingAgents   agents without a revised recommendation, with the reason, in agent order
 * @param violations      what the ruling broke (non-empty only when HALTED for that)
 * @param haltReason      why there is no decision; null unless REFERRED or HALTED
 * @param needsReview     whether a person should review it: always when REFERRED or HALTED, and
 *                        when the ruling's confidence is below the review threshold (default 0.5)
 * @param report          timings, tokens and cost
 */
public record Decision(String disruptionId, Status status, Optional<Ruling> ruling, List<Recommendation> recommendations,
    List<MissingAgent> missingAgents, List<Violation> violations, HaltReason haltReason, boolean needsReview,
    RunReport report) {

  /** The kind of outcome. */
  public enum Status {
    /** A ruling that keeps every safety constraint, with every agent's opinion. */
    DECIDED,
    /** A ruling that keeps every safety constraint, without some BUSINESS agents. */
    DEGRADED,
    /** No ruling: safety could not clear the flight; a person decides. */
    REFERRED,
    /** No ruling: the run could not complete safely; a person decides. */
    HALTED
  }

  /** The action reported for a run without a ruling. */
  public static final String MANUAL_INTERVENTION = "MANUAL_INTERVENTION";

  public Decision {
    Objects.requireNonNull(disruptionId, "disruptionId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(ruling, "ruling");
    Objects.requireNonNull(report, "report");
    recommendations = List.copyOf(recommendations);
    missingAgents = List.copyOf(missingAgents);
    violations = List.copyOf(violations);
    boolean stopped = status == Status.HALTED || status == Status.REFERRED;
    if (stopped) {
      Objects.requireNonNull(haltReason, "a " + status + " decision needs a haltReason");
      if (ruling.isPresent()) {
        throw new IllegalArgumentException("a " + status + " decision has no ruling");
      }
      if (!needsReview) {
        throw new IllegalArgumentException("a " + status + " decision always needs review");
      }
      if ((status == Status.REFERRED) != (haltReason.kind() == HaltReason.Kind.NOT_CLEARED)) {
        throw new IllegalArgumentException(status + " does not fit halt reason " + haltReason.kind());
      }
    } else {
      if (ruling.isEmpty()) {
        throw new IllegalArgumentException(status + " needs a ruling");
      }
      if (haltReason != null || !violations.isEmpty()) {
        throw new IllegalArgumentException(status + " has no halt reason and no violations");
      }
      if (status == Status.DEGRADED && missingAgents.isEmpty()) {
        throw new IllegalArgumentException("DEGRADED must name the missing agents");
      }
      for (MissingAgent m : missingAgents) {
        if (m.tier() != Tier.BUSINESS) {
          throw new IllegalArgumentException(status + " cannot lack " + m.tier() + " agent " + m.agent());
        }
      }
      if (status == Status.DECIDED && !missingAgents.isEmpty()) {
        throw new IllegalArgumentException("DECIDED lacks no agent but " + missingAgents + " are missing");
      }
    }
  }

  /** The decided action, or {@value #MANUAL_INTERVENTION} when REFERRED or HALTED. */
  public String action() {
    return ruling.map(r -> r.plan().action()).orElse(MANUAL_INTERVENTION);
  }

  /** Whether a decision was made (DECIDED or DEGRADED). */
  public boolean decided() {
    return status == Status.DECIDED || status == Status.DEGRADED;
  }
}
