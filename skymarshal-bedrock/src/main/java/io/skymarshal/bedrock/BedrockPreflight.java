package io.skymarshal.bedrock;

import io.skymarshal.aws.AwsChecks;
import io.skymarshal.bedrock.internal.ModelPings;
import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelConfigurationException;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelRouting;
import io.skymarshal.preflight.PreflightCheck;
import io.skymarshal.preflight.PreflightCheck.Kind;
import io.skymarshal.preflight.PreflightCheck.Problem;
import io.skymarshal.preflight.PreflightReport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrockruntime.endpoints.BedrockRuntimeEndpointParams;
import software.amazon.awssdk.services.bedrockruntime.endpoints.BedrockRuntimeEndpointProvider;

/**
 * Checks, before a deployment, that Bedrock will answer the models a {@link ModelRouting} sends
 * calls to: the region is set and known to the SDK; credentials resolve (and from which source);
 * the endpoint answers; and each routed model answers a minimal Converse call
 * ({@value #PING_MAX_TOKENS} tokens out at most, no system prompt, one user message:
 * {@link #PING_PROMPT}). Each model id is called once, however many tiers route to it.
 *
 * <pre>{@code
 * PreflightReport report = BedrockPreflight.forConfig(BedrockConfig.fromEnvironment()).run();
 * System.out.print(report.table());
 * if (!report.passed()) { ... each failure says what to do ... }
 * }</pre>
 *
 * <p>Checks that depend on a failed one are reported {@code SKIPPED}, naming it: with no region
 * or no credentials no model is called, and when the first call cannot reach the endpoint the
 * other models are not called. Failures are typed ({@link Problem}): an unknown region such as
 * {@code xx-fake-1}, missing credentials, an endpoint that cannot be reached, access denied to
 * a model (model access not enabled, or no {@code bedrock:InvokeModel}), an unknown model id,
 * throttling. Their text names the region and the endpoint and never holds credentials.
 *
 * <p>Defaults: the SDK's region chain and default credential chain, Bedrock's public endpoint,
 * {@link BedrockModels#defaultRouting} with the {@code global} geography, a bound of 30 s on each
 * model call. {@link #run()} may be called more than once; each run builds and closes its own
 * client unless one was {@linkplain Builder#modelClient given}. Immutable and thread-safe.
 */
public final class BedrockPreflight {

  /** The service name in the checks: {@value}. */
  public static final String SERVICE = "bedrock";
  /** The user message of the minimal call each model answers; a fake Bedrock can match it. */
  public static final String PING_PROMPT = "Reply with the single word OK.";
  /** The output limit of the minimal call. */
  public static final int PING_MAX_TOKENS = 16;
  /** The agent name the minimal calls carry, for logs and errors. */
  public static final String PING_AGENT = "preflight";
  /** Default bound on each model call. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final String REGION_SETTING = "SKYMARSHAL_REGION (or AWS_REGION)";
  private static final String PROFILE_SETTING = "SKYMARSHAL_AWS_PROFILE (or AWS_PROFILE)";

  private final String region;
  private final String awsProfile;
  private final AwsCredentialsProvider credentials;
  private final URI endpoint;
  private final ModelRouting routing;
  private final ModelClient givenClient;
  private final Supplier<? extends ModelClient> clientFactory;
  private final Duration timeout;

  private BedrockPreflight(Builder b) {
    this.region = b.region;
    this.awsProfile = b.awsProfile;
    this.credentials = b.credentials;
    this.endpoint = b.endpoint;
    this.routing = b.routing;
    this.givenClient = b.modelClient;
    this.clientFactory = b.clientFactory;
    this.timeout = b.timeout;
  }

  /** A builder with the defaults in the class comment. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The preflight of what {@code config} configures: its region, profile, endpoint and routing,
   * the models called through {@link BedrockConfig#newClient()} (so through the very client a
   * run uses), each call bounded by the config's call timeout.
   */
  public static BedrockPreflight forConfig(BedrockConfig config) {
    Objects.requireNonNull(config, "config");
    Builder b = builder().routing(config.routing()).timeout(config.callTimeout());
    config.region().ifPresent(b::region);
    config.awsProfile().ifPresent(b::awsProfile);
    config.endpoint().ifPresent(b::endpointOverride);
    b.clientFactory = config::newClient;
    return b.build();
  }

