package io.skymarshal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.core.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRoutingTest {
  /** The defaults with an agent pack's names registered, as an agent pack does. */
  private final ModelRouting routing = named(ModelRouting.defaults().toBuilder()).build();

  private static ModelRouting.Builder named(ModelRouting.Builder b) {
    List.of("crew_compliance", "maintenance", "regulatory").forEach(a -> b.knownAgent(a, Tier.SAFETY));
    List.of("network", "guest_experience", "cargo", "finance").forEach(a -> b.knownAgent(a, Tier.BUSINESS));
    return b.knownAgent("arbitrator", Tier.ARBITRATOR);
  }

  @Test
  void defaults_knowNoAgentByName_andOverrideNone() {
    assertThat(ModelRouting.defaults().knownAgents()).isEmpty();
    assertThat(ModelRouting.defaults().agentOverrides()).isEmpty();
  }

  @Test
  void builder_settingGivenTwice_failsNamingIt() {
    assertThatThrownBy(() -> ModelRouting.builder().tier(Tier.SAFETY, ModelProfiles.CLAUDE_SONNET_4_5)
        .tier(Tier.SAFETY, ModelProfiles.CLAUDE_HAIKU_4_5)).hasMessageContaining("tier(SAFETY) was already set");
    assertThatThrownBy(() -> ModelRouting.builder().agent("cargo", ModelProfiles.CLAUDE_SONNET_4_5)
        .agent("cargo", ModelProfiles.CLAUDE_HAIKU_4_5)).hasMessageContaining("agent(cargo) was already set");
    // a value copied by toBuilder may be replaced: that is what the copy is for
    assertThat(ModelRouting.defaults().toBuilder().tier(Tier.SAFETY, ModelProfiles.CLAUDE_OPUS_4_5).build()
        .profileFor("x", Tier.SAFETY)).isEqualTo(ModelProfiles.CLAUDE_OPUS_4_5);
  }

  @Test
  void profileForAgent_safetyAgentsAndArbitrator_getSonnet() {
    for (String agent : List.of("crew_compliance", "maintenance", "regulatory", "arbitrator")) {
      assertThat(routing.profileForAgent(agent).modelId()).as(agent)
          .isEqualTo("global.anthropic.claude-sonnet-4-5-20250929-v1:0");
    }
  }

  @Test
  void profileForAgent_businessAgents_getHaiku() {
    for (String agent : List.of("network", "guest_experience", "cargo", "finance")) {
      assertThat(routing.profileForAgent(agent).modelId()).as(agent)
          .isEqualTo("global.anthropic.claude-haiku-4-5-20251001-v1:0");
    }
  }

  @Test
  void defaults_setInferenceSettingsPerTier() {
    assertThat(routing.profileFor("x", Tier.SAFETY)).extracting(ModelProfile::temperature, ModelProfile::maxTokens)
        .containsExactly(0.3, 8192);
    assertThat(routing.profileFor("x", Tier.BUSINESS)).extracting(ModelProfile::temperature, ModelProfile::maxTokens)
        .containsExactly(0.3, 4096);
    assertThat(routing.profileFor("x", Tier.ARBITRATOR)).extracting(ModelProfile::temperature, ModelProfile::maxTokens)
        .containsExactly(0.2, 8192);
  }

  @Test
  void profileForAgent_whenUnknown_namesTheKnownAgents() {
    assertThatThrownBy(() -> routing.profileForAgent("catering"))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("unknown agent 'catering'")
        .hasMessageContaining("crew_compliance");
  }

  @Test
  void profileFor_whenTierUnconfigured_saysHowToConfigureIt() {
    ModelRouting empty = ModelRouting.builder().build();
    assertThatThrownBy(() -> empty.profileFor("cargo", Tier.BUSINESS))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("no model configured for agent 'cargo' of tier BUSINESS")
        .hasMessageContaining("ModelRouting.builder().tier(Tier.BUSINESS");
  }

  @Test
  void agentOverride_winsOverTier() {
    ModelRouting r = routing.toBuilder().agent("finance", ModelProfiles.CLAUDE_OPUS_4_5).build();
    assertThat(r.agentOverrides()).containsExactly("finance");
    assertThat(r.profileForAgent("finance")).isEqualTo(ModelProfiles.CLAUDE_OPUS_4_5);
    assertThat(r.profileForAgent("cargo").modelId()).contains("haiku");
  }

  @Test
  void costUsd_usesEachPrice() {
    TokenUsage u = new TokenUsage(1_000_000, 1_000_000, 1_000_000, 1_000_000);
    assertThat(ModelProfiles.CLAUDE_SONNET_4_5.costUsd(u)).isEqualTo(3 + 15 + 0.30 + 3.75, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void profile_rejectsBadSettings() {
    assertThatThrownBy(() -> ModelProfiles.CLAUDE_HAIKU_4_5.withTemperature(1.5)).hasMessageContaining("temperature");
    assertThatThrownBy(() -> ModelProfiles.CLAUDE_HAIKU_4_5.withMaxTokens(0)).hasMessageContaining("maxTokens");
    assertThatThrownBy(() -> ModelProfiles.CLAUDE_HAIKU_4_5.withModelId(" ")).hasMessageContaining("blank");
  }
}
