package io.skymarshal.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenCounterTest {

  @Test
  void cl100k_countsKnownTexts() {
    TokenCounter t = TokenCounter.cl100k();

    assertThat(t.count("")).isZero();
    assertThat(t.count("hello world")).isEqualTo(2);
    assertThat(t.count("hello world hello world")).isEqualTo(4);
  }

  @Test
  void cl100k_whenSpecialTokenText_countsItAsOrdinaryText() {
    assertThat(TokenCounter.cl100k().count("<|endoftext|>")).isGreaterThan(1);
  }
}
