package io.skymarshal.examples.fuel;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FuelExampleTest {

  @Test
  void fuelAgent_runsOfflineAndItsRecommendationReachesTheArbitrator() {
    OfflineModel offline = FuelExample.model();
    List<ModelRequest> seen = new CopyOnWriteArrayList<>();
    Decision d;
    try (Orchestrator o = FuelExample.orchestrator(offline)) {
      d = o.run(AirlineSamples.ey123Disruption());
    }
    // the same run again, recording what the arbitrator was sent
    try (Orchestrator o = io.skymarshal.core.Orchestrator.builder()
        .agents(io.skymarshal.airline.agent.AirlineAgents.builder().add(new FuelAgent()).build())
        .arbitrator(io.skymarshal.airline.agent.AirlineAgents.arbitrator())
        .modelClient(request -> {
          seen.add(request);
          return offline.call(request);
        })
        .data(io.skymarshal.airline.store.AirlineData.inMemory(AirlineSamples.ey123Airline()).toBuilder()
            .table(FuelAgent.FUEL_PRICES, io.skymarshal.data.InMemoryBatchReader.of(
                List.of(new FuelPrice("AUH", 0.78, true)), FuelPrice::airport)).build())
        .build()) {
      o.run(AirlineSamples.ey123Disruption());
    }

    assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
    assertThat(d.recommendations()).extracting(r -> r.agent()).contains("fuel");
    assertThat(d.recommendations()).filteredOn(r -> r.agent().equals("fuel")).singleElement()
        .satisfies(r -> assertThat(r.figures()).containsKey("fuelUsd.DELAY"));
    ModelRequest arbitration = seen.stream().filter(r -> r.tier() == Tier.ARBITRATOR).findFirst().orElseThrow();
    assertThat(arbitration.lastUserText()).contains("name=\"fuel\"");
    assertThat(seen.stream().filter(r -> r.agent().equals("fuel")).map(ModelRequest::phase))
        .containsExactlyInAnyOrder(Phase.INITIAL, Phase.REVISION);
  }
}
