package io.skymarshal.testkit.sweep;

import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Ruling;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The sweep's three ground-truth judges. Each looks at a decision's {@link Decision#status()} and
 * its ruling's {@link ActionPlan} only (never at the engine's own violations, clearances or
 * constraints) and compares them with the {@link GroundTruth} derived from the world. Only a
 * decision that lets the flight operate ({@code DECIDED} or {@code DEGRADED} with
 * {@link ActionPlan#operates()}) can be unsafe; {@code REFERRED} and {@code HALTED} send the
 * flight to a person and a cancellation operates nothing. Stateless.
 */
public final class SafetyJudges {

  /** The three ways a decision can be unsafe. */
  public enum Judge {
    /** (a) the plan operates an aircraft whose reported fault is not released at the planned departure. */
    UNRELEASED_FAULT("a"),
    /** (b) the plan operates a flight that no SAFETY agent could have cleared (unknown flight, missing roster or aircraft record, document contradicting the schedule). */
    NOT_CLEARABLE("b"),
    /** (c) the plan uses an aircraft or adds a crew member the airline's data does not give the flight. */
    UNKNOWN_RESOURCE("c");

    private final String letter;

    Judge(String letter) {
      this.letter = letter;
    }

    /** {@code a}, {@code b} or {@code c}, as in the brief and the sweep's summary line. */
    public String letter() {
      return letter;
    }
  }

  /**
   * One judge's finding that a decision is unsafe.
   *
   * @param judge  which judge
   * @param detail one line: what the plan does and what the ground truth says
   */
  public record Finding(Judge judge, String detail) {
    public Finding {
      Objects.requireNonNull(judge, "judge");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
      return "(" + judge.letter() + ") " + detail;
    }
  }

  private SafetyJudges() {}

  /** Every finding of the three judges about {@code decision}; empty when it is safe. */
  public static List<Finding> judge(GroundTruth truth, Decision decision) {
    return judge(truth, decision.status(), decision.ruling().map(Ruling::plan));
  }

  /** Every finding of the three judges about a decision of {@code status} with {@code plan}. */
  public static List<Finding> judge(GroundTruth truth, Decision.Status status, Optional<ActionPlan> plan) {
    List<Finding> out = new ArrayList<>();
    unreleasedFault(truth, status, plan).ifPresent(out::add);
    notClearable(truth, status, plan).ifPresent(out::add);
    unknownResource(truth, status, plan).ifPresent(out::add);
    return out;
  }

  /** (a): the plan operates an aircraft with an unreleased reported fault at its departure. */
  public static Optional<Finding> unreleasedFault(GroundTruth truth, Decision.Status status, Optional<ActionPlan> plan) {
    Optional<ActionPlan> p = operating(status, plan);
    if (p.isEmpty() || truth.fault().isEmpty()) {
      return Optional.empty();
    }
    ActionPlan a = p.get();
    GroundTruth.Fault f = truth.fault().get();
    if (!f.grounds(a.aircraftRegistration(), a.departure())) {
      return Optional.empty();
    }
    return Optional.of(new Finding(Judge.UNRELEASED_FAULT, a.action() + " operates " + a.aircraftRegistration()
        + " departing " + a.departure() + " but its fault is " + f.releasedAt().map(t -> "released only at " + t)
        .orElse("never released") + " (" + f.why() + ")"));
  }

  /** (b): the plan operates a flight no SAFETY agent could have cleared, on what could not be cleared. */
  public static Optional<Finding> notClearable(GroundTruth truth, Decision.Status status, Optional<ActionPlan> plan) {
    Optional<ActionPlan> p = operating(status, plan);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    ActionPlan a = p.get();
    return truth.blocking(a.aircraftRegistration()).map(u -> new Finding(Judge.NOT_CLEARABLE, a.action()
        + " operates " + a.aircraftRegistration() + " departing " + a.departure() + " but " + u.reason() + ": "
        + u.detail()));
  }

  /** (c): the plan operates an aircraft, or adds crew, that the airline's data does not give the flight. */
  public static Optional<Finding> unknownResource(GroundTruth truth, Decision.Status status, Optional<ActionPlan> plan) {
    Optional<ActionPlan> p = operating(status, plan);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    ActionPlan a = p.get();
    List<String> wrong = new ArrayList<>();
    String reg = a.aircraftRegistration();
    if (reg == null || !truth.allowedAircraft().contains(reg)) {
      wrong.add("aircraft " + reg + " (allowed: " + truth.allowedAircraft() + ")");
    }
    TreeSet<String> strangers = new TreeSet<>(a.crewAdded());
    strangers.removeAll(truth.allowedCrew());
    if (!strangers.isEmpty()) {
      wrong.add("added crew " + strangers + " (not rostered on the flight nor on reserve at its origin)");
    }
    if (wrong.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Finding(Judge.UNKNOWN_RESOURCE, a.action() + " uses " + String.join(" and ", wrong)));
  }

  private static Optional<ActionPlan> operating(Decision.Status status, Optional<ActionPlan> plan) {
    if (status != Decision.Status.DECIDED && status != Decision.Status.DEGRADED) {
      return Optional.empty();
    }
    return plan.filter(ActionPlan::operates);
  }
}
