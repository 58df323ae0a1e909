package io.skymarshal.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits one process keeps for one model, mirroring the quotas Amazon Bedrock sets per model
 * and account: requests per minute, tokens per minute, and calls in flight at once. A value of 0
 * means no limit of that kind. Immutable.
 *
 * <p>Tokens are counted the way Bedrock reserves them when a request starts: the request's input
 * (estimated from its text, about four characters a token) plus its output limit
 * ({@code maxTokens}) times {@link #outputBurndown()}. Bedrock counts each output token of the
 * Claude 4 family five times against the tokens-per-minute quota; {@link #forClaude4} sets that.
 * Reservations are not refunded when a reply is shorter, so the local limit errs on the side of
 * fewer throttles.
 *
 * <p>A call waits for its permits at most {@link #maxQueueWait()}; waiting longer fails the
 * attempt with {@link QuotaExceededException}, which the engine retries like throttling. The
 * time spent waiting is reported per call ({@code AgentCall.queuedNanos}).
 *
 * @param requestsPerMinute requests a minute, spread evenly; 0: unlimited
 * @param tokensPerMinute   tokens a minute, in bursts of up to a minute's worth; 0: unlimited
 * @param maxConcurrent     calls in flight at once; 0: unlimited
 * @param maxQueueWait      the longest a call waits for its permits, {@code > 0}
 * @param outputBurndown    how many quota tokens one output token counts for, {@code >= 1}
 */
public record ModelQuota(int requestsPerMinute, long tokensPerMinute, int maxConcurrent, Duration maxQueueWait,
    int outputBurndown) {

  /** The wait bound of a quota made with {@link #of}: 30 seconds. */
  public static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofSeconds(30);

  private static final ModelQuota UNLIMITED = new ModelQuota(0, 0, 0, DEFAULT_MAX_QUEUE_WAIT, 1);

  public ModelQuota {
    if (requestsPerMinute < 0) {
      throw new IllegalArgumentException("requestsPerMinute must be >= 0 (0: unlimited) but was " + requestsPerMinute);
    }
    if (tokensPerMinute < 0) {
      throw new IllegalArgumentException("tokensPerMinute must be >= 0 (0: unlimited) but was " + tokensPerMinute);
    }
    if (tokensPerMinute > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("tokensPerMinute must be <= " + Integer.MAX_VALUE + " but was " + tokensPerMinute);
    }
    if (maxConcurrent < 0) {
      throw new IllegalArgumentException("maxConcurrent must be >= 0 (0: unlimited) but was " + maxConcurrent);
    }
    Objects.requireNonNull(maxQueueWait, "maxQueueWait");
    if (maxQueueWait.isZero() || maxQueueWait.isNegative()) {
      throw new IllegalArgumentException("maxQueueWait must be > 0 but was " + maxQueueWait);
    }
    if (outputBurndown < 1) {
      throw new IllegalArgumentException("outputBurndown must be >= 1 but was " + outputBurndown);
    }
  }

  /** No limit of any kind. */
  public static ModelQuota unlimited() {
    return UNLIMITED;
  }

  /**
   * A quota of {@code requestsPerMinute}, {@code tokensPerMinute} and {@code maxConcurrent} (each 0
   * for unlimited), waiting at most {@link #DEFAULT_MAX_QUEUE_WAIT}, output counted once.
   */
  public static ModelQuota of(int requestsPerMinute, long tokensPerMinute, int maxConcurrent) {
    return new ModelQuota(requestsPerMinute, tokensPerMinute, maxConcurrent, DEFAULT_MAX_QUEUE_WAIT, 1);
  }

  /**
   * As {@link #of}, output tokens counted five times, as Bedrock counts them for the Claude 4 family
   * (Sonnet 4.5, Haiku 4.5) against its tokens-per-minute quota.
   */
  public static ModelQuota forClaude4(int requestsPerMinute, long tokensPerMinute, int maxConcurrent) {
    return of(requestsPerMinute, tokensPerMinute, maxConcurrent).withOutputBurndown(5);
  }

  /** A copy waiting at most {@code wait} for permits. */
  public ModelQuota withMaxQueueWait(Duration wait) {
    return new ModelQuota(requestsPerMinute, tokensPerMinute, maxConcurrent, wait, outputBurndown);
  }

  /** A copy counting each output token {@code burndown} times. */
  public ModelQuota withOutputBurndown(int burndown) {
    return new ModelQuota(requestsPerMinute, tokensPerMinute, maxConcurrent, maxQueueWait, burndown);
  }

  /** Whether this quota limits anything. */
  public boolean limits() {
    return requestsPerMinute > 0 || tokensPerMinute > 0 || maxConcurrent > 0;
  }

  /**
   * The tokens {@code request} reserves against {@link #tokensPerMinute()}: its estimated input
   * plus its output limit times {@link #outputBurndown()}, at most a minute's worth (a request
   * larger than the whole quota waits for a full minute rather than forever).
   */
  public long tokensFor(ModelRequest request) {
    long chars = request.systemPrompt().length();
    for (Message m : request.messages()) {
      chars += m.text().length();
    }
    long tokens = (chars + 3) / 4 + (long) request.profile().maxTokens() * outputBurndown;
    return tokensPerMinute > 0 ? Math.min(tokens, tokensPerMinute) : tokens;
  }
}
