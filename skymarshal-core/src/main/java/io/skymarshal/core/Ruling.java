package io.skymarshal.core;

import java.util.List;
import java.util.Objects;

/**
 * What the arbitrator decided, before the engine checks it against the safety constraints.
 *
 * @param plan                the chosen plan
 * @param confidence          in [0, 1]; below 0.5 the decision asks for a person's review
 * @param rationale           why this plan
 * @param conflictsResolved   the conflicts between agents it settled, one line each
 * @param constraintsHonoured the constraints the arbitrator says the plan keeps
 */
public record Ruling(ActionPlan plan, double confidence, String rationale, List<String> conflictsResolved,
    List<String> constraintsHonoured) {

  public Ruling {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(rationale, "rationale");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be in [0, 1] but was " + confidence);
    }
    conflictsResolved = List.copyOf(conflictsResolved);
    constraintsHonoured = List.copyOf(constraintsHonoured);
  }
}
