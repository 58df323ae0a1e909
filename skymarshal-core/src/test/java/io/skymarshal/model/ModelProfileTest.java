package io.skymarshal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelProfileTest {

  @Test
  void claude45Profiles_knowTheirMaximumOutput() {
    assertThat(ModelProfiles.CLAUDE_SONNET_4_5.maxOutputTokens()).isEqualTo(64_000);
    assertThat(ModelProfiles.CLAUDE_HAIKU_4_5.maxOutputTokens()).isEqualTo(64_000);
    assertThat(ModelProfiles.CLAUDE_OPUS_4_5.maxOutputTokens()).isEqualTo(64_000);
    assertThat(ModelRouting.defaults().profileFor("any", io.skymarshal.core.Tier.SAFETY).maxOutputTokens())
        .as("copies keep it").isEqualTo(64_000);
  }

  @Test
  void withMaxTokens_whenAboveTheModelsMaximum_failsNamingBoth() {
    assertThatThrownBy(() -> ModelProfiles.CLAUDE_HAIKU_4_5.withMaxTokens(64_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxTokens 64001").hasMessageContaining("maxOutputTokens 64000")
        .hasMessageContaining(ModelProfiles.CLAUDE_HAIKU_4_5.modelId());
    assertThat(ModelProfiles.CLAUDE_HAIKU_4_5.withMaxTokens(64_000).maxTokens()).isEqualTo(64_000);
  }

  @Test
  void sixArgumentConstructor_leavesTheMaximumUnknown() {
    ModelProfile p = new ModelProfile("x.model", "X", new ModelPrice(1, 2, 0, 0), 100_000, 0.5, 0);

    assertThat(p.maxOutputTokens()).isZero();
    assertThat(p.withMaxTokens(200_000).maxTokens()).isEqualTo(200_000);
    assertThat(p.withMaxOutputTokens(300_000).maxOutputTokens()).isEqualTo(300_000);
    assertThatThrownBy(() -> p.withMaxOutputTokens(-1)).hasMessageContaining("maxOutputTokens must be >= 0");
    assertThatThrownBy(() -> p.withMaxOutputTokens(50_000)).hasMessageContaining("more than");
  }
}
