package io.skymarshal.prompt;

import java.util.Objects;

/**
 * What a prompt asks the model to do, written twice: {@code compact} for {@link PromptStyle#XML}
 * (the text of {@code <task>}) and {@code prose} for {@link PromptStyle#VERBOSE}. Both carry the
 * same instruction. Written by code, never from data.
 *
 * @param compact terse instruction, e.g. {@code recommend; JSON reply}
 * @param prose   the same instruction as sentences for people
 */
public record Task(String compact, String prose) {

  public Task {
    Objects.requireNonNull(compact, "compact");
    Objects.requireNonNull(prose, "prose");
    if (compact.isBlank()) {
      throw new IllegalArgumentException("a task's compact text must not be blank");
    }
  }
}
