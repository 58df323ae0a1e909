package io.skymarshal.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One agent's recommendation in one phase. Immutable.
 *
 * <p>A SAFETY recommendation states its {@link #clearance()}: whether it clears the flight subject
 * to its {@link #constraints()}, or cannot and why. The engine binds to it what the agent computed
 * in code ({@link AgentSpec#assess}), so constraints and clearance that follow from the data by
 * rule hold whatever the model replied, and {@link #checked()} names the resources examined.
 *
 * @param agent       the agent's name
 * @param tier        the agent's tier
 * @param phase       the phase it was given in
 * @param action      an action from the agent's vocabulary, e.g. {@code CREW_CHANGE}, {@code AOG}, {@code DELAY}
 * @param confidence  in [0, 1]
 * @param constraints the constraints the agent says must hold
 * @param reasoning   a short justification
 * @param figures     named figures backing it (costs, counts), in a stable order
 * @param clearance   for SAFETY, {@link Clearance.Verdict#CLEARED} or {@link Clearance.Verdict#NOT_CLEARED};
 *                    for BUSINESS, {@link Clearance#notApplicable()}
 * @param checked     the aircraft and crew examined in code; empty unless bound by the engine
 */
public record Recommendation(String agent, Tier tier, Phase phase, String action, double confidence,
    List<BindingConstraint> constraints, String reasoning, Map<String, String> figures, Clearance clearance,
    CheckedResources checked) {

  public Recommendation {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reasoning, "reasoning");
    Objects.requireNonNull(clearance, "clearance");
    Objects.requireNonNull(checked, "checked");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be in [0, 1] but was " + confidence + " (agent " + agent + ")");
    }
    if ((tier == Tier.SAFETY) == (clearance.verdict() == Clearance.Verdict.NOT_APPLICABLE)) {
      throw new IllegalArgumentException("agent " + agent + ": a " + tier + " recommendation cannot have clearance "
          + clearance.verdict() + " (SAFETY recommendations clear or not; others are NOT_APPLICABLE)");
    }
    constraints = List.copyOf(constraints);
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }

  /**
   * A recommendation that states no clearance: for a BUSINESS agent {@link Clearance#notApplicable()};
   * for a SAFETY agent {@link Clearance#notStated()}, which does not clear the flight.
   */
  public Recommendation(String agent, Tier tier, Phase phase, String action, double confidence,
      List<BindingConstraint> constraints, String reasoning, Map<String, String> figures) {
    this(agent, tier, phase, action, confidence, constraints, reasoning, figures,
        tier == Tier.SAFETY ? Clearance.notStated() : Clearance.notApplicable(), CheckedResources.none());
  }

  /** This recommendation with {@code clearance} instead. */
  public Recommendation withClearance(Clearance clearance) {
    return new Recommendation(agent, tier, phase, action, confidence, constraints, reasoning, figures, clearance, checked);
  }

  /**
   * Whether this is a SAFETY recommendation that does not clear the flight and states no binding
   * constraint that says what would make it safe (or gives a reason no constraint can answer,
   * see {@link Clearance.Reason#constraintsCanAnswer()}): a run with one goes to a person.
   */
  public boolean blocksDecision() {
    return tier == Tier.SAFETY && clearance.verdict() == Clearance.Verdict.NOT_CLEARED
        && (constraints.isEmpty() || !clearance.reason().constraintsCanAnswer());
  }
}
