package io.skymarshal.bedrock;

import static io.skymarshal.bedrock.InferenceGeography.AU;
import static io.skymarshal.bedrock.InferenceGeography.EU;
import static io.skymarshal.bedrock.InferenceGeography.GLOBAL;
import static io.skymarshal.bedrock.InferenceGeography.JP;
import static io.skymarshal.bedrock.InferenceGeography.US;

import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelConfigurationException;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelRouting;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Claude models on Bedrock by inference geography, and the model behind a model id.
 *
 * <p>Model ids: Claude Sonnet 4.5 {@code anthropic.claude-sonnet-4-5-20250929-v1:0}, Claude Haiku
 * 4.5 {@code anthropic.claude-haiku-4-5-20251001-v1:0}, Claude Opus 4.5
 * {@code anthropic.claude-opus-4-5-20251101-v1:0}, each called through an inference profile. The
 * profiles that exist, per the model cards of the Amazon Bedrock user guide (Sonnet 4.5, Haiku
 * 4.5) and Anthropic's "Claude on Amazon Bedrock" model table (Opus 4.5), both as of 2026:
 *
 * <table>
 *   <caption>Inference profiles</caption>
 *   <tr><th>model</th><th>profiles</th></tr>
 *   <tr><td>Claude Sonnet 4.5</td><td>global., us., eu., jp., au.</td></tr>
 *   <tr><td>Claude Haiku 4.5</td><td>global., us., eu., jp., au.</td></tr>
 *   <tr><td>Claude Opus 4.5</td><td>global., us., eu.</td></tr>
 * </table>
 *
 * None of them has an {@code apac.} profile. Asking for a profile that does not exist fails with a
 * {@link ModelConfigurationException} listing those that do. Prices and caching minimums come
 * from {@link ModelProfiles}. Stateless.
 */
public final class BedrockModels {

  /** A model SkyMarshal knows, and the geographies Bedrock has an inference profile for it in. */
  private record Known(ModelProfile profile, Set<InferenceGeography> geographies) {
    String bareId() {
      return profile.modelId().substring(GLOBAL.prefix().length());
    }
  }

  private static final List<Known> KNOWN = List.of(
      new Known(ModelProfiles.CLAUDE_SONNET_4_5, Collections.unmodifiableSet(EnumSet.of(GLOBAL, US, EU, JP, AU))),
      new Known(ModelProfiles.CLAUDE_HAIKU_4_5, Collections.unmodifiableSet(EnumSet.of(GLOBAL, US, EU, JP, AU))),
      new Known(ModelProfiles.CLAUDE_OPUS_4_5, Collections.unmodifiableSet(EnumSet.of(GLOBAL, US, EU))));

  private BedrockModels() {}

  /**
   * Claude Sonnet 4.5 through {@code geography}.
   *
   * @throws ModelConfigurationException for {@link InferenceGeography#APAC}, which it has no profile in
   */
  public static ModelProfile sonnet45(InferenceGeography geography) {
    return geography.apply(ModelProfiles.CLAUDE_SONNET_4_5);
  }

  /**
   * Claude Haiku 4.5 through {@code geography}.
   *
   * @throws ModelConfigurationException for {@link InferenceGeography#APAC}, which it has no profile in
   */
  public static ModelProfile haiku45(InferenceGeography geography) {
    return geography.apply(ModelProfiles.CLAUDE_HAIKU_4_5);
  }

  /**
   * Claude Opus 4.5 (optional, for a stronger arbitrator) through {@code geography}.
   *
   * @throws ModelConfigurationException for {@code jp}, {@code au} and {@code apac}, which it has no profile in
   */
  public static ModelProfile opus45(InferenceGeography geography) {
    return geography.apply(ModelProfiles.CLAUDE_OPUS_4_5);
  }

  /**
   * The geographies Bedrock has an inference profile in for the model {@code modelId} calls (any
   * prefix, bare, or an inference-profile ARN); empty for a model SkyMarshal does not know.
   */
  public static Set<InferenceGeography> geographies(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    return find(bare(lastPart(modelId))).map(Known::geographies).orElse(Set.of());
  }

  /**
   * The known model a model id calls, priced for the id's geography, with the id as given; empty
   * for a model SkyMarshal has no price for. An inference-profile ARN is matched by its last part;
   * a bare id is priced as a geographic profile.
   *
   * @throws ModelConfigurationException if the id names a geography the model has no inference
   *     profile in (e.g. {@code apac.anthropic.claude-sonnet-4-5-...}); the message lists those it has
   */
  public static Optional<ModelProfile> known(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    String last = lastPart(modelId);
    Optional<InferenceGeography> geography = InferenceGeography.ofModelId(last);
    Optional<Known> model = find(bare(last));
    if (model.isEmpty()) {
      return Optional.empty();
    }
    geography.ifPresent(g -> requireProfile(model.get(), g));
    InferenceGeography g = geography.orElse(US);
    return Optional.of(g.apply(model.get().profile()).withModelId(modelId));
  }

  /**
   * The known model a model id calls.
   *
   * @throws ModelConfigurationException naming the known models if the id is not one of them, or
   *     listing the model's geographies if it names one the model has no profile in
   */
  public static ModelProfile forModelId(String modelId) {
    return known(modelId).orElseThrow(() -> new ModelConfigurationException("no price known for "
        + "model id '" + modelId + "': use one of " + KNOWN.stream().map(k -> k.profile().modelId()).toList()
        + " (or the same model through another of its inference profiles), or give its prices"));
  }

  /**
   * {@link ModelRouting#defaults()} with every tier's model moved to {@code geography}, keeping
   * each tier's temperature and output limit.
   *
   * @throws ModelConfigurationException if a default model has no inference profile in {@code geography}
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

  /** Fails if {@code bareId} is a known model with no inference profile in {@code geography}. */
  static void requireProfile(String bareId, InferenceGeography geography) {
    find(bareId).ifPresent(k -> requireProfile(k, geography));
  }

  private static void requireProfile(Known model, InferenceGeography geography) {
    if (!model.geographies().contains(geography)) {
      throw new ModelConfigurationException(model.profile().displayName() + " ("
          + model.bareId() + ") has no '" + geography.prefix() + "' inference profile on Bedrock: "
          + "its profiles are " + model.geographies().stream().map(InferenceGeography::prefix)
              .collect(Collectors.joining(", "))
          + " (inference geographies " + model.geographies().stream().map(InferenceGeography::id)
              .collect(Collectors.joining(", ")) + ")");
    }
  }

  private static Optional<Known> find(String bareId) {
    return KNOWN.stream().filter(k -> k.bareId().equals(bareId)).findFirst();
  }

  private static String lastPart(String modelId) {
    return modelId.substring(modelId.lastIndexOf('/') + 1);
  }

  private static String bare(String id) {
    return InferenceGeography.ofModelId(id).map(g -> id.substring(g.prefix().length())).orElse(id);
  }
}
