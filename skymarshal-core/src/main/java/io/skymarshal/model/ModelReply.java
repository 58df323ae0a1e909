package io.skymarshal.model;

import java.util.Objects;

/**
 * What a model answered. Immutable.
 *
 * @param text       the reply: with a {@link ReplyFormat}, the JSON object; otherwise free text
 * @param usage      tokens the call consumed, as the backend reported them (or estimated)
 * @param modelId    the model that answered
 * @param stopReason why generation stopped, as the backend says it (e.g. {@code end_turn},
 *                   {@code tool_use}, {@code max_tokens})
 */
public record ModelReply(String text, TokenUsage usage, String modelId, String stopReason) {

  /** The stop reason of a reply cut off at the request's output limit ({@link ModelProfile#maxTokens()}). */
  public static final String STOP_MAX_TOKENS = "max_tokens";

  public ModelReply {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(stopReason, "stopReason");
  }

  /** Whether generation stopped at the output limit: the reply may be cut off mid-way. */
  public boolean hitMaxTokens() {
    return STOP_MAX_TOKENS.equals(stopReason);
  }

  /** Whether any input was read from the prompt cache. */
  public boolean readFromCache() {
    return usage.cacheReadTokens() > 0;
  }
}
