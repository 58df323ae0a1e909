package io.skymarshal.testkit.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's prompt cache, driven over HTTP with a hand-moved clock. */
class PromptCacheSimulationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SONNET = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";
  private static final String HAIKU = "global.anthropic.claude-haiku-4-5-20251001-v1:0";
  /** 5,000 characters: 1,250 estimated tokens, above Sonnet's 1,024 and below Haiku's 4,096. */
  private static final String LONG_SYSTEM = "x".repeat(5_000);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-30T12:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeBedrockServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private FakeBedrockServer start(boolean caching) {
    server = FakeBedrockServer.builder().clock(clock).promptCaching(caching).start();
    server.rule(req -> FakeReply.text("ok"));
    return server;
  }

  private JsonNode usage(String model, String system, boolean cachePoint) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    var sys = body.putArray("system");
    sys.addObject().put("text", system);
    if (cachePoint) {
      sys.addObject().putObject("cachePoint").put("type", "default");
    }
    body.putArray("messages").addObject().put("role", "user").putArray("content").addObject()
        .put("text", "12345678");
    String path = "/model/" + model.replace(":", "%3A") + "/converse";
    HttpResponse<String> resp = http.send(HttpRequest.newBuilder(server.endpoint().resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(resp.body()).get("usage");
  }

  @Test
  void converse_whenSystemPromptWithCachePointSeenTwice_writesThenReads() throws Exception {
    start(true);

    JsonNode first = usage(SONNET, LONG_SYSTEM, true);
    JsonNode second = usage(SONNET, LONG_SYSTEM, true);

    assertThat(first.get("cacheWriteInputTokens").asInt()).isEqualTo(1250);
    assertThat(first.get("cacheReadInputTokens").asInt()).isZero();
    assertThat(first.get("inputTokens").asInt()).isEqualTo(2); // only the 8-char message is uncached
    assertThat(second.get("cacheReadInputTokens").asInt()).isEqualTo(1250);
    assertThat(second.get("cacheWriteInputTokens").asInt()).isZero();
    assertThat(second.get("totalTokens").asInt()).isEqualTo(2 + 1 + 1250);
  }

  private JsonNode conversation(String firstTurn, boolean continued) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("system").addObject().put("text", "rules");
    var messages = body.putArray("messages");
    var first = messages.addObject().put("role", "user").putArray("content");
    first.addObject().put("text", firstTurn);
    first.addObject().putObject("cachePoint").put("type", "default");
    if (continued) {
      messages.addObject().put("role", "assistant").putArray("content").addObject().put("text", "ok");
      messages.addObject().put("role", "user").putArray("content").addObject().put("text", "12345678");
    }
    String path = "/model/" + SONNET.replace(":", "%3A") + "/converse";
    HttpResponse<String> resp = http.send(HttpRequest.newBuilder(server.endpoint().resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(resp.body()).get("usage");
  }

  @Test
  void converse_whenAMessageEndsWithACachePoint_thePrefixThroughItIsWrittenThenReadByTheContinuedConversation()
      throws Exception {
    start(true);
    String turn = "p".repeat(4_995); // with the 5-character system prompt: 1,250 estimated tokens

    JsonNode phase1 = conversation(turn, false);
    JsonNode phase2 = conversation(turn, true);

    assertThat(phase1.get("cacheWriteInputTokens").asInt()).isEqualTo(1250);
    assertThat(phase1.get("cacheReadInputTokens").asInt()).isZero();
    assertThat(phase2.get("cacheReadInputTokens").asInt()).isEqualTo(1250);
    assertThat(phase2.get("cacheWriteInputTokens").asInt()).isZero();
  }

  @Test
  void converse_whenEntryUnusedLongerThanTtl_writesAgain() throws Exception {
    start(true);
    usage(SONNET, LONG_SYSTEM, true);

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));

    assertThat(usage(SONNET, LONG_SYSTEM, true).get("cacheWriteInputTokens").asInt()).isEqualTo(1250);
  }

  @Test
  void converse_whenEntryReadWithinTtl_renewsIt() throws Exception {
    start(true);
    usage(SONNET, LONG_SYSTEM, true);
    clock.advance(Duration.ofMinutes(4));
    usage(SONNET, LONG_SYSTEM, true);
    clock.advance(Duration.ofMinutes(4));

    assertThat(usage(SONNET, LONG_SYSTEM, true).get("cacheReadInputTokens").asInt()).isEqualTo(1250);
  }

  @Test
  void converse_whenPrefixBelowModelMinimum_cachesNothing() throws Exception {
    start(true);
    usage(HAIKU, LONG_SYSTEM, true);

    JsonNode again = usage(HAIKU, LONG_SYSTEM, true);

    assertThat(again.get("cacheReadInputTokens").asInt()).isZero();
    assertThat(again.get("cacheWriteInputTokens").asInt()).isZero();
    assertThat(again.get("inputTokens").asInt()).isEqualTo(1252);
  }

  @Test
  void converse_whenNoCachePointOrOtherPromptOrCachingOff_doesNotRead() throws Exception {
    start(true);
    usage(SONNET, LONG_SYSTEM, true);

    assertThat(usage(SONNET, LONG_SYSTEM, false).has("cacheReadInputTokens")).isFalse();
    assertThat(usage(SONNET, LONG_SYSTEM + "y", true).get("cacheWriteInputTokens").asInt()).isEqualTo(1251);
    server.close();

    start(false);
    usage(SONNET, LONG_SYSTEM, true);
    assertThat(usage(SONNET, LONG_SYSTEM, true).get("cacheReadInputTokens").asInt()).isZero();
  }

  @Test
  void converse_whenPromptTokensGiven_simulationSplitsThemIntoCachedAndUncached() throws Exception {
    start(true);
    server.rule(req -> FakeReply.text("ok").withPromptTokens(1_400, 9));

    JsonNode first = usage(SONNET, LONG_SYSTEM, true);
    JsonNode second = usage(SONNET, LONG_SYSTEM, true);

    assertThat(first.get("cacheWriteInputTokens").asInt()).isEqualTo(1250);
    assertThat(first.get("inputTokens").asInt()).isEqualTo(150);
    assertThat(second.get("cacheReadInputTokens").asInt()).isEqualTo(1250);
    assertThat(second.get("inputTokens").asInt()).isEqualTo(150);
    assertThat(second.get("outputTokens").asInt()).isEqualTo(9);
  }

  @Test
  void converse_whenCacheFieldsPinned_reportsThemInsteadOfTheSimulation() throws Exception {
    start(true);
    server.rule(null);
    server.enqueue(FakeReply.text("ok").withCache(7, 9).withUsage(3, 1));

    JsonNode u = usage(SONNET, LONG_SYSTEM, true);

    assertThat(u.get("cacheReadInputTokens").asInt()).isEqualTo(7);
    assertThat(u.get("cacheWriteInputTokens").asInt()).isEqualTo(9);
    assertThat(u.get("inputTokens").asInt()).isEqualTo(3);
  }
}