  /**
   * Runs every check and returns them in order: region, credentials, endpoint, then one per
   * model id. Blocks until the model calls have answered or timed out; throws nothing for a
   * failed check.
   */
  public PreflightReport run() {
    AwsCredentialsProvider provider = credentials != null ? credentials : chain();
    try {
      return run(provider);
    } finally {
      if (provider != credentials) {
        closeQuietly((DefaultCredentialsProvider) provider);
      }
    }
  }

  private PreflightReport run(AwsCredentialsProvider provider) {
    List<PreflightCheck> checks = new ArrayList<>();
    Optional<Region> resolvedRegion = region != null ? Optional.of(Region.of(region)) : defaultRegion();
    String where = endpointText(resolvedRegion);
    checks.add(AwsChecks.region(SERVICE, resolvedRegion, REGION_SETTING, where));
    checks.add(AwsChecks.credentials(SERVICE, provider, Optional.ofNullable(awsProfile), PROFILE_SETTING,
        "Bedrock in region " + resolvedRegion.map(Region::id).orElse("(none)") + " at " + where));
    List<ModelPings.Routed> models = routedModels();
    Optional<PreflightCheck> blocker = checks.stream().filter(PreflightCheck::failed).findFirst();
    if (blocker.isPresent()) {
      String why = "not tried: the " + blocker.get().kind().name().toLowerCase(Locale.ROOT) + " check failed";
      checks.add(PreflightCheck.skipped(SERVICE, Kind.ENDPOINT, where, why));
      models.forEach(m -> checks.add(PreflightCheck.skipped(SERVICE, Kind.MODEL, m.profile().modelId(), why)));
      return new PreflightReport(checks);
    }
    String regionId = resolvedRegion.orElseThrow().id();
    ModelClient client;
    try {
      client = givenClient != null ? givenClient
          : clientFactory != null ? clientFactory.get() : newClient(regionId, provider);
    } catch (RuntimeException e) {
      checks.add(PreflightCheck.failed(SERVICE, Kind.ENDPOINT, where, Problem.SERVICE_ERROR,
          "cannot build the Bedrock client for region " + regionId + ": " + e.getMessage(),
          "correct the setting the message names"));
      return new PreflightReport(checks);
    }
    try {
      checks.addAll(new ModelPings(client, SERVICE, regionId, where, endpoint != null, timeout, PING_PROMPT,
          PING_MAX_TOKENS, PING_AGENT).check(models));
    } finally {
      if (client != givenClient && client instanceof AutoCloseable closeable) {
        closeQuietly(closeable);
      }
    }
    return new PreflightReport(checks);
  }

  private DefaultCredentialsProvider chain() {
    DefaultCredentialsProvider.Builder b = DefaultCredentialsProvider.builder();
    if (awsProfile != null) {
      b.profileName(awsProfile);
    }
    return b.build();
  }

  private ModelClient newClient(String regionId, AwsCredentialsProvider provider) {
    ConverseModelClient.Builder b = ConverseModelClient.builder().region(regionId).credentialsProvider(provider)
        .callTimeout(timeout);
    if (endpoint != null) {
      b.endpointOverride(endpoint);
    }
    return b.build();
  }

  /** Each model id the routing sends calls to, with who calls it (tiers, then agents with their own model). */
  private List<ModelPings.Routed> routedModels() {
    Map<String, ModelProfile> profiles = new LinkedHashMap<>();
    Map<String, List<String>> users = new LinkedHashMap<>();
    for (Tier tier : Tier.values()) {
      String name = tier.name().toLowerCase(Locale.ROOT);
      ModelProfile p;
      try {
        p = routing.profileFor(name, tier);
      } catch (ModelConfigurationException noModelForTier) {
        continue; // a tier with no model has no agent that calls one
      }
      profiles.putIfAbsent(p.modelId(), p);
      users.computeIfAbsent(p.modelId(), k -> new ArrayList<>()).add(name);
    }
    for (String agent : routing.agentOverrides()) {
      ModelProfile p = routing.profileForAgent(agent);
      profiles.putIfAbsent(p.modelId(), p);
      users.computeIfAbsent(p.modelId(), k -> new ArrayList<>()).add("agent " + agent);
    }
    return profiles.values().stream().map(p -> new ModelPings.Routed(p, users.get(p.modelId()))).toList();
  }

