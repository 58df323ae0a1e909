package io.skymarshal.prompt;

import java.util.Objects;

/**
 * The user message of one model call, rendered in a {@link PromptStyle}. Immutable.
 */
public final class OptimizedPrompt {
  private final PromptStyle style;
  private final String text;

  private OptimizedPrompt(PromptStyle style, String text) {
    this.style = Objects.requireNonNull(style, "style");
    this.text = Objects.requireNonNull(text, "text");
  }

  /** A prompt of already rendered {@code text}. */
  public static OptimizedPrompt of(PromptStyle style, String text) {
    return new OptimizedPrompt(style, text);
  }

  /** The style it is written in. */
  public PromptStyle style() {
    return style;
  }

  /** The text sent to the model. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
