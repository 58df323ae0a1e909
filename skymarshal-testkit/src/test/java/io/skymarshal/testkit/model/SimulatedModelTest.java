package io.skymarshal.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SimulatedModelTest {
  private static final ModelProfile SONNET = ModelProfiles.CLAUDE_SONNET_4_5;
  /** One token a character: counts the tests can compute. */
  private static final io.skymarshal.prompt.TokenCounter CHARS = String::length;

  private static SimulatedModel model(String reply) {
    return SimulatedModel.builder().tokenCounter(CHARS).profiles(id -> LatencyProfile.CLAUDE_SONNET_4_5.withoutJitter())
        .answerer(r -> CompletableFuture.completedFuture(new ModelReply(reply, TokenUsage.ZERO, "rules", "end_turn")))
        .build();
  }

  private static ModelRequest request(String system, boolean cacheSystem, Message... messages) {
    return new ModelRequest("crew_compliance", Tier.SAFETY, Phase.INITIAL, SONNET, system, cacheSystem,
        List.of(messages), null);
  }

  @Test
  void latency_withoutJitter_isFirstTokenPlusPrefillPlusCacheReadPlusDecode() {
    LatencyProfile p = LatencyProfile.CLAUDE_SONNET_4_5.withoutJitter();

    Duration d = p.latency(new TokenUsage(8_000, 630, 40_000, 0), new SplittableRandom(1));

    // 1.8 s + 8,000 / 8,000 + 40,000 / 40,000 + 630 / 63 = 13.8 s
    assertThat(d).isEqualTo(Duration.ofMillis(13_800));
  }

  @Test
  void latency_sameSeed_sameLatency_andJitterVariesWithTheSeed() {
    LatencyProfile p = LatencyProfile.CLAUDE_SONNET_4_5;
    TokenUsage u = TokenUsage.of(3_000, 400);

    assertThat(p.latency(u, new SplittableRandom(7))).isEqualTo(p.latency(u, new SplittableRandom(7)));
    assertThat(List.of(1, 2, 3, 4, 5).stream().map(s -> p.latency(u, new SplittableRandom(s))).distinct().count())
        .isGreaterThan(1);
  }

  @Test
  void call_countsSchemaSystemAndMessagesAsInputAndTheReplyAsOutput_andRecordsTheCall() {
    SimulatedModel m = model("0123456789");

    ModelReply reply = m.call(request("sys", false, Message.user("hello"))).join();

    assertThat(reply.usage()).isEqualTo(TokenUsage.of(8, 10));
    assertThat(reply.modelId()).isEqualTo(SONNET.modelId());
    List<SimulatedModel.Call> calls = m.drainCalls();
    assertThat(calls).hasSize(1);
    // 1.8 s + 8 / 8,000 + 10 / 63
    assertThat(calls.get(0).latency().toNanos()).isEqualTo(Math.round((1.8 + 8 / 8000.0 + 10 / 63.0) * 1e9));
    assertThat(m.drainCalls()).isEmpty();
  }

  @Test
  void call_sameRequest_sameLatency_whateverTheOrderOfCalls() {
    SimulatedModel a = SimulatedModel.builder().tokenCounter(CHARS).seed(3)
        .answerer(r -> CompletableFuture.completedFuture(new ModelReply("x".repeat(200), TokenUsage.ZERO, "m", "end_turn")))
        .build();
    a.call(request("other", false, Message.user("first"))).join();
    a.call(request("sys", false, Message.user("q"))).join();
    SimulatedModel b = SimulatedModel.builder().tokenCounter(CHARS).seed(3)
        .answerer(r -> CompletableFuture.completedFuture(new ModelReply("x".repeat(200), TokenUsage.ZERO, "m", "end_turn")))
        .build();
    b.call(request("sys", false, Message.user("q"))).join();

    assertThat(a.drainCalls().get(1).latency()).isEqualTo(b.drainCalls().get(0).latency());
  }

  @Test
  void call_systemPrefixAtTheMinimum_isWrittenThenRead() {
    SimulatedModel m = model("ok");
    String system = "s".repeat(1_024);

    TokenUsage first = m.call(request(system, true, Message.user("q1"))).join().usage();
    TokenUsage second = m.call(request(system, true, Message.user("q2"))).join().usage();

    assertThat(first).isEqualTo(new TokenUsage(2, 2, 0, 1_024));
    assertThat(second).isEqualTo(new TokenUsage(2, 2, 1_024, 0));
  }

  @Test
  void call_prefixBelowTheMinimum_isNeverCached() {
    SimulatedModel m = model("ok");
    String system = "s".repeat(1_023);

    m.call(request(system, true, Message.user("q"))).join();
    TokenUsage again = m.call(request(system, true, Message.user("q"))).join().usage();

    assertThat(again).isEqualTo(TokenUsage.of(1_024, 2));
  }

  @Test
  void call_continuedConversation_readsThePhase1TurnWrittenByPhase1() {
    SimulatedModel m = model("reply");
    Message phase1 = Message.user("p".repeat(1_500)).withCachePoint();

    TokenUsage p1 = m.call(request("sys", true, phase1)).join().usage();
    TokenUsage p2 = m.call(request("sys", true, phase1, Message.assistant("reply"), Message.user("peers"))).join().usage();

    assertThat(p1).isEqualTo(new TokenUsage(0, 5, 0, 1_503));
    assertThat(p2).isEqualTo(new TokenUsage(10, 5, 1_503, 0));
  }

  @Test
  void call_afterTheTimeToLive_writesAgain() {
    SimulatedModel m = model("ok");
    String system = "s".repeat(2_000);
    m.call(request(system, true, Message.user("q"))).join();

    m.advance(Duration.ofMinutes(5));
    TokenUsage late = m.call(request(system, true, Message.user("q"))).join().usage();

    assertThat(late.cacheWriteTokens()).isEqualTo(2_000);
    assertThat(late.cacheReadTokens()).isZero();
  }

  @Test
  void builder_rejectsATimeScaleAboveOneAndASecondSetting() {
    assertThatThrownBy(() -> SimulatedModel.builder().timeScale(2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeScale");
    assertThatThrownBy(() -> SimulatedModel.builder().seed(1).seed(2)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seed");
  }

  @Test
  void run_verbosePromptsWithTwins_decideAsTheXmlPromptsDo_andBillTheVerboseText() {
    var airline = AirlineSamples.ey123Airline();
    var disruption = AirlineSamples.ey123Disruption();
    PromptTwins twins = new PromptTwins();
    SimulatedModel verboseModel = SimulatedModel.builder().twins(twins).build();
    SimulatedModel xmlModel = SimulatedModel.builder().build();
    Decision verbose;
    Decision xml;
    try (Orchestrator o = Orchestrator.builder()
        .agents(twins.agents(AirlineAgents.all(PromptStyle.VERBOSE), AirlineAgents.all(PromptStyle.XML)))
        .arbitrator(twins.arbitrator(AirlineAgents.arbitrator(PromptStyle.VERBOSE), AirlineAgents.arbitrator()))
        .modelClient(verboseModel).data(AirlineData.inMemory(airline)).build()) {
      verbose = o.run(disruption);
    }
    try (Orchestrator o = Orchestrator.builder().agents(AirlineAgents.all()).arbitrator(AirlineAgents.arbitrator())
        .modelClient(xmlModel).data(AirlineData.inMemory(airline)).build()) {
      xml = o.run(disruption);
    }

    assertThat(verbose.status()).isEqualTo(xml.status());
    assertThat(verbose.action()).isEqualTo(xml.action());
    assertThat(verbose.recommendations().stream().map(Recommendation::action).toList())
        .isEqualTo(xml.recommendations().stream().map(Recommendation::action).toList());
    assertThat(verbose.report().totalUsage().totalInputTokens())
        .isGreaterThan(xml.report().totalUsage().totalInputTokens() * 3 / 2);
    assertThat(verboseModel.drainCalls()).hasSize(15);
  }
}
