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

  public ModelReply {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(stopReason, "stopReason");
  }

  /** Whether any input was read from the prompt cache. */
  public boolean readFromCache() {
    return usage.cacheReadTokens() > 0;
  }
}
