package io.skymarshal.testkit.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.model.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fake's wire format, checked with a plain HTTP client. */
class FakeBedrockServerWireTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";
  private static final String MODEL_PATH = "/model/global.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse";
  private static final String BODY = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi there\"}]}],"
      + "\"system\":[{\"text\":\"be brief\"}],\"inferenceConfig\":{\"maxTokens\":512,\"temperature\":0.2}}";

  private final HttpClient http = HttpClient.newHttpClient();
  private FakeBedrockServer server;

  @BeforeEach
  void start() {
    server = FakeBedrockServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(server.endpoint().resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void converse_whenTextEnqueued_answersInConverseShapeAndRecordsTheRequest() throws Exception {
    server.enqueue(FakeReply.text("hello").withUsage(11, 2).withLatencyMs(321));

    HttpResponse<String> resp = post(MODEL_PATH, BODY);

    assertThat(resp.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(resp.body());
    assertThat(body.at("/output/message/role").asText()).isEqualTo("assistant");
    assertThat(body.at("/output/message/content/0/text").asText()).isEqualTo("hello");
    assertThat(body.at("/stopReason").asText()).isEqualTo("end_turn");
    assertThat(body.at("/usage/inputTokens").asInt()).isEqualTo(11);
    assertThat(body.at("/usage/outputTokens").asInt()).isEqualTo(2);
    assertThat(body.at("/usage/totalTokens").asInt()).isEqualTo(13);
    assertThat(body.at("/metrics/latencyMs").asLong()).isEqualTo(321);

    RecordedConverse req = server.takeRequest();
    assertThat(req.modelId()).isEqualTo(MODEL);
    assertThat(req.rawPath()).isEqualTo(MODEL_PATH);
    assertThat(req.systemTexts()).containsExactly("be brief");
    assertThat(req.systemCachePoint()).isFalse();
    assertThat(req.messages()).containsExactly(Message.user("hi there"));
    assertThat(req.maxTokens()).hasValue(512);
    assertThat(req.temperature()).hasValue(0.2);
    assertThat(req.forcedTool()).isEmpty();
  }

  @Test
  void converse_whenToolUseEnqueued_answersWithToolUseBlockAndToolUseStop() throws Exception {
    server.enqueue(FakeReply.toolUse("recommendation", "{\"action\":\"DELAY\",\"confidence\":0.8}")
        .withUsage(50, 20));

    JsonNode body = JSON.readTree(post(MODEL_PATH, BODY).body());

    JsonNode use = body.at("/output/message/content/0/toolUse");
    assertThat(use.get("name").asText()).isEqualTo("recommendation");
    assertThat(use.get("toolUseId").asText()).isNotBlank();
    assertThat(use.get("input")).isEqualTo(JSON.readTree("{\"action\":\"DELAY\",\"confidence\":0.8}"));
    assertThat(body.at("/stopReason").asText()).isEqualTo("tool_use");
  }

  @ParameterizedTest
  @EnumSource(BedrockFault.class)
  void converse_whenFaultEnqueued_answersStatusErrorTypeHeaderAndMessage(BedrockFault fault)
      throws Exception {
    server.enqueue(FakeReply.error(fault));

    HttpResponse<String> resp = post(MODEL_PATH, BODY);

    assertThat(resp.statusCode()).isEqualTo(fault.status());
    assertThat(resp.headers().firstValue("x-amzn-ErrorType"))
        .hasValue(fault.errorType() + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
    assertThat(fault.headerValue()).isEqualTo(resp.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    assertThat(JSON.readTree(resp.body()).get("message").asText()).isEqualTo(fault.defaultMessage());
  }

  @Test
  void converse_whenQueueEmpty_ruleAnswersAndQueueGoesFirst() throws Exception {
    server.rule(req -> FakeReply.text("rule saw: " + req.lastUserText()));
    server.enqueue(FakeReply.text("queued"));

    String first = JSON.readTree(post(MODEL_PATH, BODY).body()).at("/output/message/content/0/text").asText();
    String second = JSON.readTree(post(MODEL_PATH, BODY).body()).at("/output/message/content/0/text").asText();

    assertThat(first).isEqualTo("queued");
    assertThat(second).isEqualTo("rule saw: hi there");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void converse_whenNothingScripted_answers500NamingTheRequest() throws Exception {
    HttpResponse<String> resp = post(MODEL_PATH, BODY);

    assertThat(resp.statusCode()).isEqualTo(500);
    assertThat(resp.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("InternalServerException:http://internal.amazon.com/coral/com.amazon.bedrock/");
    assertThat(resp.body()).contains("no reply enqueued");
  }

  @Test
  void converse_whenRuleThrows_answers500NamingTheFailure() throws Exception {
    server.rule(req -> {
      throw new IllegalStateException("rule broke");
    });

    HttpResponse<String> resp = post(MODEL_PATH, BODY);

    assertThat(resp.statusCode()).isEqualTo(500);
    assertThat(resp.body()).contains("rule broke");
  }

  @Test
  void request_whenPathIsNotConverse_answers404AndStillRecords() throws Exception {
    HttpResponse<String> resp = post("/model/x/invoke", BODY);

    assertThat(resp.statusCode()).isEqualTo(404);
    assertThat(resp.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("UnknownOperationException:http://internal.amazon.com/coral/com.amazon.coral.service/");
    assertThat(server.takeRequest().modelId()).isNull();
  }

  @Test
  void converse_whenBodyIsNotJsonOrHasNoMessages_answers400Validation() throws Exception {
    HttpResponse<String> notJson = post(MODEL_PATH, "not json");
    HttpResponse<String> noMessages = post(MODEL_PATH, "{\"messages\":[]}");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/");
    assertThat(noMessages.statusCode()).isEqualTo(400);
    assertThat(noMessages.body()).contains("must start with a user message");
  }

  @Test
  void converse_whenUsageNotSet_estimatesFourCharactersAToken() throws Exception {
    server.enqueue(FakeReply.text("12345678"));

    JsonNode usage = JSON.readTree(post(MODEL_PATH, BODY).body()).get("usage");

    // "be brief" (8) + "hi there" (8) = 16 chars -> 4 tokens; reply 8 chars -> 2 tokens
    assertThat(usage.get("inputTokens").asInt()).isEqualTo(4);
    assertThat(usage.get("outputTokens").asInt()).isEqualTo(2);
    assertThat(usage.has("cacheReadInputTokens")).isFalse();
  }

  @Test
  void converse_whenNoReply_holdsTheRequestUntilTheClientGivesUp() {
    server.enqueue(FakeReply.noReply());

    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(server.endpoint().resolve(MODEL_PATH))
        .timeout(Duration.ofMillis(300)).POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
    assertThat(server.takeRequest().modelId()).isEqualTo(MODEL);
  }

  @Test
  void close_whenRequestHeld_releasesIt() throws Exception {
    server.enqueue(FakeReply.noReply());
    CompletableFuture<HttpResponse<String>> pending = http.sendAsync(
        HttpRequest.newBuilder(server.endpoint().resolve(MODEL_PATH))
            .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
    server.takeRequest();

    server.close();

    // the held exchange is dropped: the client sees the connection end, not a reply
    assertThat(pending.handle((r, e) -> e)).succeedsWithin(Duration.ofSeconds(10))
        .isNotNull();
  }

  @Test
  void converse_whenDelayed_stillAnswersAndReportsTheDelayAsLatency() throws Exception {
    server.enqueue(FakeReply.text("slow").withDelay(Duration.ofMillis(50)));

    JsonNode body = JSON.readTree(post(MODEL_PATH, BODY).body());

    assertThat(body.at("/output/message/content/0/text").asText()).isEqualTo("slow");
    assertThat(body.at("/metrics/latencyMs").asLong()).isEqualTo(50);
  }

  @Test
  void reset_forgetsRepliesRuleRecordingsAndCount() throws Exception {
    server.enqueue(FakeReply.text("stale"));
    server.rule(req -> FakeReply.text("stale rule"));
    post(MODEL_PATH, BODY);
    server.enqueue(FakeReply.text("stale too"));

    server.reset();

    assertThat(server.requestCount()).isZero();
    assertThat(server.pendingReplies()).isZero();
    assertThatThrownBy(() -> server.takeRequest(Duration.ofMillis(1))).isInstanceOf(IllegalStateException.class);
    assertThat(post(MODEL_PATH, BODY).statusCode()).as("no rule left").isEqualTo(500);
  }

  @Test
  void takeRequest_whenNothingArrives_failsNamingTheWait() {
    assertThatThrownBy(() -> server.takeRequest(Duration.ofMillis(20)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no request arrived");
  }

  @Test
  void endpoint_isLoopbackHttp() {
    URI e = server.endpoint();
    assertThat(e.getScheme()).isEqualTo("http");
    assertThat(e.getHost()).isEqualTo("127.0.0.1");
    assertThat(e.getPort()).isEqualTo(server.port());
  }
}
