package io.skymarshal.testkit.airline;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.CallStatus;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Orchestrator;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The offline model answers every valid disruption: over generated disruptions, also without a
 * registration, with huge or unreadable numeric facts, for unknown flights and with the fault types
 * operations controllers type, every agent and the arbitrator answer, no run halts because of the
 * offline model, and its calls are reported as the offline model's, costed as an estimate.
 */
class OfflineModelProperties {
  private static final Orchestrator ORCHESTRATOR = Orchestrator.builder().agents(AirlineAgents.all())
      .arbitrator(AirlineAgents.arbitrator()).modelClient(OfflineModel.create())
      .data(AirlineData.inMemory(AirlineGenerator.defaultAirline())).build();

  @Property(tries = 150)
  void everyAgentAnswers_andNoRunHaltsForTheOfflineModel(@ForAll("awkward") Disruption d) {
    Decision decision = ORCHESTRATOR.run(d);

    assertThat(decision.status()).as(decision.haltReason() == null ? "" : decision.haltReason().toString())
        .isNotEqualTo(Decision.Status.HALTED);
    for (AgentCall c : decision.report().calls()) {
      if (c.status() == CallStatus.SKIPPED) {
        continue;
      }
      assertThat(c.status()).as(c.agent() + " " + c.phase() + ": " + c.error()).isEqualTo(CallStatus.SUCCEEDED);
      assertThat(c.modelId()).isEqualTo(OfflineModel.MODEL_ID);
      assertThat(c.costEstimated()).isTrue();
    }
    assertThat(decision.report().costEstimated()).isTrue();
  }

  @Provide
  Arbitrary<Disruption> awkward() {
    Arbitrary<String> types = Arbitraries.of("aircraft_technical_issue", "aog", "mechanical", "landing_gear_failure",
        "engine_failure", "hydraulic", "bird_strike", "hard_landing", "lightning_strike", "weather", "crew", "atc");
    Arbitrary<String> numbers = Arbitraries.of("9223372036854775807", "-5", "1e400", "NaN", "90", "", "soon",
        "99999999999999999999999");
    Arbitrary<Integer> mutation = Arbitraries.integers().between(0, 4);
    return Combinators.combine(AirlineArbitraries.disruptions(), types, numbers, mutation).as((d, type, n, m) -> {
      FlightRef f = d.flight();
      Disruption.Builder b = d.toBuilder().type(type).fact("constraints.maintenance_window_required_minutes", n)
          .fact("crew.member_id", n).fact("constraints.alternate_aircraft_registration", n);
      return switch (m) {
        case 0 -> b.flight(new FlightRef(f.flightNumber(), f.origin(), f.destination(), f.scheduledDeparture(),
            f.scheduledArrival(), f.aircraftType(), null)).build();
        case 1 -> b.flight(new FlightRef("EY9999", f.origin(), f.destination(), f.scheduledDeparture(),
            f.scheduledArrival(), f.aircraftType(), f.aircraftRegistration())).build();
        case 2 -> b.estimatedDelay(Duration.ofDays(6)).build();
        case 3 -> b.flight(new FlightRef(f.flightNumber(), f.origin(), f.destination(), f.scheduledDeparture(),
            f.scheduledArrival(), null, "ZZ-NOPE")).build();
        default -> b.build();
      };
    });
  }
}
