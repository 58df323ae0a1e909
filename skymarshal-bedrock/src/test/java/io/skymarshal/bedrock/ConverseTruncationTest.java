package io.skymarshal.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.model.ModelRouting;
import io.skymarshal.testkit.airline.AirlineSamples;
import io.skymarshal.testkit.bedrock.FakeReply;
import io.skymarshal.testkit.bedrock.ModelClientRule;
import io.skymarshal.testkit.bedrock.RecordedConverse;
import io.skymarshal.testkit.bedrock.ReplyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replies Bedrock cut at {@code max_tokens}, through the real SDK and the HTTPS fake: the engine
 * asks again with the limit raised (sent as {@code inferenceConfig.maxTokens}), or fails the agent
 * saying to raise it. The other calls are answered by the offline model.
 */
class ConverseTruncationTest {

  @RegisterExtension
  static final FakeBedrockFixture bedrock = FakeBedrockFixture.create();

  /** Cuts the first {@code times} replies to the agent whose reply tool is {@code tool}; the offline model answers the rest. */
  private static ReplyRule cutting(String tool, int times, List<RecordedConverse> seen) {
    ModelClientRule offline = ModelClientRule.of(OfflineModel.create());
    AtomicInteger cut = new AtomicInteger();
    return request -> {
      if (request.forcedTool().orElse("").equals(tool)) {
        synchronized (seen) {
          seen.add(request);
        }
        if (cut.getAndIncrement() < times) {
          // a forced tool call cut off mid-way: Bedrock sends what it has and stopReason max_tokens
          return FakeReply.text("{\"action\": \"DELAY\", \"confidence\": 0.").withStopReason("max_tokens");
        }
      }
      return offline.reply(request);
    };
  }

  private static Decision run() {
    try (Orchestrator o = Orchestrator.builder().agents(AirlineAgents.all())
        .arbitrator(AirlineAgents.arbitrator()).models(ModelRouting.defaults()).modelClient(bedrock.client())
        .data(AirlineData.inMemory(AirlineSamples.ey123Airline())).build()) {
      return o.run(AirlineSamples.ey123Disruption());
    }
  }

  @Test
  void run_whenBedrockCutsAReplyAtMaxTokens_asksAgainWithTheLimitDoubledAndDecides() {
    List<RecordedConverse> seen = new ArrayList<>();
    bedrock.server().rule(cutting("crew_compliance_reply", 1, seen));

    Decision d = run();

    assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
    assertThat(seen).extracting(r -> r.maxTokens().orElseThrow()).containsExactly(8192, 16_384, 8192);
    assertThat(seen.get(1).messages()).as("asked again unchanged").isEqualTo(seen.get(0).messages());
    AgentCall call = d.report().call("crew_compliance", Phase.INITIAL).orElseThrow();
    assertThat(call.modelCalls()).isEqualTo(2);
  }

  @Test
  void run_whenBedrockCutsTheReplyAgainAfterTheRaise_leavesTheAgentOutSayingToRaiseTheLimit() {
    List<RecordedConverse> seen = new ArrayList<>();
    bedrock.server().rule(cutting("network_reply", 2, seen));

    Decision d = run();

    assertThat(d.status()).isEqualTo(Decision.Status.DEGRADED);
    assertThat(seen).extracting(r -> r.maxTokens().orElseThrow()).containsExactly(4096, 8192);
    assertThat(d.missingAgents()).singleElement().satisfies(m -> {
      assertThat(m.agent()).isEqualTo("network");
      assertThat(m.error()).contains("ReplyTruncatedException")
          .contains("cut at max_tokens (8192 output tokens, model global.anthropic.claude-haiku-4-5-20251001-v1:0)")
          .contains("raised from 4096").contains("raise the output limit");
    });
  }
}
