package io.skymarshal.bedrock;

import io.skymarshal.bedrock.internal.Settings;
import io.skymarshal.core.AgentPolicy;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelConfigurationException;
import io.skymarshal.model.ModelPrice;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelRouting;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Bedrock settings read from environment variables and system properties, yielding a
 * {@link ConverseModelClient} and a {@link ModelRouting}. Each variable has a system property
 * twin ({@code SKYMARSHAL_SAFETY_MODEL} / {@code -Dskymarshal.safety.model}); the property wins.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>SKYMARSHAL_REGION</td><td>the SDK's region chain (AWS_REGION, profile)</td><td>AWS region of Bedrock</td></tr>
 *   <tr><td>SKYMARSHAL_AWS_PROFILE</td><td>the SDK's (AWS_PROFILE, else "default")</td><td>profile the default credential chain reads</td></tr>
 *   <tr><td>SKYMARSHAL_BEDROCK_ENDPOINT</td><td>Bedrock's public endpoint</td><td>a VPC endpoint, or a fake Bedrock</td></tr>
 *   <tr><td>SKYMARSHAL_INFERENCE_GEOGRAPHY</td><td>global</td><td>global, us, eu, jp or au for the default models (Sonnet 4.5, Haiku 4.5 have all five)</td></tr>
 *   <tr><td>SKYMARSHAL_{SAFETY,BUSINESS,ARBITRATOR}_MODEL</td><td>Sonnet 4.5, Haiku 4.5, Sonnet 4.5</td><td>model id per tier</td></tr>
 *   <tr><td>SKYMARSHAL_{tier}_MODEL_PRICE</td><td>known for Claude 4.5 ids</td><td>input,output,cacheRead,cacheWrite USD per million tokens; required for other ids</td></tr>
 *   <tr><td>SKYMARSHAL_{tier}_TIMEOUT</td><td>60s, 45s, 90s</td><td>per-tier call timeout for the engine</td></tr>
 *   <tr><td>SKYMARSHAL_BEDROCK_CALL_TIMEOUT</td><td>120s</td><td>client-side bound on one call</td></tr>
 *   <tr><td>SKYMARSHAL_BEDROCK_CONNECT_TIMEOUT</td><td>5s</td><td>bound on opening a connection</td></tr>
 *   <tr><td>SKYMARSHAL_BEDROCK_MAX_CONCURRENCY</td><td>64</td><td>calls in flight at once</td></tr>
 * </table>
 * A tier's model keeps the tier's temperature and output limit (0.3/8,192, 0.3/4,096, 0.2/8,192).
 * A model id SkyMarshal has no price for gets no prompt-cache points. Credentials come only from
 * the SDK's default provider chain and are never read or logged here. Immutable and thread-safe.
 */
public final class BedrockConfig {

  private static final Map<Tier, Duration> DEFAULT_TIER_TIMEOUTS = Map.of(
      Tier.SAFETY, Duration.ofSeconds(60), Tier.BUSINESS, Duration.ofSeconds(45),
      Tier.ARBITRATOR, Duration.ofSeconds(90));

  private final String region;
  private final String awsProfile;
  private final URI endpoint;
  private final InferenceGeography geography;
  private final ModelRouting routing;
  private final Map<Tier, Duration> tierTimeouts;
  private final Duration callTimeout;
  private final Duration connectTimeout;
  private final int maxConcurrency;

