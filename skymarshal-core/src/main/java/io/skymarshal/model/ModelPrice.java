package io.skymarshal.model;

/**
 * List prices of a model in US dollars per million tokens.
 *
 * @param input      uncached input
 * @param output     output
 * @param cacheRead  input read from the prompt cache
 * @param cacheWrite input written to the prompt cache
 */
public record ModelPrice(double input, double output, double cacheRead, double cacheWrite) {

  public ModelPrice {
    if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite < 0) {
      throw new IllegalArgumentException("prices must be >= 0");
    }
  }

  /** The cost of {@code usage} in US dollars. */
  public double costUsd(TokenUsage usage) {
    return (usage.inputTokens() * input + usage.outputTokens() * output
        + usage.cacheReadTokens() * cacheRead + usage.cacheWriteTokens() * cacheWrite) / 1_000_000.0;
  }
}
