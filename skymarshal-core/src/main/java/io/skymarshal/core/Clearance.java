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

  /** Why a SAFETY agent cannot clear the flight. */
  public enum Reason {
    /** Data needed to show the flight is safe is missing or could not be read. */
    DATA_MISSING,
    /** The disruption document contradicts the airline's data (route, times, registration). */
    DATA_CONFLICT,
    /** A reported fault or required inspection is not released. */
    FAULT_UNRESOLVED,
    /** A limit (duty, curfew, MEL interval) is breached and the agent found no feasible fix. */
    LIMIT_BREACHED,
    /** The agent stated no clearance at all; unknown is unsafe. */
    NOT_STATED,
    /** Any other reason the agent gives in {@link Clearance#detail()}. */
    OTHER
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
   * The more conservative of this and {@code other}: not cleared if either is not cleared (this
   * one's reason first; the missing items of both), cleared if either clears and neither refuses,
   * not applicable only if both are.
   */
  public Clearance and(Clearance other) {
    Objects.requireNonNull(other, "other");
    if (verdict == Verdict.NOT_CLEARED && other.verdict == Verdict.NOT_CLEARED) {
      java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(missing);
      all.addAll(other.missing);
      String both = detail.equals(other.detail) ? detail : detail + "; " + other.detail;
      return new Clearance(Verdict.NOT_CLEARED, reason, both, List.copyOf(all));
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
