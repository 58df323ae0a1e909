package io.skymarshal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenUsageTest {

  // issue 11, bug 2: sums of very large usage overflowed and the constructor then threw
  @Test
  void plus_whenTheSumOverflows_saturatesAndSaysSo() {
    TokenUsage big = new TokenUsage(Long.MAX_VALUE - 1, Long.MAX_VALUE, 5, Long.MAX_VALUE / 2 + 1);
    TokenUsage sum = big.plus(big);

    assertThat(sum).isEqualTo(new TokenUsage(Long.MAX_VALUE, Long.MAX_VALUE, 10, Long.MAX_VALUE));
    assertThat(sum.saturated()).isTrue();
  }

  @Test
  void totalInputTokens_whenTheSumOverflows_saturates() {
    TokenUsage u = new TokenUsage(Long.MAX_VALUE - 1, 0, 2, 3);
    assertThat(u.totalInputTokens()).isEqualTo(Long.MAX_VALUE);
    assertThat(u.saturated()).isFalse();
  }

  @Test
  void plus_whenNothingOverflows_isTheExactSum() {
    TokenUsage sum = new TokenUsage(1, 2, 3, 4).plus(new TokenUsage(10, 20, 30, 40));
    assertThat(sum).isEqualTo(new TokenUsage(11, 22, 33, 44));
    assertThat(sum.saturated()).isFalse();
    assertThat(sum.totalInputTokens()).isEqualTo(11 + 33 + 44);
  }

  @Test
  void exceedsCallLimit_isTrueExactlyAboveTheLimitInAnyCount() {
    long max = TokenUsage.MAX_PER_CALL;
    assertThat(new TokenUsage(max, max, max, max).exceedsCallLimit()).isFalse();
    assertThat(new TokenUsage(max + 1, 0, 0, 0).exceedsCallLimit()).isTrue();
    assertThat(new TokenUsage(0, max + 1, 0, 0).exceedsCallLimit()).isTrue();
    assertThat(new TokenUsage(0, 0, max + 1, 0).exceedsCallLimit()).isTrue();
    assertThat(new TokenUsage(0, 0, 0, max + 1).exceedsCallLimit()).isTrue();
  }

  @Test
  void constructor_whenACountIsNegative_fails() {
    assertThatThrownBy(() -> new TokenUsage(0, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
