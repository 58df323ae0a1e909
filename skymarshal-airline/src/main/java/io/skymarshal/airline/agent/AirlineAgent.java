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

/**
 * What the seven airline agents share: the system prompt of their style, the reply format of
 * their vocabulary, the Phase-1 and Phase-2 prompts around their {@code <data>}, and reply
 * parsing. A subclass says what it reads. Immutable and thread-safe.
 */
abstract class AirlineAgent implements AgentSpec<AgentInput> {
  static final Task INITIAL_TASK = new Task("assess from rules+data; reply JSON",
      "Please assess the disruption using the rules in your instructions and the data above, and reply with"
          + " your recommendation in the required JSON format.");
  static final Task REVISION_TASK = new Task("revise with context; keep own constraints unless data refutes; reply JSON",
      "Please review the other agents' recommendations above and reply with your revised recommendation in the"
          + " required JSON format. Keep your own binding constraints unless the data shows they are wrong.");

  private final String name;
  private final Tier tier;
  private final List<String> vocabulary;
  private final List<String> constraintKinds;
  private final PromptComposer composer;
  private final String systemPrompt;
  private final ReplyFormat replyFormat;
  private final Map<String, Clearance.Reason> refusals;

  /**
   * @param constraintKinds the binding constraint kinds the agent states (none for a business agent);
   *                        a reply with another kind is a format error
   */
  AirlineAgent(String name, Tier tier, List<String> vocabulary, List<String> constraintKinds, PromptStyle style) {
    this(name, tier, vocabulary, constraintKinds, Map.of(), style);
  }

  /**
   * @param refusals for a SAFETY agent, the actions that do not clear the flight and the reason
   *                 each gives; every other action clears it subject to the agent's constraints
   */
  AirlineAgent(String name, Tier tier, List<String> vocabulary, List<String> constraintKinds,
      Map<String, Clearance.Reason> refusals, PromptStyle style) {
    this.refusals = Map.copyOf(refusals);
    this.name = name;
    this.tier = tier;
    this.vocabulary = List.copyOf(vocabulary);
    this.constraintKinds = List.copyOf(constraintKinds);
    this.composer = Prompts.composer(Objects.requireNonNull(style, "style"));
    this.systemPrompt = Prompts.system(name, style);
    this.replyFormat = ReplyFormats.agent(name, vocabulary, constraintKinds);
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
  final List<String> vocabulary() {
    return vocabulary;
  }

  /** The style its prompts are written in. */
  final PromptStyle style() {
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
      case REVISION -> composer.revision(DisruptionXml.of(disruption), input.data(), peers, REVISION_TASK);
      case ARBITRATION -> throw new IllegalArgumentException(name + " has no arbitration prompt");
    };
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
    Recommendation r = Replies.recommendation(name, tier, phase, vocabulary, constraintKinds, reply.text());
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
