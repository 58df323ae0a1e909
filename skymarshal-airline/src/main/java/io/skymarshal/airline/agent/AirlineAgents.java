package io.skymarshal.airline.agent;

import io.skymarshal.airline.rules.ConnectionRules;
import io.skymarshal.airline.rules.CrewRules;
import io.skymarshal.airline.rules.FaultRules;
import io.skymarshal.airline.rules.RegulatoryRules;
import io.skymarshal.airline.rules.Eu261;
import io.skymarshal.airline.rules.MelRules;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitratorSpec;
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
    return List.of(new CrewComplianceAgent(style, CrewRules.defaults()),
        new MaintenanceAgent(style, MelRules.defaults(), FaultRules.defaults()),
        new RegulatoryAgent(style, RegulatoryRules.defaults()), new NetworkAgent(style),
        new GuestExperienceAgent(style, ConnectionRules.standard(), Eu261.defaults()), new CargoAgent(style),
        new FinanceAgent(style, Eu261.defaults()));
  }

  /** The arbitrator writing XML prompts. */
  public static ArbitratorSpec arbitrator() {
    return arbitrator(PromptStyle.XML);
  }

  /** The arbitrator writing prompts in {@code style}. */
  public static ArbitratorSpec arbitrator(PromptStyle style) {
    return new AirlineArbitrator(Objects.requireNonNull(style, "style"), DEFAULT_SWAP_LEAD);
  }
}
