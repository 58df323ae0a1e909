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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    ModelProfile opus = BedrockModels.opus45(InferenceGeography.EU);

    assertThat(haiku.modelId()).isEqualTo("us.anthropic.claude-haiku-4-5-20251001-v1:0");
    assertPrice(haiku.price(), 1.10, 5.50, 0.11, 1.375);
    assertThat(haiku.minCacheTokens()).isEqualTo(4096);
    assertThat(opus.modelId()).isEqualTo("eu.anthropic.claude-opus-4-5-20251101-v1:0");
    assertPrice(opus.price(), 5.50, 27.50, 0.55, 6.875);
  }

  @Provide
  Arbitrary<InferenceGeography> haikuGeographies() {
    return Arbitraries.of(BedrockModels.geographies(ModelProfiles.CLAUDE_HAIKU_4_5.modelId()));
  }

  @Property
  void apply_dependsOnlyOnTheTargetGeography(@ForAll("haikuGeographies") InferenceGeography via,
      @ForAll("haikuGeographies") InferenceGeography to) {
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
    assertThat(InferenceGeography.parse("jp")).isEqualTo(InferenceGeography.JP);
    assertThat(InferenceGeography.parse("AU.")).isEqualTo(InferenceGeography.AU);
    assertThat(InferenceGeography.parse("apac.")).isEqualTo(InferenceGeography.APAC);
    assertThatThrownBy(() -> InferenceGeography.parse("mars"))
        .isInstanceOf(ModelConfigurationException.class).hasMessageContaining("global, us, eu, jp, au, apac");
  }

  @Test
  void geographies_areTheDocumentedInferenceProfilesOfEachModel() {
    assertThat(BedrockModels.geographies("global.anthropic.claude-sonnet-4-5-20250929-v1:0"))
        .containsExactly(InferenceGeography.GLOBAL, InferenceGeography.US, InferenceGeography.EU,
            InferenceGeography.JP, InferenceGeography.AU);
    assertThat(BedrockModels.geographies("anthropic.claude-haiku-4-5-20251001-v1:0"))
        .containsExactly(InferenceGeography.GLOBAL, InferenceGeography.US, InferenceGeography.EU,
            InferenceGeography.JP, InferenceGeography.AU);
    assertThat(BedrockModels.geographies("eu.anthropic.claude-opus-4-5-20251101-v1:0"))
        .containsExactly(InferenceGeography.GLOBAL, InferenceGeography.US, InferenceGeography.EU);
    assertThat(BedrockModels.geographies("us.meta.llama3-70b-instruct-v1:0")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "JP, jp.anthropic.claude-sonnet-4-5-20250929-v1:0, jp.anthropic.claude-haiku-4-5-20251001-v1:0",
      "AU, au.anthropic.claude-sonnet-4-5-20250929-v1:0, au.anthropic.claude-haiku-4-5-20251001-v1:0"})
  void sonnetAndHaiku45_inJapanAndAustralia_haveTheProfileIdsAndTheGeographicPrice(InferenceGeography g,
      String sonnetId, String haikuId) {
    assertThat(BedrockModels.sonnet45(g).modelId()).isEqualTo(sonnetId);
    assertPrice(BedrockModels.sonnet45(g).price(), 3.30, 16.50, 0.33, 4.125);
    assertThat(BedrockModels.haiku45(g).modelId()).isEqualTo(haikuId);
    assertPrice(BedrockModels.haiku45(g).price(), 1.10, 5.50, 0.11, 1.375);
  }

  /** Regression (issue 10): the real jp. and au. ids were not recognised and were rejected for having no price. */
  @ParameterizedTest
  @ValueSource(strings = {"jp.anthropic.claude-sonnet-4-5-20250929-v1:0", "au.anthropic.claude-sonnet-4-5-20250929-v1:0",
      "jp.anthropic.claude-haiku-4-5-20251001-v1:0", "au.anthropic.claude-haiku-4-5-20251001-v1:0",
      "arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/jp.anthropic.claude-sonnet-4-5-20250929-v1:0"})
  void known_whenJapanOrAustraliaProfile_recognisesItWithTheGeographicPrice(String id) {
    ModelProfile p = BedrockModels.known(id).orElseThrow();

    assertThat(p.modelId()).isEqualTo(id);
    assertThat(p.price().input()).isCloseTo(id.contains("sonnet") ? 3.30 : 1.10, within(1e-9));
  }

  /** Regression (issue 10): apac. built ids of inference profiles that do not exist. */
  @Test
  void sonnetAndHaiku45_whenApac_failListingTheProfilesThatExist() {
    assertThatThrownBy(() -> BedrockModels.sonnet45(InferenceGeography.APAC))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("Claude Sonnet 4.5").hasMessageContaining("no 'apac.' inference profile")
        .hasMessageContaining("global., us., eu., jp., au.");
    assertThatThrownBy(() -> BedrockModels.haiku45(InferenceGeography.APAC))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("Claude Haiku 4.5").hasMessageContaining("global., us., eu., jp., au.");
    assertThatThrownBy(() -> BedrockModels.defaultRouting(InferenceGeography.APAC))
        .isInstanceOf(ModelConfigurationException.class).hasMessageContaining("no 'apac.' inference profile");
  }

  @ParameterizedTest
  @ValueSource(strings = {"JP", "AU", "APAC"})
  void opus45_whenAGeographyItHasNoProfileIn_failsListingGlobalUsEu(InferenceGeography g) {
    assertThatThrownBy(() -> BedrockModels.opus45(g))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("Claude Opus 4.5").hasMessageContaining("no '" + g.prefix() + "'")
        .hasMessageContaining("global., us., eu.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"apac.anthropic.claude-sonnet-4-5-20250929-v1:0", "apac.anthropic.claude-haiku-4-5-20251001-v1:0",
      "jp.anthropic.claude-opus-4-5-20251101-v1:0"})
  void known_whenTheIdNamesAProfileThatDoesNotExist_failsInsteadOfAskingForAPrice(String id) {
    assertThatThrownBy(() -> BedrockModels.known(id))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("inference profile on Bedrock: its profiles are global., us., eu.");
  }

  @Property
  void apply_whenTheModelHasNoProfileInTheGeography_failsElseKeepsTheModel(@ForAll InferenceGeography g,
      @ForAll("knownModels") ModelProfile model) {
    boolean offered = BedrockModels.geographies(model.modelId()).contains(g);
    if (offered) {
      assertThat(g.apply(model).modelId()).isEqualTo(g.prefix() + model.modelId().substring("global.".length()));
    } else {
      assertThatThrownBy(() -> g.apply(model)).isInstanceOf(ModelConfigurationException.class)
          .hasMessageContaining(model.displayName()).hasMessageContaining("'" + g.prefix() + "'");
    }
  }

  @Provide
  Arbitrary<ModelProfile> knownModels() {
    return Arbitraries.of(ModelProfiles.CLAUDE_SONNET_4_5, ModelProfiles.CLAUDE_HAIKU_4_5, ModelProfiles.CLAUDE_OPUS_4_5);
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
