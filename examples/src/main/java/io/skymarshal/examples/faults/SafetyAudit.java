package io.skymarshal.examples.faults;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.CheckedResources;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.SafetyAssessment;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks a decision's plan against safety independently of the run that made it: each SAFETY
 * agent's assessment is computed again, in code, from the airline's complete data in memory (not
 * from what the run read through a faulty DynamoDB), and a decided plan must keep every one of
 * those binding constraints, every SAFETY constraint the decision's recommendations carry, use
 * only aircraft and added crew those assessments examined, and not be decided at all where an
 * assessment cannot clear the flight and no constraint can make it safe. Thread-safe.
 */
final class SafetyAudit {
  private final DataAccess truth;
  private final List<AgentSpec<?>> safetyAgents;

  SafetyAudit(AirlineDataset airline) {
    this.truth = AirlineData.inMemory(airline);
    this.safetyAgents = AirlineAgents.all().stream().filter(a -> a.tier() == Tier.SAFETY).toList();
  }

  /** What {@code decision}'s plan breaks, one line each; empty when it is safe or makes no plan. */
  List<String> breaches(Disruption disruption, Decision decision) {
    if (!decision.decided() || decision.ruling().isEmpty()) {
      return List.of();
    }
    ActionPlan plan = decision.ruling().get().plan();
    List<String> out = new ArrayList<>();
    CheckedResources examined = CheckedResources.none();
    for (AgentSpec<?> agent : safetyAgents) {
      SafetyAssessment s = assess(agent, disruption);
      examined = examined.union(s.checked());
      for (BindingConstraint c : s.constraints()) {
        c.violationBy(plan).ifPresent(v -> out.add(agent.name() + " (from the data): " + c.describe() + ": " + v));
      }
      Clearance cl = s.clearance();
      if (cl.verdict() == Clearance.Verdict.NOT_CLEARED
          && (s.constraints().isEmpty() || !cl.reason().constraintsCanAnswer())) {
        out.add(agent.name() + " cannot clear the flight (" + cl + ") but it was " + decision.status());
      }
    }
    for (Recommendation r : decision.recommendations()) {
      if (r.tier() == Tier.SAFETY) {
        for (BindingConstraint c : r.constraints()) {
          c.violationBy(plan).ifPresent(v -> out.add(r.agent() + " (in the decision): " + c.describe() + ": " + v));
        }
      }
    }
    if (plan.operates()) {
      if (plan.aircraftRegistration() == null || !examined.aircraft().contains(plan.aircraftRegistration())) {
        out.add("operates aircraft " + plan.aircraftRegistration() + ", not examined (examined: "
            + new TreeSet<>(examined.aircraft()) + ")");
      }
      TreeSet<String> strangers = new TreeSet<>(plan.crewAdded());
      strangers.removeAll(examined.crew());
      if (!strangers.isEmpty()) {
        out.add("adds crew " + strangers + ", not examined");
      }
    }
    return out;
  }

  private <I> SafetyAssessment assess(AgentSpec<I> agent, Disruption disruption) {
    return agent.assess(disruption, agent.gather(disruption, truth));
  }
}
