package io.skymarshal.core;

import java.util.List;
import java.util.Objects;

/**
 * Whether a SAFETY agent positively clears the flight, subject to its binding constraints, or
 * cannot, and why. Unknown is unsafe: a SAFETY recommendation that does not state a clearance
 * counts as {@link Reason#NOT_STATED}, and a SAFETY agent that cannot clear and states no binding
 * constraint that says what would make the flight safe sends the run to a person
 * ({@link Decision.Status#REFERRED}). BUSINESS recommendations carry {@link #notApplicable()}.
 * Immutable.
 *
 * @param verdict the verdict
 * @param reason  why the flight is not cleared; null unless {@link Verdict#NOT_CLEARED}
 * @param detail  one line for people, e.g. "no crew roster for EY17 2026-01-30"; empty when cleared
 * @param missing what would have to be known to clear, e.g. {@code rosters:EY17/2026-01-30}; may be empty
 */
public record Clearance(Verdict verdict, Reason reason, String detail, List<String> missing) {

  /** The three verdicts. */
  public enum Verdict {
    /** The agent clears the flight, subject to its binding constraints. */
    CLEARED,
    /** The agent cannot clear the flight: see {@link Clearance#reason()}. */
    NOT_CLEARED,
    /** A BUSINESS or arbitrator opinion: clearance is not theirs to give. */
    NOT_APPLICABLE
  }

  /**
   * Why a SAFETY agent cannot clear the flight. Some reasons a binding constraint can answer (a
   * grounding says "not this aircraft", a curfew says "not at this hour"); others no constraint
   * can, because what is unknown stays unknown: a run with one of those goes to a person.
   */
  public enum Reason {
    /** Data needed to show the flight is safe is missing or could not be read. Always referred. */
    DATA_MISSING(false),
    /** The disruption document contradicts the airline's data (route, times, registration). Always referred. */
    DATA_CONFLICT(false),
    /** A reported fault or required inspection is not released; a grounding constraint can answer it. */
    FAULT_UNRESOLVED(true),
    /** A limit (duty, curfew, MEL interval) is breached as planned; constraints can say what keeps it. */
    LIMIT_BREACHED(true),
    /** The agent stated no clearance at all; unknown is unsafe. Always referred. */
    NOT_STATED(false),
    /** Any other reason the agent gives in {@link Clearance#detail()}; constraints can answer it. */
    OTHER(true);

    private final boolean constraintsCanAnswer;

    Reason(boolean constraintsCanAnswer) {
      this.constraintsCanAnswer = constraintsCanAnswer;
    }

    /**
     * Whether binding constraints can say what would make the flight safe despite this reason;
     * when false, the run is referred to a person whatever constraints the agent states.
     */
    public boolean constraintsCanAnswer() {
      return constraintsCanAnswer;
    }
  }

  private static final Clearance CLEARED = new Clearance(Verdict.CLEARED, null, "", List.of());
  private static final Clearance NOT_APPLICABLE = new Clearance(Verdict.NOT_APPLICABLE, null, "", List.of());
  private static final Clearance NOT_STATED = new Clearance(Verdict.NOT_CLEARED, Reason.NOT_STATED,
      "the agent stated no clearance", List.of());

  public Clearance {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(detail, "detail");
    missing = List.copyOf(missing);
    if ((verdict == Verdict.NOT_CLEARED) != (reason != null)) {
      throw new IllegalArgumentException("a reason is required exactly when the verdict is NOT_CLEARED (verdict "
          + verdict + ", reason " + reason + ")");
    }
  }

  /** Cleared, subject to the recommendation's binding constraints. */
  public static Clearance cleared() {
    return CLEARED;
  }

  /** Not cleared, for {@code reason}. */
  public static Clearance notCleared(Reason reason, String detail, List<String> missing) {
    return new Clearance(Verdict.NOT_CLEARED, Objects.requireNonNull(reason, "reason"), detail, missing);
  }

  /** Not cleared, for {@code reason}, with nothing named as missing. */
  public static Clearance notCleared(Reason reason, String detail) {
    return notCleared(reason, detail, List.of());
  }

  /** What a SAFETY recommendation that says nothing about clearance counts as. */
  public static Clearance notStated() {
    return NOT_STATED;
  }

  /** For BUSINESS recommendations. */
  public static Clearance notApplicable() {
    return NOT_APPLICABLE;
  }

  /** Whether the verdict is {@link Verdict#CLEARED}. */
  public boolean isCleared() {
    return verdict == Verdict.CLEARED;
  }

  /**
   * The more conservative of this and {@code other}: not cleared if either is not cleared (the
   * reason no constraint can answer first, else this one's; the missing items of both), cleared if either clears and neither refuses,
   * not applicable only if both are.
   */
  public Clearance and(Clearance other) {
    Objects.requireNonNull(other, "other");
    if (verdict == Verdict.NOT_CLEARED && other.verdict == Verdict.NOT_CLEARED) {
      java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(missing);
      all.addAll(other.missing);
      // the reason no constraint can answer leads
      boolean otherFirst = reason.constraintsCanAnswer() && !other.reason.constraintsCanAnswer();
      Clearance first = otherFirst ? other : this;
      Clearance second = otherFirst ? this : other;
      String both = first.detail.equals(second.detail) ? first.detail : first.detail + "; " + second.detail;
      return new Clearance(Verdict.NOT_CLEARED, first.reason, both, List.copyOf(all));
    }
    if (verdict == Verdict.NOT_CLEARED) {
      return this;
    }
    if (other.verdict == Verdict.NOT_CLEARED) {
      return other;
    }
    return verdict == Verdict.CLEARED || other.verdict == Verdict.CLEARED ? CLEARED : NOT_APPLICABLE;
  }

  /** One line: {@code cleared}, {@code n/a}, or {@code not cleared (REASON): detail [missing: ...]}. */
  @Override
  public String toString() {
    return switch (verdict) {
      case CLEARED -> "cleared";
      case NOT_APPLICABLE -> "n/a";
      case NOT_CLEARED -> "not cleared (" + reason + ")" + (detail.isEmpty() ? "" : ": " + detail)
          + (missing.isEmpty() ? "" : " [missing: " + String.join(", ", missing) + "]");
    };
  }
}
