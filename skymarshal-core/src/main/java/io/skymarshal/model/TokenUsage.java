package io.skymarshal.model;

/**
 * Tokens one or more model calls consumed. Immutable; {@link #plus} adds.
 *
 * <p>Sums never throw: {@link #plus} and {@link #totalInputTokens()} saturate at
 * {@link Long#MAX_VALUE}, and {@link #saturated()} says when a count reached it, so a report
 * built from any usage can always be summed, logged and written. The engine itself never adds a
 * reply's usage that {@linkplain #exceedsCallLimit() exceeds} {@link #MAX_PER_CALL}: it fails that
 * call as a broken backend (a permanent {@link ModelException}), so the totals of a run stay exact.
 *
 * @param inputTokens      input tokens billed at the input price (not read from or written to a cache)
 * @param outputTokens     generated tokens
 * @param cacheReadTokens  input tokens read from the prompt cache
 * @param cacheWriteTokens input tokens written to the prompt cache
 */
public record TokenUsage(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens) {

  /**
   * The most tokens of one kind (input, output, cache read, cache write) one model reply may
   * report: {@value}, a thousand times the largest context window offered today. A reply
   * reporting more is treated by the engine as a broken backend.
   */
  public static final long MAX_PER_CALL = 1_000_000_000L;

  /** No tokens. */
  public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0);

  public TokenUsage {
    if (inputTokens < 0 || outputTokens < 0 || cacheReadTokens < 0 || cacheWriteTokens < 0) {
      throw new IllegalArgumentException("token counts must be >= 0: " + inputTokens + "/"
          + outputTokens + "/" + cacheReadTokens + "/" + cacheWriteTokens);
    }
  }

  /** Usage without caching. */
  public static TokenUsage of(long inputTokens, long outputTokens) {
    return new TokenUsage(inputTokens, outputTokens, 0, 0);
  }

  /** The sum of this and {@code other}, each count saturating at {@link Long#MAX_VALUE}. */
  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(add(inputTokens, other.inputTokens), add(outputTokens, other.outputTokens),
        add(cacheReadTokens, other.cacheReadTokens), add(cacheWriteTokens, other.cacheWriteTokens));
  }

  /** All input tokens, cached or not; saturates at {@link Long#MAX_VALUE}. */
  public long totalInputTokens() {
    return add(add(inputTokens, cacheReadTokens), cacheWriteTokens);
  }

  /**
   * Whether a count is {@link Long#MAX_VALUE}: a sum that saturated, so the true figure is at
   * least that and not exact.
   */
  public boolean saturated() {
    return inputTokens == Long.MAX_VALUE || outputTokens == Long.MAX_VALUE || cacheReadTokens == Long.MAX_VALUE
        || cacheWriteTokens == Long.MAX_VALUE;
  }

  /** Whether any count is above {@link #MAX_PER_CALL}: more than one reply can plausibly report. */
  public boolean exceedsCallLimit() {
    return inputTokens > MAX_PER_CALL || outputTokens > MAX_PER_CALL || cacheReadTokens > MAX_PER_CALL
        || cacheWriteTokens > MAX_PER_CALL;
  }

  // both are >= 0, so an overflow shows as a negative sum
  private static long add(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
