package io.skymarshal.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.model.TokenUsage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link ModelClient} must show, whatever its backend. A backend's test
 * extends this class, creates its client and backend per test (JUnit's {@code @BeforeEach} /
 * {@code @AfterEach}), and implements the {@code script...} methods so the next call gets the
 * answer asked for. A backend that cannot produce some failure narrows
 * {@link #scriptableFailures()}; one that cannot hold a reply back returns false from
 * {@link #canHoldReply()}.
 *
 * <p>Each test is bounded by a 30 s timeout so a client that blocks fails instead of hanging.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class ModelClientContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The client under test, connected to the scripted backend. */
  protected abstract ModelClient client();

  /** The next call is answered with {@code text} and reports {@code usage}. */
  protected abstract void scriptText(String text, TokenUsage usage);

  /**
   * The next call, which asks for the reply format named {@code formatName}, is answered with the
   * JSON object {@code json} in that format.
   */
  protected abstract void scriptStructured(String formatName, String json, TokenUsage usage);

  /** The next call fails the way that gives a {@link ModelException} of {@code kind}. */
  protected abstract void scriptFailure(ModelException.Kind kind);

  /** The next call gets no answer until the test ends. Only called if {@link #canHoldReply()}. */
  protected void scriptNoReply() {
    throw new UnsupportedOperationException("scriptNoReply");
  }

  /**
   * Waits until the backend has received the call scripted with {@link #scriptNoReply()}, so the
   * test cancels a call in flight. By default returns at once.
   */
  protected void awaitHeldCall() {}

  /** Whether {@link #scriptNoReply()} is supported. */
  protected boolean canHoldReply() {
    return false;
  }

  /** The failure kinds {@link #scriptFailure} can produce; by default all but OTHER. */
  protected Set<ModelException.Kind> scriptableFailures() {
    return EnumSet.complementOf(EnumSet.of(ModelException.Kind.OTHER));
  }

  /** The model profile requests use. */
  protected ModelProfile profile() {
    return ModelProfiles.CLAUDE_HAIKU_4_5;
  }

  /** A plain request. */
  protected ModelRequest request(String userText, ReplyFormat format) {
    return new ModelRequest("contract_agent", Tier.BUSINESS, Phase.INITIAL, profile(),
        "You are a test agent.", false, List.of(Message.user(userText)), format);
  }

  @Test
  public void call_whenBackendAnswersText_completesWithTextUsageAndModelId() {
    TokenUsage usage = new TokenUsage(120, 30, 0, 0);
    scriptText("the answer", usage);

    ModelReply reply = client().call(request("question", null)).join();

    assertThat(reply.text()).isEqualTo("the answer");
    assertThat(reply.usage()).isEqualTo(usage);
    assertThat(reply.modelId()).isEqualTo(profile().modelId());
    assertThat(reply.stopReason()).isNotBlank();
  }

  @Test
  public void call_whenReplyFormatRequested_completesWithTheJsonObjectAsText() throws Exception {
    String json = "{\"action\":\"DELAY\",\"confidence\":0.82,\"constraints\":[],"
        + "\"reasoning\":\"crew rest\",\"figures\":{\"delayMinutes\":\"90\"}}";
    scriptStructured("recommendation", json, new TokenUsage(200, 40, 0, 0));
    ReplyFormat format = new ReplyFormat("recommendation",
        "{\"type\":\"object\",\"properties\":{\"action\":{\"type\":\"string\"}},\"required\":[\"action\"]}");

    ModelReply reply = client().call(request("recommend", format)).join();

    JsonNode got = JSON.readTree(reply.text());
    assertThat(got.isObject()).isTrue();
    assertThat(got).isEqualTo(JSON.readTree(json));
  }

  @Test
  public void call_whenBackendFails_completesWithModelExceptionOfThatKindUnwrapped() {
    for (ModelException.Kind kind : scriptableFailures()) {
      scriptFailure(kind);

      CompletableFuture<ModelReply> future = client().call(request("fail " + kind, null));
      Throwable direct = future.handle((r, e) -> e).join();

      assertThat(direct).as("failure of kind %s", kind).isInstanceOf(ModelException.class);
      ModelException me = (ModelException) direct;
      assertThat(me.kind()).isEqualTo(kind);
      assertThat(me.retryable()).isEqualTo(kind.isTransient());
      assertThat(me.modelId()).isEqualTo(profile().modelId());
      assertThat(me.getMessage()).contains(profile().modelId());
      assertThat(catchThrowable(future::join)).isInstanceOf(CompletionException.class)
          .cause().isSameAs(me);
    }
  }

  @Test
  public void call_whenManyCallsAtOnce_everyCallGetsExactlyOneScriptedReply() {
    int calls = 24;
    Set<String> scripted = new HashSet<>();
    for (int i = 0; i < calls; i++) {
      scriptText("reply-" + i, new TokenUsage(10 + i, 1, 0, 0));
      scripted.add("reply-" + i);
    }
    List<CompletableFuture<ModelReply>> futures = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      futures.add(client().call(request("q" + i, null)));
    }

    List<String> texts = futures.stream().map(CompletableFuture::join).map(ModelReply::text).toList();

    assertThat(texts).hasSize(calls).doesNotHaveDuplicates();
    assertThat(new HashSet<>(texts)).isEqualTo(scripted);
  }

  @Test
  public void call_whenReplyIsHeldBack_returnsAnOpenFutureThatCanBeCancelled() {
    assumeTrue(canHoldReply(), "backend cannot hold a reply back");
    scriptNoReply();

    CompletableFuture<ModelReply> held = client().call(request("never answered", null));
    awaitHeldCall();

    assertThat(held).isNotDone();
    assertThat(held.cancel(true)).isTrue();
    assertThat(held).isCancelled();

    scriptText("after cancel", new TokenUsage(5, 2, 0, 0));
    assertThat(client().call(request("next", null)).join().text()).isEqualTo("after cancel");
  }
}
