package io.skymarshal.prompt;

/**
 * Counts the tokens of a text for a model's tokenizer. Used as a proxy where a model backend
 * does not report usage (the offline model) and to measure prompts. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface TokenCounter {

  /** The number of tokens in {@code text}; 0 for the empty string. Special-token text counts as ordinary text. */
  int count(String text);

  /**
   * OpenAI's {@code cl100k_base} encoding (via jtokkit), fully offline. Claude's tokenizer is not
   * public; cl100k_base is the usual proxy and typically within about 10-20 % of it for English
   * and XML. The encoding table loads once, on first use, then the counter is cheap.
   *
   * <p>Needs {@code com.knuddels:jtokkit} on the class path: an optional dependency of
   * skymarshal-core, brought by skymarshal-airline (whose offline model counts with it).
   * Without it, {@link #count} throws {@link IllegalStateException} saying so.
   */
  static TokenCounter cl100k() {
    return Cl100kTokenCounter.INSTANCE;
  }
}
