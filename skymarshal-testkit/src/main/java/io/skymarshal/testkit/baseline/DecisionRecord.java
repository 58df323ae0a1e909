package io.skymarshal.testkit.baseline;

import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Recommendation;
import java.util.List;
import java.util.Objects;

/**
 * What a decision says, as the comparison needs it: the status and final action, and each agent's
 * latest recommendation (action, confidence, binding constraints). Immutable.
 *
 * @param disruptionId the disruption
 * @param status       the decision's status, e.g. {@code DECIDED}
 * @param action       the final action ({@link Decision#action()})
 * @param agents       each agent's latest recommendation, in agent order
 */
public record DecisionRecord(String disruptionId, String status, String action, List<AgentRecord> agents) {

  /**
   * One agent's recommendation.
   *
   * @param agent       the agent
   * @param action      its action
   * @param confidence  its confidence
   * @param constraints its binding constraints, each as {@code kind: description}
   */
  public record AgentRecord(String agent, String action, double confidence, List<String> constraints) {
    public AgentRecord {
      Objects.requireNonNull(agent, "agent");
      Objects.requireNonNull(action, "action");
      constraints = List.copyOf(constraints);
    }
  }

  public DecisionRecord {
    Objects.requireNonNull(disruptionId, "disruptionId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(action, "action");
    agents = List.copyOf(agents);
  }

  /** The record of {@code decision}. */
  public static DecisionRecord of(Decision decision) {
    return new DecisionRecord(decision.disruptionId(), decision.status().name(), decision.action(),
        decision.recommendations().stream().map(DecisionRecord::agent).toList());
  }

  private static AgentRecord agent(Recommendation r) {
    return new AgentRecord(r.agent(), r.action(), r.confidence(),
        r.constraints().stream().map(DecisionRecord::constraint).toList());
  }

  static String constraint(BindingConstraint c) {
    return c.kind() + ": " + c.describe();
  }
}
