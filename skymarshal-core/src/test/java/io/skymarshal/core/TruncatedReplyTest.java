package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.model.ModelPrice;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.ModelRouting;
import io.skymarshal.model.TokenUsage;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Replies cut at the output limit ({@code stopReason max_tokens}): asked again unchanged with the
 * limit raised, up to the model's maximum, or failed with a {@link ReplyTruncatedException} saying
 * what to raise. Regression tests for issue 10: a cut reply was re-asked as a format error with
 * the same limit, so it was likely cut again.
 */
class TruncatedReplyTest {

  static CompletableFuture<ModelReply> cut(String text) {
    return CompletableFuture.completedFuture(new ModelReply(text, TokenUsage.of(100, 20), "test-model",
        ModelReply.STOP_MAX_TOKENS));
  }

  static Decision run(TestModel model, ModelRouting routing) {
    try (Orchestrator o = OrchestratorTest.builder(model).models(routing).build()) {
      return o.run(TestAgents.disruption());
    }
  }

  @Test
  void run_whenReplyCutAtMaxTokens_asksAgainUnchangedWithTheLimitDoubled() {
    TestModel model = new TestModel().on("regulatory",
        q -> q.profile().maxTokens() == 8192 ? cut("COMPLI") : TestModel.ok("COMPLIANT 0.9"));

    Decision d = OrchestratorTest.run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
    ModelRequest first = model.callsOf("regulatory").get(0).request();
    ModelRequest again = model.callsOf("regulatory").get(1).request();
    assertThat(first.profile().maxTokens()).isEqualTo(8192);
    assertThat(again.profile().maxTokens()).isEqualTo(16_384);
    assertThat(again.messages()).as("the same conversation, no format complaint").isEqualTo(first.messages());
    AgentCall call = d.report().call("regulatory", Phase.INITIAL).orElseThrow();
    assertThat(call.modelCalls()).isEqualTo(2);
    assertThat(call.usage().outputTokens()).isEqualTo(40);
  }

  @Test
  void run_whenCutAgainAfterTheRaise_failsTheAgentSayingToRaiseTheLimit() {
    TestModel model = new TestModel().on("cargo", q -> cut("OK"));

    Decision d = OrchestratorTest.run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.DEGRADED);
    assertThat(model.callsOf("cargo")).extracting(c -> c.request().profile().maxTokens()).containsExactly(4096, 8192);
    assertThat(d.missingAgents()).singleElement().satisfies(m -> assertThat(m.error())
        .contains("ReplyTruncatedException").contains("cut at max_tokens (8192 output tokens")
        .contains("raised from 4096").contains("ModelProfile.withMaxTokens").contains("64000"));
  }

  @Test
  void run_whenTheModelsMaximumIsUnknown_failsAtOnceSayingToRaiseTheLimit() {
    ModelProfile unknownMaximum = new ModelProfile("some.model-v1:0", "Some model", new ModelPrice(1, 1, 0, 0), 2048, 0.3, 0);
    TestModel model = new TestModel().on("finance", q -> cut("OK"));

    Decision d = run(model, ModelRouting.defaults().toBuilder().agent("finance", unknownMaximum).build());

    assertThat(model.count("finance")).isEqualTo(1);
    assertThat(d.missingAgents()).singleElement().satisfies(m -> assertThat(m.error())
        .contains("cut at max_tokens (2048 output tokens, model test-model)")
        .contains("maximum output is unknown").contains("ModelProfile.withMaxTokens")
        .contains("ModelProfile.withMaxOutputTokens"));
  }

  @Test
  void run_whenTheLimitIsAlreadyTheModelsMaximum_failsAtOnce() {
    TestModel model = new TestModel().on("network", q -> cut("OK"));

    Decision d = run(model, ModelRouting.defaults().toBuilder()
        .agent("network", ModelProfiles.CLAUDE_HAIKU_4_5.withMaxTokens(ModelProfiles.CLAUDE_4_5_MAX_OUTPUT_TOKENS)).build());

    assertThat(model.count("network")).isEqualTo(1);
    assertThat(d.missingAgents()).singleElement().satisfies(m -> assertThat(m.error())
        .contains("cut at max_tokens (64000 output tokens").contains("the most this model can produce"));
  }

  @Test
  void run_whenACutReplyStillParses_takesIt() {
    TestModel model = new TestModel().on("maintenance", q -> cut("OK 0.9"));

    Decision d = OrchestratorTest.run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
    assertThat(model.callsOf("maintenance")).hasSize(2);   // one per phase
  }

  @Test
  void run_whenAMalformedReplyWasNotCut_reasksWithTheErrorAndTheSameLimit() {
    TestModel model = new TestModel().on("finance",
        q -> q.messages().size() == 1 ? TestModel.ok("gibberish") : TestModel.ok("OK 0.9"));

    OrchestratorTest.run(model);

    ModelRequest reask = model.callsOf("finance").get(1).request();
    assertThat(reask.messages()).hasSize(3);
    assertThat(reask.profile().maxTokens()).isEqualTo(4096);
  }
}
