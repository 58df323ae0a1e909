package io.skymarshal.airline.agent;

import io.skymarshal.prompt.PromptStyle;
import java.util.Objects;

/**
 * How the airline agents write their prompts and what they ask the model to reply. Immutable.
 * {@link #of(PromptStyle)} has both levers off, as before they existed.
 *
 * @param style           XML (the default) or VERBOSE
 * @param continuation    Phase 2 continues the Phase-1 conversation
 *                        ({@link io.skymarshal.core.AgentSpec#revisionFollowUp}): the Phase-1 turn is
 *                        sent again unchanged, with a prompt-cache checkpoint after it, and the new
 *                        message carries only the peers' recommendations
 * @param constraintRefs  replies cite the constraints the agent computed in code by id ({@code refs})
 *                        instead of restating them, and Phase-2 replies say what changed; the
 *                        engine binds the computed constraints whatever the reply says, so a reply
 *                        that cites none still carries all of them
 * @param examples        the system prompts of the agents on Sonnet (the SAFETY agents and the
 *                        arbitrator) carry two worked examples of a reply in the {@code refs} form
 *                        (only with {@code constraintRefs}). They teach the reply shape, and they
 *                        bring each static prefix (reply schema and system prompt) past Sonnet 4.5's
 *                        1,024-token prompt-cache minimum, so every call after the first in five
 *                        minutes reads it at a tenth of the input price: more tokens, a smaller bill
 * @param safetyPeersOnly in Phase 2 a SAFETY agent is shown only the other SAFETY agents'
 *                        recommendations: what is safe follows from groundings, limits and curfews,
 *                        never from business preferences, so a safety revision is kept independent
 *                        of them, and the Sonnet calls carry fewer tokens. BUSINESS agents still see
 *                        every peer
 */
public record PromptOptions(PromptStyle style, boolean continuation, boolean constraintRefs, boolean examples,
    boolean safetyPeersOnly) {

  public PromptOptions {
    Objects.requireNonNull(style, "style");
  }

  /** {@code style} with the levers off. */
  public static PromptOptions of(PromptStyle style) {
    return new PromptOptions(style, false, false, false, false);
  }

  /** XML prompts with every lever on: what the performance suite's optimized configuration uses. */
  public static PromptOptions optimized() {
    return new PromptOptions(PromptStyle.XML, true, true, true, true);
  }

  public PromptOptions withContinuation(boolean on) {
    return new PromptOptions(style, on, constraintRefs, examples, safetyPeersOnly);
  }

  public PromptOptions withConstraintRefs(boolean on) {
    return new PromptOptions(style, continuation, on, examples, safetyPeersOnly);
  }

  public PromptOptions withExamples(boolean on) {
    return new PromptOptions(style, continuation, constraintRefs, on, safetyPeersOnly);
  }

  public PromptOptions withSafetyPeersOnly(boolean on) {
    return new PromptOptions(style, continuation, constraintRefs, examples, on);
  }
}
