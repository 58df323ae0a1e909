package io.skymarshal.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the arbitrator is told: the revised recommendations, the agents missing, and exactly the
 * safety set the engine will check its ruling against. Immutable.
 *
 * @param revised           the Phase-2 recommendations of the agents that succeeded, in agent order
 * @param missing           the agents with no recommendation, and why
 * @param safetyConstraints every SAFETY binding constraint of Phase 1 and Phase 2 (one dropped in
 *                          revision still binds), duplicates removed
 * @param checked           the aircraft and crew the SAFETY agents examined: a plan may use no others
 */
public record ArbitrationInput(List<Recommendation> revised, List<MissingAgent> missing,
    List<BindingConstraint> safetyConstraints, CheckedResources checked) {

  public ArbitrationInput {
    revised = List.copyOf(revised);
    missing = List.copyOf(missing);
    safetyConstraints = List.copyOf(safetyConstraints);
    Objects.requireNonNull(checked, "checked");
  }

  /**
   * The input the engine builds: {@code revised}, and from the SAFETY recommendations of both phases
   * every binding constraint (duplicates by kind and description removed, so one dropped in
   * revision still binds) and every resource examined.
   *
   * @param initial the Phase-1 recommendations
   * @param revised the Phase-2 recommendations, in agent order
   * @param missing the agents with no Phase-2 recommendation
   */
  public static ArbitrationInput of(Collection<Recommendation> initial, Collection<Recommendation> revised,
      List<MissingAgent> missing) {
    Map<String, BindingConstraint> safety = new LinkedHashMap<>();
    CheckedResources checked = CheckedResources.none();
    for (Collection<Recommendation> recs : List.of(initial, revised)) {
      for (Recommendation r : recs) {
        if (r.tier() == Tier.SAFETY) {
          r.constraints().forEach(c -> safety.putIfAbsent(c.kind() + "|" + c.describe(), c));
          checked = checked.union(r.checked());
        }
      }
    }
    return new ArbitrationInput(List.copyOf(revised), missing, List.copyOf(safety.values()), checked);
  }

  /**
   * What {@code plan} breaks, in code: an operated aircraft or an added crew member that no
   * SAFETY agent examined, then every SAFETY constraint it breaks. Empty when it keeps them all.
   * The engine checks every ruling with exactly this.
   */
  public List<Violation> violations(ActionPlan plan) {
    List<Violation> out = new java.util.ArrayList<>();
    if (plan.operates()) {
      String reg = plan.aircraftRegistration();
      if (reg == null || !checked.aircraft().contains(reg)) {
        out.add(new Violation(Violation.UNCHECKED_AIRCRAFT, reg == null ? "(none named)" : reg,
            "the plan operates " + (reg == null ? "an aircraft it does not name" : reg)
                + ", which no SAFETY agent examined (examined: "
                + (checked.aircraft().isEmpty() ? "none" : String.join(", ", checked.aircraft())) + ")"));
      }
      for (String crew : plan.crewAdded().stream().sorted().toList()) {
        if (!checked.crew().contains(crew)) {
          out.add(new Violation(Violation.UNCHECKED_CREW, crew,
              "the plan adds crew member " + crew + ", whom no SAFETY agent examined"));
        }
      }
    }
    for (BindingConstraint c : safetyConstraints) {
      c.violationBy(plan).ifPresent(why -> out.add(Violation.of(c, why)));
    }
    return out;
  }

  /** The names of the missing agents, in order. */
  public List<String> missingNames() {
    return missing.stream().map(MissingAgent::agent).toList();
  }
}
