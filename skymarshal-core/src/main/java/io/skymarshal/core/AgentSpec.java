package io.skymarshal.core;

import io.skymarshal.data.DataAccess;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.prompt.OptimizedPrompt;
import java.util.List;

/**
 * One specialist agent: the SPI a user implements to add an agent to a run.
 *
 * <p>In a run the engine calls, for each agent: {@link #gather} once (its batched reads), then
 * {@link #prompt} and the model and {@link #parse} in Phase 1, and again in Phase 2 with the
 * other agents' Phase-1 recommendations as {@code peers}. Implementations are stateless and
 * thread-safe; a run calls them from several threads.
 *
 * @param <I> what {@link #gather} produces and {@link #prompt} renders
 */
public interface AgentSpec<I> {

  /** A unique name, {@code [a-z0-9_]+}, e.g. {@code crew_compliance}. */
  String name();

  /** {@link Tier#SAFETY} or {@link Tier#BUSINESS}. */
  Tier tier();

  /** The static system prompt: the same for every run, so it can be prompt-cached. */
  String systemPrompt();

  /** The structured reply the agent wants, or null for free text. */
  default ReplyFormat replyFormat() {
    return null;
  }

  /** Reads the data the agent needs for {@code disruption}, in batched reads. */
  I gather(Disruption disruption, DataAccess data);

  /**
   * What follows from {@code input} by rule, computed in code once per run right after
   * {@link #gather}: for a SAFETY agent, the clearance the data allows, the binding constraints
   * its rules give and the aircraft and crew it examined. The engine binds the assessment to the
   * agent's recommendations of both phases whatever the model replies (see
   * {@link SafetyAssessment#bind}); it is ignored for BUSINESS agents.
   *
   * <p>The default assesses nothing: the agent's recommendations then examine no aircraft or crew,
   * and a plan can operate only what another SAFETY agent examined. A SAFETY agent whose rules can
   * be written as code should override this; safety must not depend on a model restating numbers.
   */
  default SafetyAssessment assess(Disruption disruption, I input) {
    return SafetyAssessment.none();
  }

  /**
   * The user message for {@code phase} ({@link Phase#INITIAL} or {@link Phase#REVISION}).
   *
   * @param peers in Phase 2, the Phase-1 recommendations of the other agents that succeeded;
   *              empty in Phase 1
   */
  OptimizedPrompt prompt(Phase phase, Disruption disruption, I input, List<Recommendation> peers);

  /**
   * In Phase 2, the user message that continues this agent's Phase-1 conversation, or empty (the
   * default) to send {@link #prompt} for {@link Phase#REVISION} on its own. When present, the
   * engine sends the Phase-1 user message again, unchanged and with a prompt-cache checkpoint
   * after it, then the Phase-1 reply, then this message: the model sees what it saw and said, the
   * backend can read the Phase-1 prefix from its prompt cache, and this message need carry only
   * what is new (the peers' recommendations). The Phase-1 message then also carries the
   * checkpoint, so Phase 1 writes the prefix that Phase 2 reads.
   *
   * @param peers the Phase-1 recommendations of the other agents that succeeded
   */
  default java.util.Optional<OptimizedPrompt> revisionFollowUp(Disruption disruption, I input,
      List<Recommendation> peers) {
    return java.util.Optional.empty();
  }

  /**
   * Turns the model's reply into a recommendation.
   *
   * @throws ReplyFormatException if the reply does not parse or a value is out of range
   */
  Recommendation parse(Phase phase, ModelReply reply);
}
