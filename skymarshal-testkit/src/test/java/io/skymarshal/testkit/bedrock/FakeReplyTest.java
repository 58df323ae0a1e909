package io.skymarshal.testkit.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeReplyTest {

  @Test
  void toolUse_whenInputIsNotAnObject_failsNamingTheInput() {
    assertThatThrownBy(() -> FakeReply.toolUse("t", "[1,2]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> FakeReply.toolUse("t", "{oops"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void withUsage_whenErrorReply_failsBecauseErrorsHaveNoUsage() {
    assertThatThrownBy(() -> FakeReply.error(BedrockFault.THROTTLING).withUsage(1, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("usage");
  }

  @Test
  void withUsage_whenNegative_failsNamingTheField() {
    assertThatThrownBy(() -> FakeReply.text("x").withUsage(-1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input");
  }

  @Test
  void withDelay_whenNegative_fails() {
    assertThatThrownBy(() -> FakeReply.text("x").withDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stopReason_isToolUseWithAToolBlockEndTurnOtherwiseOrAsSet() {
    assertThat(FakeReply.text("a").stopReason()).isEqualTo("end_turn");
    assertThat(FakeReply.text("a").withToolUse("t", "{}").stopReason()).isEqualTo("tool_use");
    assertThat(FakeReply.text("a").withStopReason("max_tokens").stopReason()).isEqualTo("max_tokens");
  }

  @Test
  void with_returnsACopyAndLeavesTheOriginal() {
    FakeReply base = FakeReply.text("a");
    FakeReply more = base.withText("b").withUsage(3, 4);

    assertThat(base.content).hasSize(1);
    assertThat(base.inputTokens).isNull();
    assertThat(more.content).hasSize(2);
    assertThat(more.inputTokens).isEqualTo(3);
  }
}
