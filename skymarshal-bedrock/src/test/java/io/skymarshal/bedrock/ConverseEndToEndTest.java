package io.skymarshal.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.model.ModelClient;
import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelRouting;
import io.skymarshal.testkit.airline.AirlineSamples;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.ModelClientRule;
import io.skymarshal.testkit.bedrock.RecordedConverse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine with the seven airline agents and the arbitrator calling Bedrock through the real
 * SDK; the fake answers with the offline model. The Bedrock path must decide exactly what the
 * offline model decides when called directly.
 */
class ConverseEndToEndTest {

  private static FakeBedrockServer server;
  private static ConverseModelClient client;

  @BeforeAll
  static void start() {
    server = FakeBedrockServer.startHttps();
    server.rule(ModelClientRule.of(OfflineModel.create()));
    client = TestClients.client(server);
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  private static Decision run(ModelClient model) {
    try (Orchestrator o = Orchestrator.builder().agents(AirlineAgents.all())
        .arbitrator(AirlineAgents.arbitrator()).models(ModelRouting.defaults()).modelClient(model)
        .data(AirlineData.inMemory(AirlineSamples.ey123Airline())).build()) {
      return o.run(AirlineSamples.ey123Disruption());
    }
  }

  @Test
  void run_throughBedrock_decidesWhatTheOfflineModelDecidesDirectly() {
    Decision direct = run(OfflineModel.create());
    server.reset();
    server.rule(ModelClientRule.of(OfflineModel.create()));

    Decision viaBedrock = run(client);

    assertThat(viaBedrock.status()).isEqualTo(direct.status()).isEqualTo(Decision.Status.DECIDED);
    assertThat(viaBedrock.ruling()).isEqualTo(direct.ruling());
    assertThat(viaBedrock.recommendations()).extracting(Recommendation::action)
        .containsExactlyElementsOf(direct.recommendations().stream().map(Recommendation::action).toList());
    assertThat(viaBedrock.recommendations()).extracting(Recommendation::constraints)
        .containsExactlyElementsOf(direct.recommendations().stream().map(Recommendation::constraints).toList());
    assertThat(server.requestCount()).isEqualTo(7 + 7 + 1);
  }

  @Test
  void run_throughBedrock_sendsEachAgentItsForcedToolAndTierModel() {
    server.reset();
    server.rule(ModelClientRule.of(OfflineModel.create()));

    Decision d = run(client);

    List<RecordedConverse> sent = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      sent.add(server.takeRequest());
    }
    assertThat(sent).extracting(r -> r.forcedTool().orElseThrow())
        .containsOnlyOnceElementsOf(List.of("arbitrator_ruling"))
        .contains("crew_compliance_reply", "maintenance_reply", "regulatory_reply", "network_reply",
            "guest_experience_reply", "cargo_reply", "finance_reply");
    for (RecordedConverse r : sent) {
      String tool = r.forcedTool().orElseThrow();
      boolean business = List.of("network_reply", "guest_experience_reply", "cargo_reply", "finance_reply")
          .contains(tool);
      assertThat(r.modelId()).as(tool).contains(business ? "haiku-4-5" : "sonnet-4-5");
    }
    AgentCall arbitration = d.report().calls(Phase.ARBITRATION).get(0);
    assertThat(arbitration.modelId()).isEqualTo(ModelRouting.defaults().profileFor("arbitrator", Tier.ARBITRATOR).modelId());
    assertThat(d.report().totalUsage().outputTokens()).isPositive();
    assertThat(d.report().totalCostUsd()).isPositive();
  }
}