  private String endpointText(Optional<Region> resolved) {
    if (endpoint != null) {
      return endpoint.toString();
    }
    if (resolved.isEmpty()) {
      return "(no region, so no endpoint)";
    }
    try {
      return BedrockRuntimeEndpointProvider.defaultProvider()
          .resolveEndpoint(BedrockRuntimeEndpointParams.builder().region(resolved.get()).build())
          .join().endpointUrl().toUri().toString();
    } catch (RuntimeException e) {
      return "https://bedrock-runtime." + resolved.get().id() + ".amazonaws.com";
    }
  }

  private static Optional<Region> defaultRegion() {
    try {
      return Optional.of(new DefaultAwsRegionProviderChain().getRegion());
    } catch (SdkClientException e) {
      return Optional.empty();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // a client that fails to close has still answered the checks
    }
  }

  /**
   * Builds a {@link BedrockPreflight}. Not thread-safe. Each setter checks its argument at once
   * and may be called once.
   */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();
    private String region;
    private String awsProfile;
    private AwsCredentialsProvider credentials;
    private URI endpoint;
    private ModelRouting routing = BedrockModels.defaultRouting(InferenceGeography.GLOBAL);
    private ModelClient modelClient;
    private Supplier<? extends ModelClient> clientFactory;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder() {}

    /** The region, e.g. {@code us-east-1}; by default the SDK's region chain. Checked by {@link #run()}, not here. */
    public Builder region(String region) {
      given.once("region");
      Objects.requireNonNull(region, "region");
      if (region.isBlank()) {
        throw new IllegalArgumentException("region must not be blank");
      }
      this.region = region.trim();
      return this;
    }

    /** The profile the SDK's default credential chain reads; not with {@link #credentialsProvider}. */
    public Builder awsProfile(String profile) {
      given.once("awsProfile");
      Objects.requireNonNull(profile, "awsProfile");
      if (profile.isBlank()) {
        throw new IllegalArgumentException("awsProfile must not be blank");
      }
      if (credentials != null) {
        throw new IllegalStateException("credentialsProvider is set: awsProfile applies to the default chain only");
      }
      this.awsProfile = profile.trim();
      return this;
    }

    /** The credentials to check and sign with; by default the SDK's default chain. Not with {@link #awsProfile}. */
    public Builder credentialsProvider(AwsCredentialsProvider provider) {
      given.once("credentialsProvider");
      Objects.requireNonNull(provider, "credentialsProvider");
      if (awsProfile != null) {
        throw new IllegalStateException("awsProfile is set: it chooses the default chain's profile, so give no provider");
      }
      this.credentials = provider;
      return this;
    }

    /** Another endpoint than Bedrock's public one: a VPC endpoint, or a fake Bedrock in tests. */
    public Builder endpointOverride(URI endpoint) {
      given.once("endpointOverride");
      Objects.requireNonNull(endpoint, "endpointOverride");
      if (endpoint.getScheme() == null || endpoint.getHost() == null) {
        throw new IllegalArgumentException("endpointOverride needs a scheme and host, e.g. https://bedrock-runtime."
            + "us-east-1.amazonaws.com, but was " + endpoint);
      }
      this.endpoint = endpoint;
      return this;
    }

    /** The routing whose models are called; by default {@link BedrockModels#defaultRouting} ({@code global}). */
    public Builder routing(ModelRouting routing) {
      given.once("routing");
      this.routing = Objects.requireNonNull(routing, "routing");
      return this;
    }

    /**
     * The client the model calls go through, used as given and not closed; by default each
     * {@link #run()} builds a {@link ConverseModelClient} with this builder's region,
     * credentials and endpoint, and closes it. The region, credentials and endpoint checks
     * still look at this builder's settings: give a client built with the same ones.
     */
    public Builder modelClient(ModelClient client) {
      given.once("modelClient");
      this.modelClient = Objects.requireNonNull(client, "modelClient");
      return this;
    }

    /** The bound on each model call (default 30 s). */
    public Builder timeout(Duration timeout) {
      given.once("timeout");
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be > 0 but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The preflight with these settings. */
    public BedrockPreflight build() {
      return new BedrockPreflight(this);
    }
  }
}
