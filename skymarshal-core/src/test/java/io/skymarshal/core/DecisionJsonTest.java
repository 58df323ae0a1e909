package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.model.ModelException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DecisionJsonTest {

  @Test
  void toJson_carriesStatusActionAgentsPhasesTotalsAndCost() throws Exception {
    TestModel model = new TestModel().on("cargo", q -> CompletableFuture.failedFuture(
        new ModelException(ModelException.Kind.VALIDATION, "m", "bad request")));
    Decision d = OrchestratorTest.run(model);

    JsonNode json = new ObjectMapper().readTree(DecisionJson.toJson(d));

    assertThat(json.get("status").asText()).isEqualTo("DEGRADED");
    assertThat(json.get("action").asText()).isEqualTo("DELAY");
    assertThat(json.get("missingAgents").get(0).get("agent").asText()).isEqualTo("cargo");
    assertThat(json.get("missingAgents").get(0).get("error").asText()).contains("bad request");
    assertThat(json.get("agents")).hasSize(15);
    JsonNode first = json.get("agents").get(0);
    for (String field : new String[] {"name", "tier", "status", "attempts", "durationMs", "inputTokens", "outputTokens"}) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    assertThat(first.get("name").asText()).isEqualTo("crew_compliance");
    assertThat(json.get("phases")).extracting(p -> p.get("name").asText())
        .containsExactly("phase1_initial", "phase2_revision", "phase3_arbitration");
    assertThat(json.get("totalDurationMs").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(json.get("costUsd").asDouble()).isEqualTo(d.report().totalCostUsd());
    assertThat(json.get("inputTokens").asLong()).isEqualTo(d.report().totalUsage().inputTokens());
  }
}
