package io.skymarshal.model;

import java.util.Objects;

/**
 * One turn of a conversation with a model.
 *
 * @param role who speaks
 * @param text what is said
 */
public record Message(Role role, String text) {

  /** Who speaks a {@link Message}. */
  public enum Role { USER, ASSISTANT }

  public Message {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
  }

  public static Message user(String text) {
    return new Message(Role.USER, text);
  }

  public static Message assistant(String text) {
    return new Message(Role.ASSISTANT, text);
  }
}
