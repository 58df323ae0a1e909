package io.skymarshal.airline.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.agent.SampleAirline;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Recommendation;
import org.junit.jupiter.api.Test;

/** All seven agents and the arbitrator, run by the engine on the offline model over the in-memory airline. */
class EndToEndTest {

  @Test
  void run_sampleCase_decidesTheSafeDelayWithAReport() {
    try (Orchestrator o = Orchestrator.builder().agents(AirlineAgents.all()).arbitrator(AirlineAgents.arbitrator())
        .modelClient(OfflineModel.create()).data(AirlineData.inMemory(SampleAirline.dataset().build())).build()) {

      Decision d = o.run(SampleAirline.disruption());

      assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
      assertThat(d.action()).isEqualTo("DELAY");
      assertThat(d.ruling().orElseThrow().plan().aircraftRegistration()).isEqualTo("A6-APA");
      assertThat(d.violations()).isEmpty();
      assertThat(d.needsReview()).isFalse();
      assertThat(d.recommendations()).extracting(Recommendation::agent).containsExactlyElementsOf(AirlineAgents.NAMES);
      assertThat(d.report().totalUsage().totalInputTokens()).isPositive();
    }
  }
}
