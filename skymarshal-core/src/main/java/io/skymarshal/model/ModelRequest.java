package io.skymarshal.model;

import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import java.util.List;
import java.util.Objects;

/**
 * One call to a model. Immutable.
 *
 * @param agent             the agent (or arbitrator) calling, for logs and errors
 * @param tier              the caller's tier
 * @param phase             the phase of the run
 * @param profile           the model and its inference settings
 * @param systemPrompt      the static system prompt; identical across runs, so cacheable
 * @param cacheSystemPrompt whether the system prompt is static and may be cached; the engine sets
 *                          it for every agent and the arbitrator, and the backend places a cache
 *                          checkpoint only where the prefix reaches the model's minimum
 *                          ({@link ModelProfile#minCacheTokens()})
 * @param messages          the conversation, starting and ending with a user message
 * @param replyFormat       the structured reply wanted, or null for free text
 */
public record ModelRequest(String agent, Tier tier, Phase phase, ModelProfile profile,
    String systemPrompt, boolean cacheSystemPrompt, List<Message> messages, ReplyFormat replyFormat) {

  public ModelRequest {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(systemPrompt, "systemPrompt");
    messages = List.copyOf(messages);
    if (messages.isEmpty() || messages.get(messages.size() - 1).role() != Message.Role.USER) {
      throw new IllegalArgumentException("messages must end with a user message");
    }
  }

  /** The model id this request addresses. */
  public String modelId() {
    return profile.modelId();
  }

  /** The last user message: what the model is asked now. */
  public String lastUserText() {
    return messages.get(messages.size() - 1).text();
  }

  /** A copy of this request whose profile allows {@code maxTokens} output tokens (used to re-ask a cut reply). */
  public ModelRequest withMaxTokens(int maxTokens) {
    return new ModelRequest(agent, tier, phase, profile.withMaxTokens(maxTokens), systemPrompt, cacheSystemPrompt,
        messages, replyFormat);
  }

  /** A copy of this request with {@code more} messages appended (used for a re-ask). */
  public ModelRequest withMoreMessages(List<Message> more) {
    List<Message> all = new java.util.ArrayList<>(messages);
    all.addAll(more);
    return new ModelRequest(agent, tier, phase, profile, systemPrompt, cacheSystemPrompt, all, replyFormat);
  }
}
