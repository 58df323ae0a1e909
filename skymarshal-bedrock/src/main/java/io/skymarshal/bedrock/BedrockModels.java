package io.skymarshal.bedrock;

import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelConfigurationException;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelRouting;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Claude models on Bedrock by inference geography, and the model behind a model id.
 *
 * <p>Model ids: Claude Sonnet 4.5 {@code anthropic.claude-sonnet-4-5-20250929-v1:0}, Claude Haiku
 * 4.5 {@code anthropic.claude-haiku-4-5-20251001-v1:0}, Claude Opus 4.5
 * {@code anthropic.claude-opus-4-5-20251101-v1:0}, each behind a {@code global.}, {@code us.},
 * {@code eu.} or {@code apac.} inference profile. Prices and caching minimums come from
 * {@link ModelProfiles}. Stateless.
 */
public final class BedrockModels {

  private static final List<ModelProfile> KNOWN = List.of(ModelProfiles.CLAUDE_SONNET_4_5,
      ModelProfiles.CLAUDE_HAIKU_4_5, ModelProfiles.CLAUDE_OPUS_4_5);

  private BedrockModels() {}

  /** Claude Sonnet 4.5 through {@code geography}. */
  public static ModelProfile sonnet45(InferenceGeography geography) {
    return geography.apply(ModelProfiles.CLAUDE_SONNET_4_5);
  }

  /** Claude Haiku 4.5 through {@code geography}. */
  public static ModelProfile haiku45(InferenceGeography geography) {
    return geography.apply(ModelProfiles.CLAUDE_HAIKU_4_5);
  }

  /** Claude Opus 4.5 (optional, for a stronger arbitrator) through {@code geography}. */
  public static ModelProfile opus45(InferenceGeography geography) {
    return geography.apply(ModelProfiles.CLAUDE_OPUS_4_5);
  }

  /**
   * The known model a model id calls, priced for the id's geography, with the id as given; empty
   * for a model SkyMarshal has no price for. An inference-profile ARN is matched by its last part.
   */
  public static Optional<ModelProfile> known(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    String last = modelId.substring(modelId.lastIndexOf('/') + 1);
    String bare = InferenceGeography.ofModelId(last).map(g -> last.substring(g.prefix().length()))
        .orElse(last);
    for (ModelProfile p : KNOWN) {
      String knownBare = p.modelId().substring(InferenceGeography.GLOBAL.prefix().length());
      if (knownBare.equals(bare)) {
        InferenceGeography g = InferenceGeography.ofModelId(last).orElse(InferenceGeography.US);
        return Optional.of(g.apply(p).withModelId(modelId));
      }
    }
    return Optional.empty();
  }

  /**
   * The known model a model id calls.
   *
   * @throws ModelConfigurationException naming the known models if the id is not one of them
   */
  public static ModelProfile forModelId(String modelId) {
    return known(modelId).orElseThrow(() -> new ModelConfigurationException("no price known for "
        + "model id '" + modelId + "': use one of " + KNOWN.stream().map(ModelProfile::modelId).toList()
        + " (any of the global., us., eu., apac. prefixes), or give its prices"));
  }

  /**
   * {@link ModelRouting#defaults()} with every tier's model moved to {@code geography}, keeping
   * each tier's temperature and output limit.
   */
  public static ModelRouting defaultRouting(InferenceGeography geography) {
    Objects.requireNonNull(geography, "geography");
    ModelRouting defaults = ModelRouting.defaults();
    ModelRouting.Builder b = defaults.toBuilder();
    for (Tier tier : Tier.values()) {
      b.tier(tier, geography.apply(defaults.profileFor("any", tier)));
    }
    return b.build();
  }
}