  private BedrockConfig(Settings s) {
    this.region = s.get("SKYMARSHAL_REGION").orElse(null);
    this.awsProfile = s.get("SKYMARSHAL_AWS_PROFILE").orElse(null);
    this.endpoint = s.uri("SKYMARSHAL_BEDROCK_ENDPOINT").orElse(null);
    this.geography = s.get("SKYMARSHAL_INFERENCE_GEOGRAPHY").map(InferenceGeography::parse)
        .orElse(InferenceGeography.GLOBAL);
    ModelRouting defaults;
    try {
      defaults = BedrockModels.defaultRouting(geography);
    } catch (ModelConfigurationException e) {
      throw new ModelConfigurationException("SKYMARSHAL_INFERENCE_GEOGRAPHY (or -D"
          + Settings.propertyName("SKYMARSHAL_INFERENCE_GEOGRAPHY") + ") is '" + geography.id()
          + "', but " + e.getMessage());
    }
    ModelRouting.Builder r = defaults.toBuilder();
    Map<Tier, Duration> timeouts = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      String t = tier.name();
      ModelProfile tierDefault = defaults.profileFor(tier.name().toLowerCase(Locale.ROOT), tier);
      Optional<ModelPrice> price = s.price("SKYMARSHAL_" + t + "_MODEL_PRICE");
      Optional<String> model = s.get("SKYMARSHAL_" + t + "_MODEL");
      r.tier(tier, profile(tier, tierDefault, model, price));
      timeouts.put(tier, s.duration("SKYMARSHAL_" + t + "_TIMEOUT").orElse(DEFAULT_TIER_TIMEOUTS.get(tier)));
    }
    this.routing = r.build();
    this.tierTimeouts = Collections.unmodifiableMap(timeouts);
    this.callTimeout = s.duration("SKYMARSHAL_BEDROCK_CALL_TIMEOUT")
        .orElse(ConverseModelClient.DEFAULT_CALL_TIMEOUT);
    this.connectTimeout = s.duration("SKYMARSHAL_BEDROCK_CONNECT_TIMEOUT")
        .orElse(ConverseModelClient.DEFAULT_CONNECT_TIMEOUT);
    this.maxConcurrency = s.positiveInt("SKYMARSHAL_BEDROCK_MAX_CONCURRENCY")
        .orElse(ConverseModelClient.DEFAULT_MAX_CONCURRENCY);
  }

  /**
   * The settings of this process: {@code System.getenv()} and {@code System.getProperties()}.
   *
   * @throws io.skymarshal.model.ModelConfigurationException naming a setting whose value is wrong
   */
  public static BedrockConfig fromEnvironment() {
    return from(System.getenv(), System.getProperties());
  }

  /**
   * The settings found in {@code env} (by variable name) and {@code properties} (by property name).
   *
   * @throws io.skymarshal.model.ModelConfigurationException naming a setting whose value is wrong
   */
  public static BedrockConfig from(Map<String, String> env, Properties properties) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(properties, "properties");
    return new BedrockConfig(new Settings(env, properties));
  }

  /** A new client with these settings; the caller closes it. */
  public ConverseModelClient newClient() {
    ConverseModelClient.Builder b = ConverseModelClient.builder()
        .callTimeout(callTimeout)
        .connectTimeout(connectTimeout)
        .maxConcurrency(maxConcurrency);
    if (region != null) {
      b.region(region);
    }
    if (awsProfile != null) {
      b.credentialsProvider(DefaultCredentialsProvider.builder().profileName(awsProfile).build());
    }
    if (endpoint != null) {
      b.endpointOverride(endpoint);
    }
    return b.build();
  }

  /** Which model each tier calls. */
  public ModelRouting routing() {
    return routing;
  }

  /** The region set, or empty to use the SDK's default region chain. */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /** The AWS profile set, or empty to use the default chain's own choice. */
  public Optional<String> awsProfile() {
    return Optional.ofNullable(awsProfile);
  }

  /** The endpoint override, or empty for Bedrock's public endpoint. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** The geography of the default models. */
  public InferenceGeography geography() {
    return geography;
  }

  /** The engine's per-tier call timeout (defaults 60 s, 45 s, 90 s). */
  public Duration tierTimeout(Tier tier) {
    return tierTimeouts.get(Objects.requireNonNull(tier, "tier"));
  }

  /**
   * The engine policy of {@code tier} in {@code phase}: {@link AgentPolicy#defaults} with the
   * configured tier timeout (plus {@link AgentPolicy#REVISION_EXTRA} in Phase 2, as the defaults do).
   */
  public AgentPolicy policy(Tier tier, Phase phase) {
    Duration timeout = tierTimeout(tier);
    if (phase == Phase.REVISION) {
      timeout = timeout.plus(AgentPolicy.REVISION_EXTRA);
    }
    return AgentPolicy.defaults(tier, phase).withTimeout(timeout);
  }

  /** The client's own bound on one call. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** The settings in one line, for a start-up log. Holds no credentials. */
  @Override
  public String toString() {
    return "BedrockConfig{region=" + (region == null ? "<sdk default>" : region)
        + ", awsProfile=" + (awsProfile == null ? "<sdk default>" : awsProfile)
        + ", endpoint=" + (endpoint == null ? "<bedrock>" : endpoint)
        + ", geography=" + geography.name().toLowerCase(Locale.ROOT)
        + ", models=" + modelsText() + ", tierTimeouts=" + tierTimeouts
        + ", callTimeout=" + callTimeout + "}";
  }

  private String modelsText() {
    StringBuilder sb = new StringBuilder("{");
    for (Tier t : Tier.values()) {
      sb.append(sb.length() > 1 ? ", " : "").append(t).append('=')
          .append(routing.profileFor(t.name().toLowerCase(Locale.ROOT), t).modelId());
    }
    return sb.append('}').toString();
  }

  private static ModelProfile profile(Tier tier, ModelProfile tierDefault, Optional<String> model,
      Optional<ModelPrice> price) {
    if (model.isEmpty()) {
      return price.map(tierDefault::withPrice).orElse(tierDefault);
    }
    String id = model.get();
    Optional<ModelProfile> known;
    try {
      known = BedrockModels.known(id);
    } catch (ModelConfigurationException e) {
      throw new ModelConfigurationException("SKYMARSHAL_" + tier + "_MODEL is '" + id + "', but "
          + e.getMessage());
    }
    if (known.isEmpty() && price.isEmpty()) {
      throw new ModelConfigurationException("SKYMARSHAL_" + tier + "_MODEL is '" + id + "', a model "
          + "with no known price: set SKYMARSHAL_" + tier + "_MODEL_PRICE (or -Dskymarshal."
          + tier.name().toLowerCase(Locale.ROOT) + ".model.price) to input,output,cacheRead,cacheWrite "
          + "in USD per million tokens, or use a Claude 4.5 model id");
    }
    ModelProfile base = known.orElseGet(() -> new ModelProfile(id, id, price.get(),
        tierDefault.maxTokens(), tierDefault.temperature(), 0));
    return base.withPrice(price.orElse(base.price()))
        .withTemperature(tierDefault.temperature())
        .withMaxTokens(tierDefault.maxTokens());
  }
}
