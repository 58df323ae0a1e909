package io.skymarshal.model;

import java.util.Objects;

/**
 * One turn of a conversation with a model.
 *
 * @param role       who speaks
 * @param text       what is said
 * @param cachePoint whether a prompt-cache checkpoint follows this turn: everything before it
 *                   (tools, system prompt, earlier turns and this one) may be written to the cache
 *                   and read by a later request that starts with the same prefix. A backend places
 *                   it only where that prefix reaches the model's minimum
 *                   ({@link ModelProfile#minCacheTokens()}); below it the checkpoint is ignored.
 */
public record Message(Role role, String text, boolean cachePoint) {

  /** Who speaks a {@link Message}. */
  public enum Role { USER, ASSISTANT }

  public Message {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
  }

  /** A turn with no cache checkpoint after it. */
  public Message(Role role, String text) {
    this(role, text, false);
  }

  public static Message user(String text) {
    return new Message(Role.USER, text);
  }

  public static Message assistant(String text) {
    return new Message(Role.ASSISTANT, text);
  }

  /** This turn with a prompt-cache checkpoint after it. */
  public Message withCachePoint() {
    return new Message(role, text, true);
  }

  /** This turn without a prompt-cache checkpoint. */
  public Message withoutCachePoint() {
    return cachePoint ? new Message(role, text, false) : this;
  }
}
