package io.skymarshal.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelConfigurationException;
import io.skymarshal.model.ModelPrice;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelRouting;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BedrockModelsTest {

  private static void assertPrice(ModelPrice p, double in, double out, double read, double write) {
    assertThat(p.input()).isCloseTo(in, within(1e-9));
    assertThat(p.output()).isCloseTo(out, within(1e-9));
    assertThat(p.cacheRead()).isCloseTo(read, within(1e-9));
    assertThat(p.cacheWrite()).isCloseTo(write, within(1e-9));
  }

  @Test
  void sonnet45_byGeography_hasThePrefixedIdAndRegionalPremium() {
    ModelProfile global = BedrockModels.sonnet45(InferenceGeography.GLOBAL);
    ModelProfile eu = BedrockModels.sonnet45(InferenceGeography.EU);

    assertThat(global.modelId()).isEqualTo("global.anthropic.claude-sonnet-4-5-20250929-v1:0");
    assertPrice(global.price(), 3.00, 15.00, 0.30, 3.75);
    assertThat(eu.modelId()).isEqualTo("eu.anthropic.claude-sonnet-4-5-20250929-v1:0");
    assertPrice(eu.price(), 3.30, 16.50, 0.33, 4.125);
    assertThat(eu.minCacheTokens()).isEqualTo(1024);
  }

  @Test
  void haikuAndOpus45_byGeography_haveTheirIdsPricesAndCacheMinimums() {
    ModelProfile haiku = BedrockModels.haiku45(InferenceGeography.US);
    ModelProfile opus = BedrockModels.opus45(InferenceGeography.APAC);

    assertThat(haiku.modelId()).isEqualTo("us.anthropic.claude-haiku-4-5-20251001-v1:0");
    assertPrice(haiku.price(), 1.10, 5.50, 0.11, 1.375);
    assertThat(haiku.minCacheTokens()).isEqualTo(4096);
    assertThat(opus.modelId()).isEqualTo("apac.anthropic.claude-opus-4-5-20251101-v1:0");
    assertPrice(opus.price(), 5.50, 27.50, 0.55, 6.875);
  }

  @Property
  void apply_dependsOnlyOnTheTargetGeography(@ForAll InferenceGeography via, @ForAll InferenceGeography to) {
    ModelProfile direct = to.apply(ModelProfiles.CLAUDE_HAIKU_4_5);
    ModelProfile indirect = to.apply(via.apply(ModelProfiles.CLAUDE_HAIKU_4_5));

    assertThat(indirect.modelId()).isEqualTo(direct.modelId());
    assertThat(indirect.price().input()).isCloseTo(direct.price().input(), within(1e-6));
    assertThat(indirect.price().cacheWrite()).isCloseTo(direct.price().cacheWrite(), within(1e-6));
  }

  @ParameterizedTest
  @ValueSource(strings = {"global.anthropic.claude-opus-4-5-20251101-v1:0",
      "eu.anthropic.claude-opus-4-5-20251101-v1:0", "anthropic.claude-opus-4-5-20251101-v1:0",
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-opus-4-5-20251101-v1:0"})
  void known_whenOpusIdInAnyForm_givesOpusKeepingTheIdAsGiven(String id) {
    ModelProfile p = BedrockModels.known(id).orElseThrow();

    assertThat(p.modelId()).isEqualTo(id);
    assertThat(p.displayName()).isEqualTo("Claude Opus 4.5");
    double expectedInput = id.startsWith("global.") ? 5.00 : 5.50;
    assertThat(p.price().input()).isCloseTo(expectedInput, within(1e-9));
  }

  @Test
  void forModelId_whenUnknown_failsListingTheKnownModels() {
    assertThat(BedrockModels.known("us.meta.llama3-70b-instruct-v1:0")).isEmpty();
    assertThatThrownBy(() -> BedrockModels.forModelId("us.meta.llama3-70b-instruct-v1:0"))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("us.meta.llama3-70b-instruct-v1:0")
        .hasMessageContaining("global.anthropic.claude-haiku-4-5-20251001-v1:0");
  }

  @Test
  void parse_acceptsNamesAndPrefixesAndRejectsOthersListingTheValues() {
    assertThat(InferenceGeography.parse(" EU ")).isEqualTo(InferenceGeography.EU);
    assertThat(InferenceGeography.parse("apac.")).isEqualTo(InferenceGeography.APAC);
    assertThatThrownBy(() -> InferenceGeography.parse("mars"))
        .isInstanceOf(ModelConfigurationException.class).hasMessageContaining("global, us, eu, apac");
  }

  @Test
  void defaultRouting_movesEveryTierKeepingItsTemperatureAndOutputLimit() {
    ModelRouting routing = BedrockModels.defaultRouting(InferenceGeography.EU);

    ModelProfile safety = routing.profileFor("crew_compliance", Tier.SAFETY);
    ModelProfile business = routing.profileFor("network", Tier.BUSINESS);
    ModelProfile arbitrator = routing.profileFor("arbitrator", Tier.ARBITRATOR);
    assertThat(safety.modelId()).startsWith("eu.anthropic.claude-sonnet-4-5");
    assertThat(safety.temperature()).isEqualTo(0.3);
    assertThat(safety.maxTokens()).isEqualTo(8192);
    assertThat(business.modelId()).startsWith("eu.anthropic.claude-haiku-4-5");
    assertThat(business.maxTokens()).isEqualTo(4096);
    assertThat(arbitrator.modelId()).startsWith("eu.anthropic.claude-sonnet-4-5");
    assertThat(arbitrator.temperature()).isEqualTo(0.2);
  }
}
