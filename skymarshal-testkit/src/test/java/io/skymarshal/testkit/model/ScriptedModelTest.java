package io.skymarshal.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.prompt.PromptXml;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ScriptedModelTest {

  static ModelRequest request(String agent, Phase phase) {
    return new ModelRequest(agent, Tier.BUSINESS, phase, ModelProfiles.CLAUDE_HAIKU_4_5, "<role/>", false,
        List.of(Message.user(PromptXml.render(XmlElement.text("p", agent)))), null);
  }

  @Test
  void call_answersTheScriptInOrder_thenFailsLoudlyWhenEmpty() {
    ScriptedModel model = new ScriptedModel()
        .enqueue("cargo", ScriptedModel.Step.reply("first"))
        .enqueue("cargo", ScriptedModel.Step.reply("second").withUsage(TokenUsage.of(7, 3)));

    assertThat(model.call(request("cargo", Phase.INITIAL)).join().text()).isEqualTo("first");
    ModelReply second = model.call(request("cargo", Phase.INITIAL)).join();
    assertThat(second.text()).isEqualTo("second");
    assertThat(second.usage()).isEqualTo(TokenUsage.of(7, 3));
    assertThatThrownBy(() -> model.call(request("cargo", Phase.REVISION)).join())
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(ModelException.class)
        .hasMessageContaining("no scripted step for agent cargo in phase2_revision");
  }

  @Test
  void call_prefersThePhaseScript() {
    ScriptedModel model = new ScriptedModel()
        .enqueue("network", ScriptedModel.Step.reply("any phase"))
        .enqueue("network", Phase.REVISION, ScriptedModel.Step.reply("revision"));

    assertThat(model.call(request("network", Phase.REVISION)).join().text()).isEqualTo("revision");
    assertThat(model.call(request("network", Phase.REVISION)).join().text()).isEqualTo("any phase");
  }

  @Test
  void call_failsWithTheScriptedKind() {
    ScriptedModel model = new ScriptedModel().enqueue("finance", ScriptedModel.Step.fail(ModelException.Kind.THROTTLED));

    CompletableFuture<ModelReply> f = model.call(request("finance", Phase.INITIAL));

    assertThat(f).isCompletedExceptionally();
    assertThatThrownBy(f::join).cause().isInstanceOfSatisfying(ModelException.class, e -> {
      assertThat(e.kind()).isEqualTo(ModelException.Kind.THROTTLED);
      assertThat(e.retryable()).isTrue();
    });
  }

  /**
   * Regression (found by the ModelClient contract): scripted and unscripted failures did not name
   * the model id in their message, as every {@link ModelException} must.
   */
  @Test
  void call_whenItFails_theMessageNamesTheModelId() {
    ScriptedModel model = new ScriptedModel().enqueue("finance", ScriptedModel.Step.fail(ModelException.Kind.SERVER_ERROR));

    for (String agent : List.of("finance", "cargo")) {
      assertThatThrownBy(() -> model.call(request(agent, Phase.INITIAL)).join()).as(agent).cause()
          .isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.modelId()).isEqualTo(ScriptedModel.MODEL_ID);
            assertThat(e.getMessage()).contains(ScriptedModel.MODEL_ID);
          });
    }
  }

  @Test
  void call_delayedStepCompletesLater_neverStepNeverCompletes() {
    ScriptedModel model = new ScriptedModel()
        .enqueue("cargo", ScriptedModel.Step.reply("late").after(Duration.ofMillis(20)))
        .enqueue("finance", ScriptedModel.Step.never());

    CompletableFuture<ModelReply> late = model.call(request("cargo", Phase.INITIAL));
    CompletableFuture<ModelReply> never = model.call(request("finance", Phase.INITIAL));

    assertThat(late.join().text()).isEqualTo("late");
    assertThat(never).isNotDone();
  }

  @Test
  void takeRequest_returnsWhatWasSent_inOrder() throws InterruptedException {
    ScriptedModel model = new ScriptedModel().otherwise(r -> ScriptedModel.Step.reply("ok"));
    model.call(request("cargo", Phase.INITIAL));
    model.call(request("finance", Phase.REVISION));

    assertThat(model.pendingRequests()).isEqualTo(2);
    assertThat(model.takeRequest().agent()).isEqualTo("cargo");
    ModelRequest second = model.takeRequest();
    assertThat(second.agent()).isEqualTo("finance");
    assertThat(second.phase()).isEqualTo(Phase.REVISION);
  }
}
