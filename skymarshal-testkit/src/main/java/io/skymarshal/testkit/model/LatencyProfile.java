package io.skymarshal.testkit.model;

import io.skymarshal.model.TokenUsage;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long a model takes to answer, as a function of the tokens of one call: a time to first
 * token, uncached input at a prefill rate, cached input at a faster rate, output at a decode rate,
 * and seeded jitter with a heavy tail. Immutable and thread-safe.
 *
 * <p>Latency of one call, in model time:
 * <pre>
 *   ttft * j1  +  (input + cacheWrite) / prefillRate  +  cacheRead / cacheReadRate  +  output / decodeRate * j2
 * </pre>
 * multiplied by a tail factor drawn uniformly from [{@code 1.5}, {@code tailFactorMax}] with
 * probability {@code tailProbability} (else 1); {@code j1} and {@code j2} are log-normal with median
 * 1 and standard deviation {@code jitterSigma} of their logarithm.
 *
 * @param name                 for reports
 * @param timeToFirstToken     median time to the first token of a short prompt
 * @param prefillTokensPerSecond  uncached input tokens processed a second
 * @param cacheReadTokensPerSecond input tokens read from the prompt cache a second
 * @param outputTokensPerSecond   median decode rate
 * @param jitterSigma          standard deviation of the logarithm of each jitter factor, >= 0
 * @param tailProbability      chance a call is slowed by a tail factor, in [0, 1]
 * @param tailFactorMax        largest tail factor, >= 1.5
 * @param source               where the figures come from
 */
public record LatencyProfile(String name, Duration timeToFirstToken, double prefillTokensPerSecond,
    double cacheReadTokensPerSecond, double outputTokensPerSecond, double jitterSigma, double tailProbability,
    double tailFactorMax, String source) {

  /**
   * Claude Sonnet 4.5: 1.80 s to the first token and 63 output tokens a second, the figures
   * Artificial Analysis measured on Anthropic's API (artificialanalysis.ai, Claude 4.5 Sonnet, as
   * quoted in https://lattice.uptownhr.com/claude-opus-4-5/speed-analysis, 2025-11). Prefill
   * (8,000 tokens a second) and cache reads (40,000) are not published per model; they are
   * assumptions of the same order as the time-to-first-token difference between short and 10k-token
   * prompts. Jitter sigma 0.15, a 3 % tail up to 3x: assumptions.
   */
  public static final LatencyProfile CLAUDE_SONNET_4_5 = new LatencyProfile("Claude Sonnet 4.5",
      Duration.ofMillis(1800), 8_000, 40_000, 63, 0.15, 0.03, 3.0,
      "Artificial Analysis (Anthropic API): TTFT 1.80 s, 63 tokens/s; prefill and cache-read rates assumed");

  /**
   * Claude Haiku 4.5: 0.48 s to the first token and 53 output tokens a second, the figures
   * Artificial Analysis measured on Anthropic's API (artificialanalysis.ai, Claude 4.5 Haiku, as
   * quoted in https://shadabchow.com/blogs/ai-models/claude-4-5-haiku-reasoning; the same page gives
   * 88 tokens a second on Google Vertex). Prefill (16,000 tokens a second) and cache reads (80,000)
   * are assumptions, twice Sonnet's. Jitter and tail as for Sonnet.
   */
  public static final LatencyProfile CLAUDE_HAIKU_4_5 = new LatencyProfile("Claude Haiku 4.5",
      Duration.ofMillis(480), 16_000, 80_000, 53, 0.15, 0.03, 3.0,
      "Artificial Analysis (Anthropic API): TTFT 0.48 s, 53 tokens/s; prefill and cache-read rates assumed");

  public LatencyProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
    Objects.requireNonNull(source, "source");
    if (timeToFirstToken.isNegative()) {
      throw new IllegalArgumentException("timeToFirstToken must be >= 0 but was " + timeToFirstToken);
    }
    if (!(prefillTokensPerSecond > 0) || !(cacheReadTokensPerSecond > 0) || !(outputTokensPerSecond > 0)) {
      throw new IllegalArgumentException("token rates must be > 0");
    }
    if (!(jitterSigma >= 0)) {
      throw new IllegalArgumentException("jitterSigma must be >= 0 but was " + jitterSigma);
    }
    if (!(tailProbability >= 0 && tailProbability <= 1)) {
      throw new IllegalArgumentException("tailProbability must be in [0, 1] but was " + tailProbability);
    }
    if (!(tailFactorMax >= 1.5)) {
      throw new IllegalArgumentException("tailFactorMax must be >= 1.5 but was " + tailFactorMax);
    }
  }

  /** This profile without jitter or tail: every call takes exactly its expected time. */
  public LatencyProfile withoutJitter() {
    return new LatencyProfile(name, timeToFirstToken, prefillTokensPerSecond, cacheReadTokensPerSecond,
        outputTokensPerSecond, 0, 0, tailFactorMax, source);
  }

  /** The latency of a call that used {@code usage}, its jitter drawn from {@code random}. */
  public Duration latency(TokenUsage usage, SplittableRandom random) {
    Objects.requireNonNull(usage, "usage");
    double j1 = jitter(random);
    double j2 = jitter(random);
    double tail = tailProbability > 0 && random.nextDouble() < tailProbability
        ? 1.5 + random.nextDouble() * (tailFactorMax - 1.5) : 1.0;
    double seconds = timeToFirstToken.toNanos() / 1e9 * j1
        + (usage.inputTokens() + usage.cacheWriteTokens()) / prefillTokensPerSecond
        + usage.cacheReadTokens() / cacheReadTokensPerSecond
        + usage.outputTokens() / outputTokensPerSecond * j2;
    return Duration.ofNanos(Math.round(seconds * tail * 1e9));
  }

  private double jitter(SplittableRandom random) {
    if (jitterSigma == 0) {
      return 1.0;
    }
    // Box-Muller: one standard normal from two uniforms
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.exp(jitterSigma * z);
  }
}
