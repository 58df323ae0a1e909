package io.skymarshal.airline.agent;

import io.skymarshal.airline.rules.ConnectionRules;
import io.skymarshal.airline.rules.CrewRules;
import io.skymarshal.airline.rules.FaultRules;
import io.skymarshal.airline.rules.RegulatoryRules;
import io.skymarshal.airline.rules.Eu261;
import io.skymarshal.airline.rules.MelRules;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.model.ModelRouting;
import io.skymarshal.prompt.PromptStyle;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The airline agent pack: the seven agents of the domain and their arbitrator.
 *
 * <pre>{@code
 * Orchestrator.builder().agents(AirlineAgents.all()).arbitrator(AirlineAgents.arbitrator()) ...
 * }</pre>
 *
 * <p>{@link #all()} returns, in this order, crew_compliance, maintenance, regulatory (SAFETY) and
 * network, guest_experience, cargo, finance (BUSINESS). Each reads its tables of
 * {@link io.skymarshal.airline.AirlineTables} with one batched read per table, writes compact XML
 * prompts ({@link PromptStyle#XML}, the default) or the earlier prose-and-JSON style
 * ({@link PromptStyle#VERBOSE}, the measured baseline), and reads the agreed JSON replies
 * (a bad reply throws {@link io.skymarshal.core.ReplyFormatException}). The rules use their
 * defaults ({@code MelRules}, {@code ConnectionRules}, {@code Eu261}); a swap to a spare aircraft
 * is assumed to take {@link #DEFAULT_SWAP_LEAD} before departure. Agents are immutable and
 * thread-safe.
 */
public final class AirlineAgents {
  /** How long after the scheduled departure a flight swapped to a spare aircraft leaves: 90 minutes. */
  public static final Duration DEFAULT_SWAP_LEAD = Duration.ofMinutes(90);

  /** Agent names in canonical order. */
  public static final List<String> NAMES = List.of(CrewComplianceAgent.NAME, MaintenanceAgent.NAME,
      RegulatoryAgent.NAME, NetworkAgent.NAME, GuestExperienceAgent.NAME, CargoAgent.NAME, FinanceAgent.NAME);

  private AirlineAgents() {}

  /** The seven agents writing XML prompts. */
  public static List<AgentSpec<?>> all() {
    return all(PromptStyle.XML);
  }

  /** The seven agents writing prompts in {@code style}. */
  public static List<AgentSpec<?>> all(PromptStyle style) {
    Objects.requireNonNull(style, "style");
    return all(PromptOptions.of(style));
  }

  /**
   * The seven agents writing prompts and asking for replies as {@code options} say (e.g.
   * {@link PromptOptions#optimized()}: Phase 2 continues the Phase-1 conversation, replies cite
   * computed constraints by id).
   */
  public static List<AgentSpec<?>> all(PromptOptions options) {
    Objects.requireNonNull(options, "options");
    PromptOptions style = options;
    return List.of(new CrewComplianceAgent(style, CrewRules.defaults()),
        new MaintenanceAgent(style, MelRules.defaults(), FaultRules.defaults()),
        new RegulatoryAgent(style, RegulatoryRules.defaults()), new NetworkAgent(style),
        new GuestExperienceAgent(style, ConnectionRules.standard(), Eu261.defaults()), new CargoAgent(style),
        new FinanceAgent(style, Eu261.defaults()));
  }

  /**
   * {@link ModelRouting#defaults()} with the seven agents and the arbitrator known by name, so
   * {@link ModelRouting#profileForAgent} and {@link ModelRouting#tierOf} answer for them.
   */
  public static ModelRouting routing() {
    ModelRouting.Builder b = ModelRouting.defaults().toBuilder();
    all().forEach(a -> b.knownAgent(a.name(), a.tier()));
    return b.knownAgent(AirlineArbitrator.NAME, io.skymarshal.core.Tier.ARBITRATOR).build();
  }

  /**
   * A builder starting from the seven agents in XML style, to add agents of your own, replace one
   * of the seven or drop one. Dropping a SAFETY agent removes a safety opinion the engine would
   * otherwise require: do it only when another agent of yours takes its place.
   *
   * <pre>{@code
   * List<AgentSpec<?>> agents = AirlineAgents.builder().add(new FuelAgent()).build();
   * }</pre>
   */
  public static Builder builder() {
    return new Builder(all());
  }

  /** Builds a list of agents. Not thread-safe; every change is checked at once. */
  public static final class Builder {
    private final java.util.LinkedHashMap<String, AgentSpec<?>> agents = new java.util.LinkedHashMap<>();

    private Builder(List<AgentSpec<?>> start) {
      start.forEach(a -> agents.put(a.name(), a));
    }

    /**
     * Adds {@code agent} after the others.
     *
     * @throws IllegalArgumentException if an agent of that name is already in the list
     */
    public Builder add(AgentSpec<?> agent) {
      Objects.requireNonNull(agent, "agent");
      if (agents.putIfAbsent(agent.name(), agent) != null) {
        throw new IllegalArgumentException("agent '" + agent.name() + "' is already in the list " + agents.keySet()
            + "; use replace to swap it");
      }
      return this;
    }

    /**
     * Puts {@code agent} in the place of the agent of the same name.
     *
     * @throws IllegalArgumentException if there is no such agent, or the tier differs
     */
    public Builder replace(AgentSpec<?> agent) {
      Objects.requireNonNull(agent, "agent");
      AgentSpec<?> old = agents.get(agent.name());
      if (old == null) {
        throw new IllegalArgumentException("no agent '" + agent.name() + "' to replace; agents: " + agents.keySet());
      }
      if (old.tier() != agent.tier()) {
        throw new IllegalArgumentException("agent '" + agent.name() + "' is " + old.tier() + "; its replacement is "
            + agent.tier());
      }
      agents.put(agent.name(), agent);
      return this;
    }

    /**
     * Removes the agent named {@code name}.
     *
     * @throws IllegalArgumentException if there is no such agent
     */
    public Builder drop(String name) {
      Objects.requireNonNull(name, "name");
      if (agents.remove(name) == null) {
        throw new IllegalArgumentException("no agent '" + name + "' to drop; agents: " + agents.keySet());
      }
      return this;
    }

    /** The agents, in order: the remaining seven, then those added. */
    public List<AgentSpec<?>> build() {
      return List.copyOf(agents.values());
    }
  }

  /** The arbitrator writing XML prompts. */
  public static ArbitratorSpec arbitrator() {
    return arbitrator(PromptStyle.XML);
  }

  /** The arbitrator writing prompts in {@code style}. */
  /**
   * The arbitrator as {@code options} write it (with {@link PromptOptions#examples()}, its system
   * prompt carries worked examples).
   */
  public static ArbitratorSpec arbitrator(PromptOptions options) {
    return new AirlineArbitrator(Objects.requireNonNull(options, "options"), DEFAULT_SWAP_LEAD);
  }

  /** The arbitrator writing prompts in {@code style}. */
  public static ArbitratorSpec arbitrator(PromptStyle style) {
    return new AirlineArbitrator(Objects.requireNonNull(style, "style"), DEFAULT_SWAP_LEAD);
  }
}
