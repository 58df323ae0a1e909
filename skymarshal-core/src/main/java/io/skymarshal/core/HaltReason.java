package io.skymarshal.core;

import java.util.List;
import java.util.Objects;

/**
 * Why a run made no decision: the typed reason behind {@link Decision.Status#HALTED} and
 * {@link Decision.Status#REFERRED}. {@link #toString()} is its one-line text. Immutable.
 *
 * @param kind       what stopped the run
 * @param agent      the agent concerned (the arbitrator's name for arbitrator failures and
 *                   violations); never null
 * @param phase      the phase in which it stopped
 * @param detail     one line: the error, or the clearance's detail
 * @param clearance  for {@link Kind#NOT_CLEARED}, the agent's clearance; otherwise null
 * @param violations for {@link Kind#SAFETY_VIOLATION}, what the ruling broke; otherwise empty
 */
public record HaltReason(Kind kind, String agent, Phase phase, String detail, Clearance clearance,
    List<Violation> violations) {

  /** What stopped the run. */
  public enum Kind {
    /** A SAFETY agent failed or timed out after its retries (HALTED). */
    SAFETY_AGENT_FAILED,
    /** The arbitrator failed or timed out after its retries (HALTED). */
    ARBITRATOR_FAILED,
    /** The ruling broke a SAFETY constraint or used an unexamined resource, even after a re-ask (HALTED). */
    SAFETY_VIOLATION,
    /** A SAFETY agent could not clear the flight and stated no constraint that would make it safe (REFERRED). */
    NOT_CLEARED
  }

  public HaltReason {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(detail, "detail");
    violations = List.copyOf(violations);
    if ((kind == Kind.NOT_CLEARED) != (clearance != null)) {
      throw new IllegalArgumentException("a clearance is given exactly for NOT_CLEARED but kind is " + kind);
    }
    if ((kind == Kind.SAFETY_VIOLATION) == violations.isEmpty()) {
      throw new IllegalArgumentException("violations are given exactly for SAFETY_VIOLATION but kind is " + kind);
    }
  }

  /** A SAFETY agent that failed in {@code phase} with {@code status}. */
  public static HaltReason safetyAgentFailed(String agent, Phase phase, CallStatus status, String error) {
    return new HaltReason(Kind.SAFETY_AGENT_FAILED, agent, phase, status + ": " + error, null, List.of());
  }

  /** The arbitrator failed with {@code status}. */
  public static HaltReason arbitratorFailed(String arbitrator, CallStatus status, String error) {
    return new HaltReason(Kind.ARBITRATOR_FAILED, arbitrator, Phase.ARBITRATION, status + ": " + error, null, List.of());
  }

  /** The ruling on {@code planSummary} broke {@code violations}, even after a re-ask. */
  public static HaltReason safetyViolation(String arbitrator, String planSummary, List<Violation> violations) {
    return new HaltReason(Kind.SAFETY_VIOLATION, arbitrator, Phase.ARBITRATION, planSummary, null, violations);
  }

  /** {@code agent} did not clear the flight in {@code phase}. */
  public static HaltReason notCleared(String agent, Phase phase, Clearance clearance) {
    return new HaltReason(Kind.NOT_CLEARED, agent, phase, clearance.detail(), clearance, List.of());
  }

  /** One line for people, always ending with what to do. */
  @Override
  public String toString() {
    return switch (kind) {
      case SAFETY_AGENT_FAILED -> "SAFETY agent " + agent + " " + detail + " (" + phase.reportName()
          + "); manual intervention required";
      case ARBITRATOR_FAILED -> agent + " " + detail + "; manual intervention required";
      case SAFETY_VIOLATION -> "the ruling (" + detail + ") breaks " + violations.size() + " safety rule(s) even after a"
          + " re-ask: " + violations.get(0) + (violations.size() > 1 ? "; ..." : "") + "; manual intervention required";
      case NOT_CLEARED -> "SAFETY agent " + agent + " cannot clear the flight (" + phase.reportName() + "): " + clearance
          + "; referred to a person";
    };
  }
}
