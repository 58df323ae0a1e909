package io.skymarshal.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.skymarshal.model.Message;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.FakeReply;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

/** Usage and conversations survive the trip through the real SDK and the fake unchanged. */
class ConverseUsageProperties {

  private static final ModelProfile SONNET = ModelProfiles.CLAUDE_SONNET_4_5;
  private static FakeBedrockServer server;
  private static ConverseModelClient client;

  @BeforeContainer
  static void start() {
    server = FakeBedrockServer.startHttps();
    client = TestClients.client(server);
  }

  @AfterContainer
  static void stop() {
    client.close();
    server.close();
  }

  @BeforeTry
  void reset() {
    server.reset();
  }

  @Property(tries = 40)
  void call_reportsBedrockUsageAsIsAndCostsIt(
      @ForAll @IntRange(max = 1_000_000) int input, @ForAll @IntRange(max = 100_000) int output,
      @ForAll @IntRange(max = 1_000_000) int read, @ForAll @IntRange(max = 1_000_000) int write) {
    server.enqueue(FakeReply.text("ok").withUsage(input, output).withCache(read, write));

    ModelReply reply = client.call(TestClients.request(SONNET, "q")).join();

    assertThat(reply.usage()).isEqualTo(new TokenUsage(input, output, read, write));
    double expected = (input * 3.00 + output * 15.00 + read * 0.30 + write * 3.75) / 1_000_000;
    assertThat(SONNET.costUsd(reply.usage())).isCloseTo(expected, within(1e-9));
    assertThat(reply.readFromCache()).isEqualTo(read > 0);
  }

  @Provide
  Arbitrary<List<Message>> conversations() {
    Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(80)
        .withCharRange(' ', '~').withChars('\n', '"', '\\', 'é', '✈', '\t');
    return text.list().ofMinSize(1).ofMaxSize(7).map(texts -> {
      // Converse wants user and assistant to alternate, starting and ending with the user
      List<Message> out = new ArrayList<>();
      int n = texts.size() % 2 == 0 ? texts.size() - 1 : texts.size();
      for (int i = 0; i < n; i++) {
        out.add(i % 2 == 0 ? Message.user(texts.get(i)) : Message.assistant(texts.get(i)));
      }
      return out;
    });
  }

  @Provide
  Arbitrary<String> systemPrompts() {
    return Combinators.combine(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200),
        Arbitraries.of("", "\n<rules>strict</rules>")).as((a, b) -> a + b);
  }

  @Property(tries = 40)
  void call_sendsEveryMessageAndTheSystemPromptExactly(
      @ForAll("conversations") List<Message> conversation, @ForAll("systemPrompts") String system) {
    server.rule(req -> FakeReply.text("ok"));

    client.call(TestClients.request(SONNET, system, false, null,
        conversation.toArray(Message[]::new))).join();

    var sent = server.takeRequest();
    assertThat(sent.messages()).isEqualTo(conversation);
    assertThat(sent.systemTexts()).isEqualTo(system.isBlank() ? List.of() : List.of(system));
  }
}
