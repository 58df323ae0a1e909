package io.skymarshal.airline.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.agent.AgentInput;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.agent.SampleAirline;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.prompt.TokenCounter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class OfflineModelTest {
  private static final TokenCounter TOKENS = TokenCounter.cl100k();

  @SuppressWarnings("unchecked")
  private static ModelRequest request(PromptStyle style, String agentName, boolean cache) {
    AgentSpec<AgentInput> agent = (AgentSpec<AgentInput>) AirlineAgents.all(style).stream()
        .filter(a -> a.name().equals(agentName)).findFirst().orElseThrow();
    var d = SampleAirline.disruption();
    AgentInput in = agent.gather(d, AirlineData.inMemory(SampleAirline.dataset().build()));
    String prompt = agent.prompt(Phase.INITIAL, d, in, List.of()).text();
    return new ModelRequest(agent.name(), agent.tier(), Phase.INITIAL, ModelProfiles.CLAUDE_SONNET_4_5,
        agent.systemPrompt(), cache, List.of(Message.user(prompt)), agent.replyFormat());
  }

  @Test
  void call_completesAtOnceWithUsageCountedFromTheRequest() {
    ModelRequest req = request(PromptStyle.XML, "maintenance", false);

    var future = OfflineModel.create().call(req);

    assertThat(future).isCompleted();
    ModelReply reply = future.join();
    assertThat(reply.modelId()).isEqualTo(OfflineModel.MODEL_ID);
    assertThat(reply.stopReason()).isEqualTo("end_turn");
    long expectedInput = TOKENS.count(req.systemPrompt()) + TOKENS.count(req.lastUserText())
        + TOKENS.count(req.replyFormat().jsonSchema());
    assertThat(reply.usage().inputTokens()).isEqualTo(expectedInput);
    assertThat(reply.usage().outputTokens()).isEqualTo(TOKENS.count(reply.text()));
  }

  @Test
  void call_whenPrefixReachesTheCacheMinimum_writesOnceThenReads() {
    OfflineModel model = OfflineModel.create();
    ModelRequest sonnet = request(PromptStyle.XML, "finance", true);
    ModelProfile smallMinimum = new ModelProfile("test-model", "test", sonnet.profile().price(), 4096, 0.3, 100);
    ModelRequest req = new ModelRequest(sonnet.agent(), sonnet.tier(), sonnet.phase(), smallMinimum,
        sonnet.systemPrompt(), true, sonnet.messages(), sonnet.replyFormat());
    long prefix = TOKENS.count(req.systemPrompt()) + TOKENS.count(req.replyFormat().jsonSchema());

    ModelReply first = model.call(req).join();
    ModelReply second = model.call(req).join();

    assertThat(first.usage().cacheWriteTokens()).isEqualTo(prefix);
    assertThat(first.usage().cacheReadTokens()).isZero();
    assertThat(second.usage().cacheReadTokens()).isEqualTo(prefix);
    assertThat(second.usage().cacheWriteTokens()).isZero();
    assertThat(second.usage().totalInputTokens()).isEqualTo(first.usage().totalInputTokens());
  }

  @Test
  void call_whenPrefixBelowTheModelsCacheMinimum_cachesNothing() {
    OfflineModel model = OfflineModel.create();
    ModelRequest req = request(PromptStyle.XML, "finance", true);
    long prefix = TOKENS.count(req.systemPrompt()) + TOKENS.count(req.replyFormat().jsonSchema());
    assertThat(prefix).isLessThan(req.profile().minCacheTokens());

    model.call(req).join();
    ModelReply second = model.call(req).join();

    assertThat(second.usage().cacheReadTokens()).isZero();
    assertThat(second.usage().cacheWriteTokens()).isZero();
    assertThat(second.usage().inputTokens()).isEqualTo(prefix + TOKENS.count(req.lastUserText()));
  }

  @Test
  void call_isDeterministic() {
    ModelRequest req = request(PromptStyle.XML, "guest_experience", false);

    assertThat(OfflineModel.create().call(req).join().text()).isEqualTo(OfflineModel.create().call(req).join().text());
  }

  @Test
  void call_whenAgentUnknown_failsWithValidation() {
    ModelRequest known = request(PromptStyle.XML, "cargo", false);
    ModelRequest unknown = new ModelRequest("weather", Tier.BUSINESS, Phase.INITIAL, known.profile(),
        known.systemPrompt(), false, known.messages(), null);

    assertThatThrownBy(() -> OfflineModel.create().call(unknown).join()).isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(ModelException.class, e -> {
          assertThat(e.kind()).isEqualTo(ModelException.Kind.VALIDATION);
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("'weather'");
        });
  }

  @Test
  void call_whenPromptIsVerbose_failsSayingItReadsXml() {
    ModelRequest verbose = request(PromptStyle.VERBOSE, "cargo", false);

    assertThatThrownBy(() -> OfflineModel.create().call(verbose).join()).cause()
        .isInstanceOf(ModelException.class).hasMessageContaining("PromptStyle.XML");
  }

  @Test
  void call_whenReAsked_stillReadsTheOriginalPrompt() {
    ModelRequest req = request(PromptStyle.XML, "regulatory", false);
    ModelRequest reask = req.withMoreMessages(List.of(Message.assistant("{oops"), Message.user("not JSON; try again")));

    assertThat(OfflineModel.create().call(reask).join().text()).isEqualTo(OfflineModel.create().call(req).join().text());
  }

  @Test
  void builder_whenLatencyNegative_rejectsIt() {
    assertThatThrownBy(() -> OfflineModel.builder().latency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
  }

  /**
   * Regression: replies with a latency completed through the default async executor, which on a
   * 2-core JDK 17 (a common pool of one thread) starts a new thread per reply: 23,000 threads for
   * 1,000 runs of the load program. On machines with a larger common pool this passes either way.
   */
  @Test
  void call_withLatency_startsNoThreadPerReply() {
    OfflineModel model = OfflineModel.builder().latency(Duration.ofMillis(1)).build();
    ModelRequest req = request(PromptStyle.XML, "maintenance", false);
    model.call(req).join(); // the delay timer's thread starts once
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getTotalStartedThreadCount();
    for (int i = 0; i < 50; i++) {
      model.call(req).join();
    }
    assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(10);
  }
}
