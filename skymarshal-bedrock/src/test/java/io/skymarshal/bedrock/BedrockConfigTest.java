package io.skymarshal.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.skymarshal.core.AgentPolicy;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelConfigurationException;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelReply;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.FakeReply;
import io.skymarshal.testkit.bedrock.RecordedConverse;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BedrockConfigTest {

  private static BedrockConfig config(Map<String, String> env) {
    return BedrockConfig.from(env, new Properties());
  }

  private static ModelProfile profile(BedrockConfig c, Tier tier) {
    return c.routing().profileFor("some_agent", tier);
  }

  @Test
  void from_whenNothingSet_givesTheDocumentedDefaults() {
    BedrockConfig c = config(Map.of());

    assertThat(c.region()).isEmpty();
    assertThat(c.awsProfile()).isEmpty();
    assertThat(c.endpoint()).isEmpty();
    assertThat(c.geography()).isEqualTo(InferenceGeography.GLOBAL);
    assertThat(profile(c, Tier.SAFETY).modelId()).isEqualTo("global.anthropic.claude-sonnet-4-5-20250929-v1:0");
    assertThat(profile(c, Tier.BUSINESS).modelId()).isEqualTo("global.anthropic.claude-haiku-4-5-20251001-v1:0");
    assertThat(profile(c, Tier.ARBITRATOR).temperature()).isEqualTo(0.2);
    assertThat(c.tierTimeout(Tier.SAFETY)).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.tierTimeout(Tier.BUSINESS)).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.tierTimeout(Tier.ARBITRATOR)).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.callTimeout()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void from_whenGeographyAndTierModelsSet_routesThemKeepingTierSettings() {
    BedrockConfig c = config(Map.of(
        "SKYMARSHAL_INFERENCE_GEOGRAPHY", "eu",
        "SKYMARSHAL_BUSINESS_MODEL", "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "SKYMARSHAL_ARBITRATOR_MODEL", "global.anthropic.claude-opus-4-5-20251101-v1:0"));

    assertThat(profile(c, Tier.SAFETY).modelId()).isEqualTo("eu.anthropic.claude-sonnet-4-5-20250929-v1:0");
    ModelProfile business = profile(c, Tier.BUSINESS);
    assertThat(business.modelId()).isEqualTo("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
    assertThat(business.price().input()).isCloseTo(3.30, within(1e-9));
    assertThat(business.maxTokens()).isEqualTo(4096);
    assertThat(business.temperature()).isEqualTo(0.3);
    ModelProfile arbitrator = profile(c, Tier.ARBITRATOR);
    assertThat(arbitrator.displayName()).isEqualTo("Claude Opus 4.5");
    assertThat(arbitrator.price().output()).isCloseTo(25.0, within(1e-9));
    assertThat(arbitrator.temperature()).isEqualTo(0.2);
  }

  @Test
  void policy_usesTheConfiguredTierTimeoutPlusTheRevisionExtraInPhaseTwo() {
    BedrockConfig c = config(Map.of("SKYMARSHAL_SAFETY_TIMEOUT", "20s"));

    assertThat(c.policy(Tier.SAFETY, Phase.INITIAL).timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(c.policy(Tier.SAFETY, Phase.REVISION).timeout()).isEqualTo(Duration.ofSeconds(50));
    assertThat(c.policy(Tier.BUSINESS, Phase.INITIAL))
        .isEqualTo(AgentPolicy.defaults(Tier.BUSINESS, Phase.INITIAL));
  }

  @Test
  void from_whenUnknownModelWithoutPrice_failsNamingThePriceSetting() {
    assertThatThrownBy(() -> config(Map.of("SKYMARSHAL_SAFETY_MODEL", "us.meta.llama3-70b-instruct-v1:0")))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("SKYMARSHAL_SAFETY_MODEL_PRICE")
        .hasMessageContaining("us.meta.llama3-70b-instruct-v1:0");
  }

  @Test
  void from_whenUnknownModelWithPrice_usesItWithoutCachePoints() {
    ModelProfile p = profile(config(Map.of("SKYMARSHAL_SAFETY_MODEL", "us.meta.llama3-70b-instruct-v1:0",
        "SKYMARSHAL_SAFETY_MODEL_PRICE", "0.72, 0.72, 0, 0")), Tier.SAFETY);

    assertThat(p.price().input()).isEqualTo(0.72);
    assertThat(p.minCacheTokens()).isZero();
    assertThat(p.maxTokens()).isEqualTo(8192);
  }

  @Test
  void from_whenSystemPropertyAndVariableBothSet_propertyWins() {
    Properties props = new Properties();
    props.setProperty("skymarshal.region", "eu-central-1");

    assertThat(BedrockConfig.from(Map.of("SKYMARSHAL_REGION", "us-east-1"), props).region())
        .hasValue("eu-central-1");
  }

  @ParameterizedTest
  @CsvSource({"90s, 90000", "1500ms, 1500", "2m, 120000", "PT45S, 45000", "30, 30000", "1h, 3600000"})
  void from_parsesDurationsInEveryDocumentedForm(String text, long millis) {
    assertThat(config(Map.of("SKYMARSHAL_BUSINESS_TIMEOUT", text)).tierTimeout(Tier.BUSINESS))
        .isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @CsvSource({
      "SKYMARSHAL_SAFETY_TIMEOUT, soon", "SKYMARSHAL_BEDROCK_CALL_TIMEOUT, 0s",
      "SKYMARSHAL_BEDROCK_ENDPOINT, localhost:8080", "SKYMARSHAL_BEDROCK_MAX_CONCURRENCY, -3",
      "SKYMARSHAL_ARBITRATOR_MODEL_PRICE, 1;2;3;4", "SKYMARSHAL_INFERENCE_GEOGRAPHY, moon"})
  void from_whenValueIsBad_failsNamingSettingAndValue(String name, String value) {
    assertThatThrownBy(() -> config(Map.of(name, value)))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining(value);
  }

  @Test
  void from_whenGeographyIsJapanOrAustralia_routesTheDefaultModelsThroughIt() {
    assertThat(profile(config(Map.of("SKYMARSHAL_INFERENCE_GEOGRAPHY", "jp")), Tier.BUSINESS).modelId())
        .isEqualTo("jp.anthropic.claude-haiku-4-5-20251001-v1:0");
    assertThat(profile(config(Map.of("SKYMARSHAL_INFERENCE_GEOGRAPHY", "au")), Tier.SAFETY).modelId())
        .isEqualTo("au.anthropic.claude-sonnet-4-5-20250929-v1:0");
  }

  /** Regression (issue 10): apac gave ids of inference profiles that do not exist, failing only at the first call. */
  @Test
  void from_whenGeographyIsApac_failsNamingTheSettingAndTheProfilesThatExist() {
    assertThatThrownBy(() -> config(Map.of("SKYMARSHAL_INFERENCE_GEOGRAPHY", "apac")))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("SKYMARSHAL_INFERENCE_GEOGRAPHY").hasMessageContaining("'apac'")
        .hasMessageContaining("global., us., eu., jp., au.");
  }

  /** Regression (issue 10): a jp. model id was rejected for having no known price. */
  @Test
  void from_whenATierModelIsAJapanProfile_knowsItsPrice() {
    ModelProfile safety = profile(config(Map.of("SKYMARSHAL_SAFETY_MODEL",
        "jp.anthropic.claude-sonnet-4-5-20250929-v1:0")), Tier.SAFETY);

    assertThat(safety.price().output()).isCloseTo(16.50, within(1e-9));
    assertThat(safety.maxTokens()).isEqualTo(8192);
  }

  @Test
  void from_whenATierModelNamesAProfileThatDoesNotExist_failsNamingTheSetting() {
    assertThatThrownBy(() -> config(Map.of("SKYMARSHAL_ARBITRATOR_MODEL", "au.anthropic.claude-opus-4-5-20251101-v1:0")))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("SKYMARSHAL_ARBITRATOR_MODEL").hasMessageContaining("global., us., eu.");
  }

  @Test
  void newClient_callsTheConfiguredEndpointSigningForTheRegionWithTheDefaultChain() {
    String key = "aws.accessKeyId";
    String secret = "aws.secretAccessKey";
    String oldKey = System.getProperty(key);
    String oldSecret = System.getProperty(secret);
    // the default chain reads these system properties first; set only for this test
    System.setProperty(key, "AKIDFROMCHAIN");
    System.setProperty(secret, "chain-secret");
    try (FakeBedrockServer server = FakeBedrockServer.start()) {
      server.enqueue(FakeReply.text("configured"));
      BedrockConfig c = config(Map.of("SKYMARSHAL_REGION", "eu-central-1",
          "SKYMARSHAL_BEDROCK_ENDPOINT", server.endpoint().toString()));
      try (ConverseModelClient client = c.newClient()) {
        ModelReply reply = client.call(TestClients.request(profile(c, Tier.BUSINESS), "q")).join();

        assertThat(reply.text()).isEqualTo("configured");
        assertThat(client.region()).isEqualTo("eu-central-1");
        RecordedConverse sent = server.takeRequest();
        assertThat(sent.header("Authorization")).contains("Credential=AKIDFROMCHAIN/")
            .contains("/eu-central-1/bedrock/");
        assertThat(c.toString()).contains("eu-central-1").doesNotContain("chain-secret")
            .doesNotContain("AKIDFROMCHAIN");
      }
    } finally {
      restore(key, oldKey);
      restore(secret, oldSecret);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
