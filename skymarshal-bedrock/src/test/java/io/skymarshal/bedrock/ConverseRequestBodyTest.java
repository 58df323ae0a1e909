package io.skymarshal.bedrock;

import static io.skymarshal.bedrock.TestClients.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelRouting;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.testkit.bedrock.FakeReply;
import io.skymarshal.testkit.bedrock.RecordedConverse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the client puts on the wire, read back from the fake's recording. */
class ConverseRequestBodyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ModelProfile SONNET = ModelProfiles.CLAUDE_SONNET_4_5;
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"action\":{\"type\":\"string\","
      + "\"enum\":[\"DELAY\",\"CANCEL\"]},\"confidence\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1}},"
      + "\"required\":[\"action\",\"confidence\"]}";

  @RegisterExtension
  static final FakeBedrockFixture bedrock = FakeBedrockFixture.create();

  @BeforeEach
  void scriptDefaultReply() {
    bedrock.server().rule(req -> FakeReply.text("ok"));
  }

  private RecordedConverse send(io.skymarshal.model.ModelRequest request) {
    bedrock.client().call(request).join();
    return bedrock.server().takeRequest();
  }

  @Test
  void call_sendsSystemPromptMessagesInOrderAndTheModelIdInThePath() {
    RecordedConverse sent = send(request(SONNET, "You check crew duty.", false, null,
        Message.user("flight EY123"), Message.assistant("need roster"), Message.user("roster: C1, C2")));

    assertThat(sent.modelId()).isEqualTo("global.anthropic.claude-sonnet-4-5-20250929-v1:0");
    assertThat(sent.rawPath()).isEqualTo("/model/global.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse");
    assertThat(sent.systemTexts()).containsExactly("You check crew duty.");
    assertThat(sent.messages()).containsExactly(Message.user("flight EY123"),
        Message.assistant("need roster"), Message.user("roster: C1, C2"));
    assertThat(sent.body().at("/messages/1/role").asText()).isEqualTo("assistant");
    assertThat(sent.forcedTool()).isEmpty();
    assertThat(sent.body().has("toolConfig")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"SAFETY, 0.3, 8192", "BUSINESS, 0.3, 4096", "ARBITRATOR, 0.2, 8192"})
  void call_sendsTheTierProfilesTemperatureAndMaxTokens(Tier tier, double temperature, int maxTokens) {
    ModelProfile profile = ModelRouting.defaults().profileFor("agent", tier);

    RecordedConverse sent = send(request(profile, "question"));

    assertThat(sent.maxTokens()).hasValue(maxTokens);
    assertThat(sent.temperature().orElseThrow()).isCloseTo(temperature, within(1e-6));
  }

  @Test
  void call_whenCacheAskedAndPromptCanReachTheMinimum_sendsDefaultCachePointAfterSystemText() {
    String longPrompt = "rule. ".repeat(400); // 2,400 characters >= Sonnet's 1,024 tokens minimum

    RecordedConverse sent = send(request(SONNET, longPrompt, true, null, Message.user("q")));

    JsonNode system = sent.body().get("system");
    assertThat(system).hasSize(2);
    assertThat(system.get(0).get("text").asText()).isEqualTo(longPrompt);
    assertThat(system.get(1).get("cachePoint").get("type").asText()).isEqualTo("default");
    assertThat(sent.systemCachePoint()).isTrue();
  }

  @Test
  void call_whenCacheNotAsked_sendsNoCachePoint() {
    RecordedConverse sent = send(request(SONNET, "rule. ".repeat(400), false, null, Message.user("q")));

    assertThat(sent.body().get("system")).hasSize(1);
    assertThat(sent.systemCachePoint()).isFalse();
  }

  @Test
  void call_whenPromptCannotReachTheMinimum_dropsTheCachePoint() {
    String shortPrompt = "x".repeat(1_000); // fewer characters than Sonnet's 1,024-token minimum

    assertThat(send(request(SONNET, shortPrompt, true, null, Message.user("q"))).systemCachePoint())
        .isFalse();
  }

  @Test
  void call_whenToolSchemaAndPromptTogetherCanReachTheMinimum_keepsTheCachePoint() {
    String shortPrompt = "x".repeat(600);
    String bigSchema = "{\"type\":\"object\",\"description\":\"" + "d".repeat(600) + "\"}";

    RecordedConverse sent = send(request(SONNET, shortPrompt, true, new ReplyFormat("f", bigSchema),
        Message.user("q")));

    assertThat(sent.systemCachePoint()).isTrue();
  }

  @Test
  void call_whenAMessageAsksForACachePointAndItsPrefixCanReachTheMinimum_sendsACachePointBlockAfterItsText() {
    String turn = "<phase1>" + "d".repeat(1_200) + "</phase1>";

    RecordedConverse sent = send(request(SONNET, "rules", true, null, Message.user(turn).withCachePoint(),
        Message.assistant("{\"action\":\"APPROVED\"}"), Message.user("<phase2/>")));

    JsonNode first = sent.body().at("/messages/0/content");
    assertThat(first).hasSize(2);
    assertThat(first.get(0).get("text").asText()).isEqualTo(turn);
    assertThat(first.get(1).get("cachePoint").get("type").asText()).isEqualTo("default");
    assertThat(sent.body().at("/messages/1/content")).hasSize(1);
    assertThat(sent.messages().get(0).cachePoint()).isTrue();
    assertThat(sent.messages().get(2).cachePoint()).isFalse();
  }

  @Test
  void call_whenAMessageCachePointsPrefixCannotReachTheMinimum_dropsIt() {
    RecordedConverse sent = send(request(SONNET, "rules", true, null, Message.user("short").withCachePoint()));

    assertThat(sent.body().at("/messages/0/content")).hasSize(1);
    assertThat(sent.messages().get(0).cachePoint()).isFalse();
  }

  @Test
  void call_whenProfileDoesNotCache_sendsNoCachePoint() {
    ModelProfile noCache = new ModelProfile("some.model-v1:0", "Some", SONNET.price(), 1000, 0.5, 0);

    assertThat(send(request(noCache, "x".repeat(10_000), true, null, Message.user("q"))).systemCachePoint())
        .isFalse();
  }

  @Test
  void call_whenSystemPromptBlank_sendsNoSystemField() {
    assertThat(send(request(SONNET, "  ", false, null, Message.user("q"))).body().has("system")).isFalse();
  }

  @Test
  void call_whenReplyFormatSet_forcesAToolWithTheFormatsSchema() throws Exception {
    ReplyFormat format = new ReplyFormat("recommendation", SCHEMA);

    RecordedConverse sent = send(request(SONNET, "sys", false, format, Message.user("q")));

    assertThat(sent.toolNames()).containsExactly("recommendation");
    assertThat(sent.forcedTool()).hasValue("recommendation");
    assertThat(sent.toolSchema("recommendation")).hasValue(JSON.readTree(SCHEMA));
    assertThat(sent.body().at("/toolConfig/tools/0/toolSpec/description").asText()).isNotBlank();
  }

  @Test
  void call_whenSchemaIsNotJsonOrNotAnObject_failsWithValidationAndSendsNothing() {
    Throwable notJson = bedrock.client().call(request(SONNET, "s", false,
        new ReplyFormat("f", "{type: object"), Message.user("q"))).handle((r, e) -> e).join();
    Throwable notObject = bedrock.client().call(request(SONNET, "s", false, new ReplyFormat("f", "[1]"),
        Message.user("q"))).handle((r, e) -> e).join();

    assertThat(notJson).isInstanceOf(ModelException.class).hasMessageContaining("not valid JSON")
        .hasMessageContaining("'f'");
    assertThat(((ModelException) notJson).kind()).isEqualTo(ModelException.Kind.VALIDATION);
    assertThat(notObject).isInstanceOf(ModelException.class).hasMessageContaining("JSON object");
    assertThat(bedrock.server().requestCount()).isZero();
  }

  @Test
  void call_signsWithTheConfiguredRegionAndCredentials() {
    RecordedConverse sent = send(request(SONNET, "q"));

    assertThat(sent.header("Authorization")).startsWith("AWS4-HMAC-SHA256")
        .contains("Credential=AKIDTEST/").contains("/eu-west-1/bedrock/aws4_request")
        .doesNotContain("test-secret-never-logged");
  }
}
