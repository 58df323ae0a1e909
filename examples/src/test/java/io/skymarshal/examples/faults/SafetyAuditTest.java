package io.skymarshal.examples.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Ruling;
import io.skymarshal.testkit.airline.AirlineGenerator;
import io.skymarshal.testkit.airline.DisruptionGenerator;
import io.skymarshal.testkit.sweep.Variant;
import io.skymarshal.testkit.sweep.WorldMutator;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The matrix's safety check finds a plan that breaks safety, and passes the engine's own decision. */
class SafetyAuditTest {
  private final AirlineDataset airline = AirlineGenerator.of(new AirlineGenerator.Config(7, LocalDate.of(2026, 1, 30),
      6, 300)).generate();
  private final SafetyAudit audit = new SafetyAudit(airline);

  @Test
  void breaches_whenThePlanFliesAGroundedAircraftOnSchedule_nameTheGrounding() {
    Variant v = new WorldMutator(airline, 7).mutate(new DisruptionGenerator(airline, 7).next(),
        "fault:hydraulic+no_estimate");
    Decision engine = decide(v.disruption());
    FlightRef f = v.disruption().flight();
    String own = f.aircraftRegistration() != null ? f.aircraftRegistration() : v.truth().scheduledAircraft();
    ActionPlan onSchedule = new ActionPlan("PROCEED", true, f.scheduledDeparture(), f.scheduledArrival(), own,
        Set.of(), "operate on schedule");

    assertThat(audit.breaches(v.disruption(), engine)).isEmpty();
    assertThat(audit.breaches(v.disruption(), withPlan(engine, onSchedule)))
        .anySatisfy(line -> assertThat(line).contains("maintenance (from the data)").contains(own));
  }

  @Test
  void breaches_whenThePlanUsesAnAircraftNobodyExamined_sayNotExamined() {
    Disruption d = new DisruptionGenerator(airline, 11).next();
    Decision engine = decide(d);
    FlightRef f = d.flight();
    ActionPlan stranger = new ActionPlan("SWAP_AIRCRAFT", true, f.scheduledDeparture().plusSeconds(5400),
        f.scheduledArrival().plusSeconds(5400), "ZZ-NOPE", Set.of(), "swap to ZZ-NOPE");

    assertThat(audit.breaches(d, withPlan(engine, stranger)))
        .anySatisfy(line -> assertThat(line).contains("operates aircraft ZZ-NOPE, not examined"));
  }

  private Decision decide(Disruption d) {
    try (Orchestrator o = Orchestrator.builder().agents(AirlineAgents.all()).arbitrator(AirlineAgents.arbitrator())
        .modelClient(OfflineModel.create()).data(AirlineData.inMemory(airline)).build()) {
      return o.run(d);
    }
  }

  private static Decision withPlan(Decision d, ActionPlan plan) {
    return new Decision(d.disruptionId(), Decision.Status.DECIDED,
        Optional.of(new Ruling(plan, 0.9, "as the model said", List.of(), List.of())), d.recommendations(), List.of(),
        List.of(), null, false, d.report());
  }
}
