package io.skymarshal.core;

import java.util.List;
import java.util.Objects;

/**
 * What follows from an agent's gathered data by rule, computed in code before any model is
 * called (see {@link AgentSpec#assess}): the clearance the data allows, the binding constraints
 * the rules give (crew duty limits from the roster, a grounding from a reported fault, a curfew
 * from the airport) and the resources examined. The engine binds it to the SAFETY agent's
 * recommendations of both phases whatever the model replies: a model may add constraints, never
 * drop or loosen these, and its clearance counts only where the data allows one.
 * Immutable.
 *
 * @param clearance   what the data allows: {@link Clearance#cleared()} when the rules find nothing
 *                    that prevents clearance, otherwise not cleared with a reason
 * @param constraints constraints that follow from the data by rule
 * @param checked     the aircraft and crew examined
 */
public record SafetyAssessment(Clearance clearance, List<BindingConstraint> constraints, CheckedResources checked) {

  private static final SafetyAssessment NONE =
      new SafetyAssessment(Clearance.notApplicable(), List.of(), CheckedResources.none());

  public SafetyAssessment {
    Objects.requireNonNull(clearance, "clearance");
    Objects.requireNonNull(checked, "checked");
    constraints = List.copyOf(constraints);
  }

  /**
   * No assessment: the agent computes nothing in code. Its recommendations then carry no
   * examined resources, so a plan cannot rely on them.
   */
  public static SafetyAssessment none() {
    return NONE;
  }

  /**
   * {@code model}'s recommendation bound to this assessment: constraints are this assessment's
   * followed by the model's (duplicates by kind and description removed), clearance the more
   * conservative of both, resources this assessment's only (a model's reply cannot claim to have
   * examined an aircraft).
   */
  public Recommendation bind(Recommendation model) {
    java.util.Map<String, BindingConstraint> all = new java.util.LinkedHashMap<>();
    for (List<BindingConstraint> list : List.of(constraints, model.constraints())) {
      list.forEach(c -> all.putIfAbsent(c.kind() + "|" + c.describe(), c));
    }
    Clearance c = clearance.verdict() == Clearance.Verdict.NOT_APPLICABLE ? model.clearance()
        : clearance.and(model.clearance());
    return new Recommendation(model.agent(), model.tier(), model.phase(), model.action(), model.confidence(),
        List.copyOf(all.values()), model.reasoning(), model.figures(), c, checked);
  }
}
