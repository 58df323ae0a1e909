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
 * <p>A client whose answers are not scripted but computed from the request (the offline model,
 * which answers from the XML prompt it is sent) overrides the exchange hooks instead:
 * {@link #textExchange}, {@link #structuredExchange}, {@link #failingRequest} and
 * {@link #heldRequest} return a request it can answer (or must fail, or holds back) and the
 * reply it must give; its {@code script...} methods are then never called. A client that names
 * itself in replies and errors, rather than the requested model, says so with
 * {@link #answeringModelId()}. The assertions are the same for every client.
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
   * Waits until the backend has received the call {@link #heldRequest()} readied, so the test
   * cancels a call in flight. By default returns at once.
   */
  protected void awaitHeldCall() {}

  /** Whether {@link #heldRequest()} (by default {@link #scriptNoReply()}) is supported. */
  protected boolean canHoldReply() {
    return false;
  }

  /** The failure kinds {@link #failingRequest} (by default {@link #scriptFailure}) can produce; by default all but OTHER. */
  protected Set<ModelException.Kind> scriptableFailures() {
    return EnumSet.complementOf(EnumSet.of(ModelException.Kind.OTHER));
  }

  /**
   * A call the backend is ready for: the request to send and the reply text and usage the
   * client must complete it with.
   */
  protected record Exchange(ModelRequest request, String text, TokenUsage usage) {}

  /**
   * Readies the backend to answer one call with {@code text} and {@code usage}, and returns that
   * call. By default scripts them with {@link #scriptText} and sends {@code request(userText, null)}.
   * A client that computes its answers overrides this to return a request it answers and the text
   * and usage it must answer with (ignoring {@code text} and {@code usage}); successive calls
   * should give different replies where it can, so that replies mixed up between concurrent calls
   * show.
   */
  protected Exchange textExchange(String userText, String text, TokenUsage usage) {
    scriptText(text, usage);
    return new Exchange(request(userText, null), text, usage);
  }

  /**
   * Readies the backend to answer one call that asks for {@code format} with the JSON object
   * {@code json}, and returns that call. By default scripts it with {@link #scriptStructured} and
   * sends {@code request(userText, format)}. A client that computes its answers overrides this to
   * return a request with a reply format of its own and the JSON object it must answer with.
   */
  protected Exchange structuredExchange(String userText, ReplyFormat format, String json, TokenUsage usage) {
    scriptStructured(format.name(), json, usage);
    return new Exchange(request(userText, format), json, usage);
  }

  /**
   * Readies the backend to fail one call with a {@link ModelException} of {@code kind}, one of
   * {@link #scriptableFailures()}, and returns that call. By default scripts it with
   * {@link #scriptFailure} and sends {@code request("fail " + kind, null)}. A client that
   * computes its answers overrides this to return a request it must reject that way.
   */
  protected ModelRequest failingRequest(ModelException.Kind kind) {
    scriptFailure(kind);
    return request("fail " + kind, null);
  }

  /**
   * Readies the backend to hold back its answer to one call, and returns that call; only called
   * if {@link #canHoldReply()}. By default scripts it with {@link #scriptNoReply} and sends
   * {@code request("never answered", null)}. A client that computes its answers overrides this to
   * return a request whose answer it holds back.
   */
  protected ModelRequest heldRequest() {
    scriptNoReply();
    return request("never answered", null);
  }

  /**
   * The model id the client reports in replies and errors. By default the requested model's
   * ({@code profile().modelId()}); a client that answers as itself whatever model is requested
   * (a scripted or offline model) returns its own id.
   */
  protected String answeringModelId() {
    return profile().modelId();
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
    Exchange call = textExchange("question", "the answer", new TokenUsage(120, 30, 0, 0));

    ModelReply reply = client().call(call.request()).join();

    assertThat(reply.text()).isEqualTo(call.text());
    assertThat(reply.usage()).isEqualTo(call.usage());
    assertThat(reply.modelId()).isEqualTo(answeringModelId());
    assertThat(reply.stopReason()).isNotBlank();
  }

  @Test
  public void call_whenReplyFormatRequested_completesWithTheJsonObjectAsText() throws Exception {
    String json = "{\"action\":\"DELAY\",\"confidence\":0.82,\"constraints\":[],"
        + "\"reasoning\":\"crew rest\",\"figures\":{\"delayMinutes\":\"90\"}}";
    ReplyFormat format = new ReplyFormat("recommendation",
        "{\"type\":\"object\",\"properties\":{\"action\":{\"type\":\"string\"}},\"required\":[\"action\"]}");
    Exchange call = structuredExchange("recommend", format, json, new TokenUsage(200, 40, 0, 0));
    assertThat(call.request().replyFormat()).as("the exchange's request asks for a reply format").isNotNull();

    ModelReply reply = client().call(call.request()).join();

    JsonNode got = JSON.readTree(reply.text());
    assertThat(got.isObject()).isTrue();
    assertThat(got).isEqualTo(JSON.readTree(call.text()));
  }

  @Test
  public void call_whenBackendFails_completesWithModelExceptionOfThatKindUnwrapped() {
    for (ModelException.Kind kind : scriptableFailures()) {
      ModelRequest failing = failingRequest(kind);

      CompletableFuture<ModelReply> future = client().call(failing);
      Throwable direct = future.handle((r, e) -> e).join();

      assertThat(direct).as("failure of kind %s", kind).isInstanceOf(ModelException.class);
      ModelException me = (ModelException) direct;
      assertThat(me.kind()).isEqualTo(kind);
      assertThat(me.retryable()).isEqualTo(kind.isTransient());
      assertThat(me.modelId()).isEqualTo(answeringModelId());
      assertThat(me.getMessage()).contains(answeringModelId());
      assertThat(catchThrowable(future::join)).isInstanceOf(CompletionException.class)
          .cause().isSameAs(me);
    }
  }

  @Test
  public void call_whenManyCallsAtOnce_everyCallGetsExactlyOneScriptedReply() {
    int calls = 24;
    List<Exchange> exchanges = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      exchanges.add(textExchange("q" + i, "reply-" + i, new TokenUsage(10 + i, 1, 0, 0)));
    }
    List<CompletableFuture<ModelReply>> futures = new ArrayList<>();
    for (Exchange e : exchanges) {
      futures.add(client().call(e.request()));
    }

    List<String> texts = futures.stream().map(CompletableFuture::join).map(ModelReply::text).toList();

    // every expected reply exactly as often as expected: with distinct replies, each exactly once
    assertThat(texts).containsExactlyInAnyOrderElementsOf(exchanges.stream().map(Exchange::text).toList());
  }

  @Test
  public void call_whenReplyIsHeldBack_returnsAnOpenFutureThatCanBeCancelled() {
    assumeTrue(canHoldReply(), "backend cannot hold a reply back");
    ModelRequest request = heldRequest();

    CompletableFuture<ModelReply> held = client().call(request);
    awaitHeldCall();

    assertThat(held).isNotDone();
    assertThat(held.cancel(true)).isTrue();
    assertThat(held).isCancelled();

    Exchange next = textExchange("next", "after cancel", new TokenUsage(5, 2, 0, 0));
    assertThat(client().call(next.request()).join().text()).isEqualTo(next.text());
  }
}
