package io.skymarshal.model;

import io.skymarshal.core.Tier;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which model each agent calls: a profile per {@link Tier}, optionally overridden per agent,
 * and the tier of each agent the routing knows by name. The Java form of the earlier system's
 * {@code AGENT_MODEL_CONFIG} and {@code load_model_for_agent}.
 *
 * <p>{@link #defaults()}: SAFETY agents on Claude Sonnet 4.5 (temperature 0.3, 8,192 tokens out),
 * BUSINESS agents on Claude Haiku 4.5 (0.3, 4,096), the ARBITRATOR on Claude Sonnet 4.5
 * (0.2, 8,192); no agent known by name (an agent pack registers its own, see
 * {@link Builder#knownAgent}). The orchestrator checks at build time that every per-agent override
 * names one of its agents.
 *
 * <p>Immutable and thread-safe; {@link #toBuilder()} to change a copy.
 */
public final class ModelRouting {

  private final Map<Tier, ModelProfile> byTier;
  private final Map<String, ModelProfile> byAgent;
  private final Map<String, Tier> knownAgents;

  private ModelRouting(Builder b) {
    this.byTier = Collections.unmodifiableMap(new EnumMap<>(b.byTier));
    this.byAgent = Collections.unmodifiableMap(new LinkedHashMap<>(b.byAgent));
    this.knownAgents = Collections.unmodifiableMap(new LinkedHashMap<>(b.knownAgents));
  }

  /** The default routing described in the class comment. */
  public static ModelRouting defaults() {
    Builder b = builder()
        .tier(Tier.SAFETY, ModelProfiles.CLAUDE_SONNET_4_5.withTemperature(0.3).withMaxTokens(8192))
        .tier(Tier.BUSINESS, ModelProfiles.CLAUDE_HAIKU_4_5.withTemperature(0.3).withMaxTokens(4096))
        .tier(Tier.ARBITRATOR, ModelProfiles.CLAUDE_SONNET_4_5.withTemperature(0.2).withMaxTokens(8192));
    return b.build();
  }

  /** An empty builder: no tier has a model until set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this routing's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.byTier.putAll(byTier);
    b.byAgent.putAll(byAgent);
    b.knownAgents.putAll(knownAgents);
    return b;
  }

  /**
   * The profile for an agent of the given tier: the agent's own override if set, else its tier's.
   *
   * @throws ModelConfigurationException if neither is configured
   */
  public ModelProfile profileFor(String agent, Tier tier) {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(tier, "tier");
    ModelProfile p = byAgent.get(agent);
    if (p == null) {
      p = byTier.get(tier);
    }
    if (p == null) {
      throw new ModelConfigurationException("no model configured for agent '" + agent + "' of tier "
          + tier + ": set one with ModelRouting.builder().tier(Tier." + tier + ", profile) or .agent(\""
          + agent + "\", profile)");
    }
    return p;
  }

  /**
   * The profile for an agent known by name (the Java {@code load_model_for_agent}).
   *
   * @throws ModelConfigurationException if the agent is unknown or its tier has no model
   */
  public ModelProfile profileForAgent(String agent) {
    return profileFor(agent, tierOf(agent));
  }

  /**
   * The tier of an agent known by name.
   *
   * @throws ModelConfigurationException naming the known agents if {@code agent} is not one
   */
  public Tier tierOf(String agent) {
    Tier tier = knownAgents.get(agent);
    if (tier == null) {
      throw new ModelConfigurationException("unknown agent '" + agent + "'; known agents: "
          + new TreeSet<>(knownAgents.keySet()));
    }
    return tier;
  }

  /** The agents whose model is overridden by name ({@link Builder#agent}), in order. */
  public java.util.Set<String> agentOverrides() {
    return byAgent.keySet();
  }

  /** The known agents and their tiers, in registration order. */
  public Map<String, Tier> knownAgents() {
    return knownAgents;
  }

  @Override
  public String toString() {
    return "ModelRouting{byTier=" + byTier + ", byAgent=" + byAgent.keySet() + "}";
  }

  /**
   * Builds a {@link ModelRouting}. Not thread-safe. Each setter checks its argument at once; a
   * setting given twice on this builder fails, naming it (a value copied by
   * {@link ModelRouting#toBuilder()} may be replaced once: that is what the copy is for).
   */
  public static final class Builder {
    private final Map<Tier, ModelProfile> byTier = new EnumMap<>(Tier.class);
    private final Map<String, ModelProfile> byAgent = new LinkedHashMap<>();
    private final Map<String, Tier> knownAgents = new LinkedHashMap<>();
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();

    private Builder() {}

    /** The model every agent of {@code tier} calls unless overridden per agent. */
    public Builder tier(Tier tier, ModelProfile profile) {
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(profile, "profile");
      given.once("tier(" + tier + ")");
      byTier.put(tier, profile);
      return this;
    }

    /** The model one agent calls, whatever its tier. */
    public Builder agent(String agent, ModelProfile profile) {
      requireName(agent);
      Objects.requireNonNull(profile, "profile");
      given.once("agent(" + agent + ")");
      byAgent.put(agent, profile);
      return this;
    }

    /** Registers an agent by name so {@link #profileForAgent} can find its tier. */
    public Builder knownAgent(String agent, Tier tier) {
      requireName(agent);
      Objects.requireNonNull(tier, "tier");
      given.once("knownAgent(" + agent + ")");
      knownAgents.put(agent, tier);
      return this;
    }

    public ModelRouting build() {
      return new ModelRouting(this);
    }

    private static String requireName(String agent) {
      Objects.requireNonNull(agent, "agent");
      if (agent.isBlank()) {
        throw new IllegalArgumentException("agent name must not be blank");
      }
      return agent;
    }
  }
}
