package io.skymarshal.bedrock;

import static io.skymarshal.bedrock.TestClients.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.testkit.bedrock.FakeReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the client reads Converse replies: text, the forced tool, stop reason, usage, cost, caching. */
class ConverseReplyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ModelProfile SONNET = ModelProfiles.CLAUDE_SONNET_4_5;
  private static final ReplyFormat FORMAT = new ReplyFormat("ruling", "{\"type\":\"object\"}");

  @RegisterExtension
  static final FakeBedrockFixture bedrock = FakeBedrockFixture.create();

  @Test
  void call_whenTextBlocks_joinsThemAndKeepsStopReasonAndModelId() {
    bedrock.server().enqueue(FakeReply.text("first ").withText("second"));

    ModelReply reply = bedrock.client().call(request(SONNET, "q")).join();

    assertThat(reply.text()).isEqualTo("first second");
    assertThat(reply.stopReason()).isEqualTo("end_turn");
    assertThat(reply.modelId()).isEqualTo(SONNET.modelId());
  }

  @Test
  void call_whenFormatAndModelCallsTheTool_replyTextIsTheToolInputJson() throws Exception {
    String ruling = "{\"action\":\"DELAY\",\"operates\":true,\"confidence\":0.8,\"crewReplaced\":[\"C123\"]}";
    bedrock.server().enqueue(FakeReply.text("Let me decide.").withToolUse("ruling", ruling));

    ModelReply reply = bedrock.client().call(request(SONNET, "s", false, FORMAT, Message.user("q"))).join();

    assertThat(JSON.readTree(reply.text())).isEqualTo(JSON.readTree(ruling));
    assertThat(reply.stopReason()).isEqualTo("tool_use");
  }

  @Test
  void call_whenFormatButModelOnlyWroteText_replyIsThatTextForTheEnginesReAsk() {
    bedrock.server().enqueue(FakeReply.text("{\"action\":\"DEL").withStopReason("max_tokens"));

    ModelReply reply = bedrock.client().call(request(SONNET, "s", false, FORMAT, Message.user("q"))).join();

    assertThat(reply.text()).isEqualTo("{\"action\":\"DEL");
    assertThat(reply.stopReason()).isEqualTo("max_tokens");
  }

  @Test
  void call_whenToolOfAnotherNameCalled_ignoresItsInput() {
    bedrock.server().enqueue(FakeReply.toolUse("other_tool", "{\"x\":1}").withText("plain"));

    assertThat(bedrock.client().call(request(SONNET, "s", false, FORMAT, Message.user("q"))).join().text())
        .isEqualTo("plain");
  }

  @Test
  void call_mapsUsageOneToOneAndCostsItAtTheProfilesPrices() {
    bedrock.server().enqueue(FakeReply.text("ok").withUsage(1_000, 500).withCache(2_000, 300));

    ModelReply reply = bedrock.client().call(request(SONNET, "q")).join();

    assertThat(reply.usage()).isEqualTo(new TokenUsage(1_000, 500, 2_000, 300));
    assertThat(reply.usage().totalInputTokens()).isEqualTo(3_300);
    // $3 x 1,000 + $15 x 500 + $0.30 x 2,000 + $3.75 x 300, per million
    assertThat(SONNET.costUsd(reply.usage())).isCloseTo(0.012225, within(1e-9));
    assertThat(reply.readFromCache()).isTrue();
  }

  @Test
  void call_whenSameLongSystemPromptTwice_firstWritesTheCacheSecondReadsIt() {
    bedrock.server().rule(req -> FakeReply.text("ok").withUsage(40, 10));
    String systemPrompt = "Crew duty rules: ".repeat(360); // 6,120 chars, about 1,530 tokens
    ModelRequest request = request(SONNET, systemPrompt, true, null, Message.user("flight EY1"));

    ModelReply first = bedrock.client().call(request).join();
    ModelReply second = bedrock.client().call(request).join();

    assertThat(first.readFromCache()).isFalse();
    assertThat(first.usage().cacheWriteTokens()).isEqualTo(1_530);
    assertThat(second.readFromCache()).isTrue();
    assertThat(second.usage().cacheReadTokens()).isEqualTo(1_530);
    assertThat(SONNET.costUsd(second.usage())).isLessThan(SONNET.costUsd(first.usage()));
  }

  @Test
  void call_whenPromptBelowHaikusMinimum_cachePointIsSentButNothingIsCached() {
    bedrock.server().rule(req -> FakeReply.text("ok"));
    String systemPrompt = "Network rules: ".repeat(400); // 6,000 chars, about 1,500 tokens < 4,096
    ModelRequest request = request(ModelProfiles.CLAUDE_HAIKU_4_5, systemPrompt, true, null,
        Message.user("q"));

    bedrock.client().call(request).join();
    ModelReply second = bedrock.client().call(request).join();

    assertThat(bedrock.server().takeRequest().systemCachePoint()).isTrue();
    assertThat(second.readFromCache()).isFalse();
    assertThat(second.usage().cacheWriteTokens()).isZero();
  }
}
