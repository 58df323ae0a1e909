package io.skymarshal.airline.agent;

import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.SafetyAssessment;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.prompt.OptimizedPrompt;
import io.skymarshal.prompt.PromptComposer;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.prompt.Task;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent kit: what the seven airline agents share, and the base a user extends to add a
 * specialist of their own. A subclass says only what it reads: it implements {@link #gather},
 * reading with {@link Reads} (one batched read per table, every key not delivered noted in the
 * prompt) and returning its {@code <data>} element as an {@link AgentInput}. The base supplies the
 * rest: the Phase-1 and Phase-2 prompts (the {@code <disruption>} element, its data, the peers'
 * recommendations), the JSON reply schema of its vocabulary (forced as a tool on Bedrock), strict
 * reply parsing, and for a SAFETY agent the clearance its action states and the
 * {@link SafetyAssessment} its gather computed in code ({@link SafetyFacts}).
 *
 * <pre>{@code
 * final class FuelAgent extends AirlineAgent {
 *   FuelAgent() {
 *     super("fuel", Tier.BUSINESS, BusinessActions.ALL, "<role>fuel</role><rules>...</rules>", PromptStyle.XML);
 *   }
 *   public AgentInput gather(Disruption d, DataAccess data) {
 *     Reads reads = new Reads(data);
 *     FuelPrice p = reads.start(FUEL, List.of(d.flight().origin())).found().get(d.flight().origin());
 *     XmlElement.Builder out = XmlElement.builder("data");
 *     if (p != null) out.child(XmlElement.builder("fuel").attr("usdPerKg", p.usdPerKg()));
 *     return new AgentInput(out.children(reads.notes()).build());
 *   }
 * }
 * }</pre>
 *
 * Subclasses must be immutable and thread-safe: a run calls them from several threads.
 */
public abstract class AirlineAgent implements AgentSpec<AgentInput> {
  static final Task INITIAL_TASK = new Task("assess from rules+data; reply JSON",
      "Please assess the disruption using the rules in your instructions and the data above, and reply with"
          + " your recommendation in the required JSON format.");
  static final Task REVISION_TASK = new Task("revise with context; keep own constraints unless data refutes; reply JSON",
      "Please review the other agents' recommendations above and reply with your revised recommendation in the"
          + " required JSON format. Keep your own binding constraints unless the data shows they are wrong.");

  static final Task REVISION_TASK_REFS = new Task("revise with context; keep own constraints unless data refutes;"
      + " reasoning: only what changed; reply JSON",
      "Please review the other agents' recommendations above and reply with your revised recommendation in the"
          + " required JSON format. Keep your own binding constraints unless the data shows they are wrong. In the"
          + " reasoning, say only what changed since your initial recommendation, or that nothing did.");

  static final Task REVISION_TASK_CHANGES = new Task("revise with context; reasoning: only what changed; reply JSON",
      "Please review the other agents' recommendations above and reply with your revised recommendation in the"
          + " required JSON format. In the reasoning, say only what changed since your initial recommendation, or that"
          + " nothing did.");

  private final String name;
  private final Tier tier;
  private final List<String> vocabulary;
  private final List<String> constraintKinds;
  private final PromptComposer composer;
  private final String systemPrompt;
  private final ReplyFormat replyFormat;
  private final Map<String, Clearance.Reason> refusals;
  private final PromptOptions options;

  /**
   * @param constraintKinds the binding constraint kinds the agent states (none for a business agent);
   *                        a reply with another kind is a format error
   */
  AirlineAgent(String name, Tier tier, List<String> vocabulary, List<String> constraintKinds, PromptOptions options) {
    this(name, tier, vocabulary, constraintKinds, Map.of(), options);
  }

  /**
   * @param refusals for a SAFETY agent, the actions that do not clear the flight and the reason
   *                 each gives; every other action clears it subject to the agent's constraints
   */
  AirlineAgent(String name, Tier tier, List<String> vocabulary, List<String> constraintKinds,
      Map<String, Clearance.Reason> refusals, PromptOptions options) {
    this(name, tier, vocabulary, constraintKinds, refusals, Prompts.system(name, tier, options), options);
  }

  /**
   * A BUSINESS agent of your own: it states no binding constraints.
   *
   * @param name         unique, {@code [a-z0-9_]+}
   * @param tier         {@link Tier#BUSINESS} (use the other constructor for a SAFETY agent)
   * @param vocabulary   the actions it may recommend, e.g. {@link BusinessActions#ALL}
   * @param systemPrompt its static instructions (cacheable): compact rules, no prose
   * @param style        the style its user prompts are written in
   * @throws IllegalArgumentException if a value is blank or empty, or the tier is not BUSINESS
   */
  protected AirlineAgent(String name, Tier tier, List<String> vocabulary, String systemPrompt, PromptStyle style) {
    this(name, requireBusiness(name, tier), vocabulary, List.of(), Map.of(), systemPrompt,
        PromptOptions.of(Objects.requireNonNull(style, "style")));
  }

  /**
   * An agent of your own of either tier. A SAFETY agent should compute in {@link #gather} what
   * follows from its data by rule ({@link SafetyFacts}): its recommendations examine only the
   * aircraft and crew that assessment names.
   *
   * @param constraintKinds the binding constraint kinds it states (of
   *                        {@link io.skymarshal.airline.constraint.BindingConstraints#KINDS}); a reply
   *                        with another kind is a format error
   * @param refusals        for a SAFETY agent, the actions that do not clear the flight and the reason
   *                        each gives; every other action clears it subject to its constraints
   * @throws IllegalArgumentException if a value is blank or empty, or a refusal is not in the vocabulary
   */
  protected AirlineAgent(String name, Tier tier, List<String> vocabulary, List<String> constraintKinds,
      Map<String, Clearance.Reason> refusals, String systemPrompt, PromptStyle style) {
    this(name, tier, vocabulary, constraintKinds, refusals, systemPrompt, PromptOptions.of(Objects.requireNonNull(style,
        "style")));
  }

  private AirlineAgent(String name, Tier tier, List<String> vocabulary, List<String> constraintKinds,
      Map<String, Clearance.Reason> refusals, String systemPrompt, PromptOptions options) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(systemPrompt, "systemPrompt");
    if (name.isBlank() || vocabulary.isEmpty() || systemPrompt.isBlank()) {
      throw new IllegalArgumentException("agent " + name + ": name, vocabulary and system prompt must not be empty");
    }
    for (String kind : constraintKinds) {
      if (!io.skymarshal.airline.constraint.BindingConstraints.KINDS.contains(kind)) {
        throw new IllegalArgumentException("agent " + name + ": constraint kind '" + kind + "' is not one of "
            + io.skymarshal.airline.constraint.BindingConstraints.KINDS);
      }
    }
    if (!vocabulary.containsAll(refusals.keySet())) {
      throw new IllegalArgumentException("agent " + name + ": refusals " + refusals.keySet()
          + " must be actions of its vocabulary " + vocabulary);
    }
    this.refusals = Map.copyOf(refusals);
    this.name = name;
    this.tier = tier;
    this.vocabulary = List.copyOf(vocabulary);
    this.constraintKinds = List.copyOf(constraintKinds);
    this.options = Objects.requireNonNull(options, "options");
    this.composer = Prompts.composer(options.style());
    this.systemPrompt = systemPrompt;
    this.replyFormat = ReplyFormats.agent(name, vocabulary, constraintKinds, options.constraintRefs() && tier == Tier.SAFETY);
  }

  private static Tier requireBusiness(String name, Tier tier) {
    if (tier != Tier.BUSINESS) {
      throw new IllegalArgumentException("agent " + name + ": this constructor is for BUSINESS agents, not " + tier);
    }
    return tier;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Tier tier() {
    return tier;
  }

  @Override
  public final String systemPrompt() {
    return systemPrompt;
  }

  @Override
  public final ReplyFormat replyFormat() {
    return replyFormat;
  }

  /** The actions this agent may recommend. */
  protected final List<String> vocabulary() {
    return vocabulary;
  }

  /** The style its prompts are written in. */
  protected final PromptStyle style() {
    return composer.style();
  }

  /**
   * @throws IllegalArgumentException for {@link Phase#ARBITRATION}, which is the arbitrator's
   */
  @Override
  public final OptimizedPrompt prompt(Phase phase, Disruption disruption, AgentInput input, List<Recommendation> peers) {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(input, "input");
    return switch (phase) {
      case INITIAL -> composer.initial(DisruptionXml.of(disruption), input.data(), INITIAL_TASK);
      case REVISION -> composer.revision(DisruptionXml.of(disruption), input.data(), shown(peers), revisionTask());
      case ARBITRATION -> throw new IllegalArgumentException(name + " has no arbitration prompt");
    };
  }

  /**
   * With {@link PromptOptions#continuation()}, the Phase-2 message that continues the Phase-1
   * conversation: only the peers' recommendations and the task. Present or absent whatever the
   * peers (the engine asks in Phase 1 to know whether to mark the Phase-1 turn for the cache).
   */
  @Override
  public final Optional<OptimizedPrompt> revisionFollowUp(Disruption disruption, AgentInput input,
      List<Recommendation> peers) {
    if (!options.continuation()) {
      return Optional.empty();
    }
    return Optional.of(composer.followUp(shown(peers), revisionTask()));
  }

  /** The peers a Phase-2 prompt shows: with {@link PromptOptions#safetyPeersOnly()}, a SAFETY agent sees only SAFETY peers. */
  private List<Recommendation> shown(List<Recommendation> peers) {
    if (!options.safetyPeersOnly() || tier != Tier.SAFETY) {
      return peers;
    }
    return peers.stream().filter(p -> p.tier() == Tier.SAFETY).toList();
  }

  private Task revisionTask() {
    if (!options.constraintRefs()) {
      return REVISION_TASK;
    }
    return tier == Tier.SAFETY ? REVISION_TASK_REFS : REVISION_TASK_CHANGES;
  }

  /** The options its prompts and replies follow. */
  protected final PromptOptions promptOptions() {
    return options;
  }

  /** The assessment made in {@link #gather}; the engine binds it to every recommendation. */
  @Override
  public final SafetyAssessment assess(Disruption disruption, AgentInput input) {
    return input.assessment();
  }

  /**
   * The reply as a recommendation; for a SAFETY agent its clearance follows from the action: a
   * refusing action (e.g. DENIED, AOG, VIOLATION) does not clear, with the reasoning as detail.
   */
  @Override
  public final Recommendation parse(Phase phase, ModelReply reply) {
    Recommendation r = Replies.recommendation(name, tier, phase, vocabulary, constraintKinds, reply.text(),
        options.constraintRefs() && tier == Tier.SAFETY);
    if (tier != Tier.SAFETY) {
      return r;
    }
    return r.withClearance(clearanceOf(r));
  }

  /**
   * The clearance a SAFETY reply states: cleared, subject to its constraints, unless its action is
   * one of the refusals given at construction.
   */
  Clearance clearanceOf(Recommendation r) {
    Clearance.Reason refused = refusals.get(r.action());
    return refused == null ? Clearance.cleared()
        : Clearance.notCleared(refused, r.action() + ": " + ScheduleConflicts.shortened(r.reasoning(), 160));
  }

  @Override
  public String toString() {
    return name + " (" + tier + ", " + composer.style() + ")";
  }
}
