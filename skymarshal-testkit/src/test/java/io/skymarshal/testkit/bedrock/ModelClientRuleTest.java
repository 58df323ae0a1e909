package io.skymarshal.testkit.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.TokenUsage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A ModelClient answering through the fake: request mapping there, reply mapping back. */
class ModelClientRuleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/model/global.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse";

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicReference<ModelRequest> seen = new AtomicReference<>();
  private FakeBedrockServer server;

  @BeforeEach
  void start() {
    server = FakeBedrockServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode post(String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.endpoint().resolve(PATH))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode node = JSON.readTree(r.body());
    ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("status", r.statusCode());
    return node;
  }

  @Test
  void reply_whenToolForced_asksTheClientAsThatAgentAndAnswersWithAToolCall() throws Exception {
    server.rule(ModelClientRule.of(req -> {
      seen.set(req);
      return CompletableFuture.completedFuture(new ModelReply("{\"action\":\"APPROVED\",\"confidence\":0.9}",
          new TokenUsage(100, 20, 5, 0), req.modelId(), "tool_use"));
    }));
    String body = "{\"system\":[{\"text\":\"You check crew.\"},{\"cachePoint\":{\"type\":\"default\"}}],"
        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"flight EY1\"}]}],"
        + "\"inferenceConfig\":{\"maxTokens\":8192,\"temperature\":0.3},"
        + "\"toolConfig\":{\"tools\":[{\"toolSpec\":{\"name\":\"crew_compliance_reply\",\"inputSchema\":"
        + "{\"json\":{\"type\":\"object\"}}}}],\"toolChoice\":{\"tool\":{\"name\":\"crew_compliance_reply\"}}}}";

    JsonNode resp = post(body);

    ModelRequest req = seen.get();
    assertThat(req.agent()).isEqualTo("crew_compliance");
    assertThat(req.tier()).isEqualTo(Tier.SAFETY);
    assertThat(req.systemPrompt()).isEqualTo("You check crew.");
    assertThat(req.cacheSystemPrompt()).isTrue();
    assertThat(req.messages()).containsExactly(Message.user("flight EY1"));
    assertThat(req.profile().maxTokens()).isEqualTo(8192);
    assertThat(req.replyFormat().name()).isEqualTo("crew_compliance_reply");
    assertThat(resp.at("/output/message/content/0/toolUse/name").asText()).isEqualTo("crew_compliance_reply");
    assertThat(resp.at("/output/message/content/0/toolUse/input/action").asText()).isEqualTo("APPROVED");
    // 105 prompt tokens in all; "You check crew." is far below Haiku's caching minimum, so all uncached
    assertThat(resp.at("/usage/inputTokens").asInt()).isEqualTo(105);
    assertThat(resp.at("/usage/outputTokens").asInt()).isEqualTo(20);
    assertThat(resp.at("/usage/cacheReadInputTokens").asInt()).isZero();
  }

  @Test
  void reply_whenArbitratorToolOrNoTool_namesTheCallerAccordingly() {
    assertThat(ModelClientRule.agentOf("arbitrator_ruling")).isEqualTo("arbitrator");
    assertThat(ModelClientRule.agentOf("finance_reply")).isEqualTo("finance");
    assertThat(ModelClientRule.agentOf("custom")).isEqualTo("custom");
  }

  @Test
  void reply_whenClientFailsWithModelException_answersTheMatchingBedrockError() throws Exception {
    server.rule(ModelClientRule.of(req -> CompletableFuture.failedFuture(
        new ModelException(ModelException.Kind.THROTTLED, req.modelId(), "busy"))));

    JsonNode resp = post("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"q\"}]}]}");

    assertThat(resp.get("status").asInt()).isEqualTo(429);
    assertThat(resp.get("message").asText()).isEqualTo("busy");
  }

  @Test
  void reply_whenClientNeverAnswers_answersModelTimeout() throws Exception {
    server.rule(ModelClientRule.of(req -> new CompletableFuture<>(), Duration.ofMillis(50)));

    JsonNode resp = post("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"q\"}]}]}");

    assertThat(resp.get("status").asInt()).isEqualTo(408);
  }

  @Test
  void reply_whenNoToolForced_answersText() throws Exception {
    server.rule(ModelClientRule.of(req -> CompletableFuture.completedFuture(
        new ModelReply("plain " + req.lastUserText(), TokenUsage.of(3, 2), req.modelId(), "end_turn"))));

    JsonNode resp = post("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"q\"}]}]}");

    assertThat(resp.at("/output/message/content/0/text").asText()).isEqualTo("plain q");
    assertThat(resp.at("/stopReason").asText()).isEqualTo("end_turn");
  }
}
