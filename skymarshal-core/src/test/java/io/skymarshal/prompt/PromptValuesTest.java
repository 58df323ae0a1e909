package io.skymarshal.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PromptValuesTest {

  @Test
  void time_whenWholeMinute_dropsSecondsAndParsesBack() {
    Instant t = Instant.parse("2026-01-30T14:00:00Z");

    assertThat(PromptValues.time(t)).isEqualTo("2026-01-30T14:00Z");
    assertThat(PromptValues.parseTime("2026-01-30T14:00Z")).isEqualTo(t);
  }

  @Test
  void time_whenSeconds_keepsThem() {
    Instant t = Instant.parse("2026-01-30T14:00:05Z");

    assertThat(PromptValues.time(t)).isEqualTo("2026-01-30T14:00:05Z");
    assertThat(PromptValues.parseTime(PromptValues.time(t))).isEqualTo(t);
  }

  @Test
  void ratioAndDecimal_writeShortestForm() {
    assertThat(PromptValues.ratio(0.8249)).isEqualTo("0.82");
    assertThat(PromptValues.ratio(1.0)).isEqualTo("1");
    assertThat(PromptValues.decimal(2.5)).isEqualTo("2.5");
    assertThat(PromptValues.decimal(180)).isEqualTo("180");
  }
}
