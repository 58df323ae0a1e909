package io.skymarshal.testkit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.FakeReply;
import io.skymarshal.testkit.faults.BedrockFaultRule.Injected;
import io.skymarshal.testkit.faults.BedrockFaultRule.Malformed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/** The rule behind the fake Bedrock, driven by the real SDK client over HTTPS. */
class BedrockFaultRuleTest {
  private static final String MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

  @Test
  void transientFaults_arePerPromptAndAttempt_soTheOrderOfRequestsDoesNotChangeThem() {
    List<String> prompts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      prompts.add("prompt " + i);
    }
    Map<String, List<String>> forward = outcomes(prompts);
    List<String> reversed = new ArrayList<>(prompts);
    Collections.reverse(reversed);
    Map<String, List<String>> backward = outcomes(reversed);

    assertThat(backward).isEqualTo(forward);
    assertThat(forward.values()).anySatisfy(o -> assertThat(o.size()).isGreaterThan(1));
    assertThat(forward.values()).anySatisfy(o -> assertThat(o).hasSize(1));
  }

  @Test
  void storm_throttlesTheFirstRequests_thenRecovers() {
    BedrockFaultRule rule = BedrockFaultRule.builder(r -> FakeReply.text("fine")).storm(2).build();
    try (FakeBedrockServer server = FakeBedrockServer.startHttps();
        BedrockRuntimeAsyncClient client = server.newAsyncClient()) {
      server.rule(rule);
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> client.converse(request("hello")).join()).cause()
            .isInstanceOf(ThrottlingException.class);
      }
      assertThat(text(client, "hello")).isEqualTo("fine");
    }
    assertThat(rule.injected(Injected.STORM)).isEqualTo(2);
    assertThat(rule.requests()).isEqualTo(3);
  }

  @Test
  void malformedOnce_spoilsTheFirstReplyOfAConversationOnly() {
    BedrockFaultRule rule = BedrockFaultRule.builder(r -> FakeReply.text("fine"))
        .malformed(Malformed.ONCE, BedrockFaultRule.Builder.ALL).build();
    try (FakeBedrockServer server = FakeBedrockServer.startHttps();
        BedrockRuntimeAsyncClient client = server.newAsyncClient()) {
      server.rule(rule);
      assertThat(text(client, "one")).isNotEqualTo("fine");
      assertThat(text(client, "one")).isEqualTo("fine");
      assertThat(text(client, "two")).isNotEqualTo("fine");
    }
    assertThat(rule.injected(Injected.MALFORMED)).isEqualTo(2);
  }

  @Test
  void agentOf_readsTheAgentFromTheForcedTool() {
    assertThat(BedrockFaultRule.agentOf("crew_compliance_reply")).isEqualTo("crew_compliance");
    assertThat(BedrockFaultRule.agentOf("arbitrator_ruling")).isEqualTo("arbitrator");
  }

  /** Each prompt sent until answered (at most 10 times), with the outcome of each try. */
  private static Map<String, List<String>> outcomes(List<String> prompts) {
    BedrockFaultRule rule = BedrockFaultRule.builder(r -> FakeReply.text("fine")).seed(5).transientRate(0.5).build();
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (FakeBedrockServer server = FakeBedrockServer.startHttps();
        BedrockRuntimeAsyncClient client = server.newAsyncClient()) {
      server.rule(rule);
      for (String p : prompts) {
        List<String> tries = new ArrayList<>();
        int transportFailures = 0;
        for (int i = 0; i < 10 && (tries.isEmpty() || !tries.get(tries.size() - 1).equals("ok")); i++) {
          try {
            client.converse(request(p)).join();
            tries.add("ok");
          } catch (CompletionException e) {
            if (e.getCause() instanceof AwsServiceException s) {
              tries.add(s.awsErrorDetails().errorCode());
            } else if (++transportFailures <= 3) {
              // a request that failed on the client side, not an answer of the rule (seen once on
              // JDK 25; cause not found, likely a pooled connection the server had closed). This
              // client does not retry: send it again. Had the rule seen it, the two orders would
              // differ and the assertion below would say so.
              i--;
            } else {
              throw new AssertionError("prompt '" + p + "' failed on the client three times", e.getCause());
            }
          }
        }
        out.put(p, tries);
      }
    }
    return new java.util.TreeMap<>(out);
  }

  private static String text(BedrockRuntimeAsyncClient client, String prompt) {
    return client.converse(request(prompt)).join().output().message().content().get(0).text();
  }

  private static ConverseRequest request(String text) {
    return ConverseRequest.builder().modelId(MODEL)
        .messages(m -> m.role(ConversationRole.USER).content(ContentBlock.fromText(text)))
        .build();
  }
}
