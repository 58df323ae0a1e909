package io.skymarshal.testkit.bedrock;

import io.skymarshal.model.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bedrock's prompt cache as a client sees it: the prefix up to a system {@code cachePoint}
 * (tool definitions, then the system texts) is written on first sight and read while fresh;
 * each read renews the entry. A prefix shorter than the model's minimum is not cached at all,
 * as Bedrock silently does. Token counts are estimates (four characters a token). Thread-safe.
 */
final class PromptCacheSimulation {

  /** What the cache did for one request. */
  record Outcome(int readTokens, int writeTokens) {
    static final Outcome NONE = new Outcome(0, 0);
  }

  private final Clock clock;
  private final Duration ttl;
  private final int minTokensOverride;
  private final Map<String, Instant> entries = new ConcurrentHashMap<>();

  /** {@code minTokensOverride} < 0 means: the minimum of the model family (1,024, or 4,096 for Haiku and Opus 4.5). */
  PromptCacheSimulation(Clock clock, Duration ttl, int minTokensOverride) {
    this.clock = clock;
    this.ttl = ttl;
    this.minTokensOverride = minTokensOverride;
  }

  Outcome apply(RecordedConverse request) {
    if (request.modelId() == null || !request.systemCachePoint()) {
      return Outcome.NONE;
    }
    String prefix = prefix(request);
    int tokens = estimateTokens(prefix);
    if (tokens < minTokens(request.modelId())) {
      return Outcome.NONE;
    }
    String key = request.modelId() + '\u0000' + prefix;
    Instant now = clock.instant();
    boolean[] hit = new boolean[1];
    entries.compute(key, (k, expiry) -> {
      hit[0] = expiry != null && now.isBefore(expiry);
      return now.plus(ttl);
    });
    return hit[0] ? new Outcome(tokens, 0) : new Outcome(0, tokens);
  }

  void clear() {
    entries.clear();
  }

  int minTokens(String modelId) {
    if (minTokensOverride >= 0) {
      return minTokensOverride;
    }
    return modelId.contains("haiku-4-5") || modelId.contains("opus-4-5") ? 4096 : 1024;
  }

  /** Claude's cache order is tools, then system: both up to the checkpoint form the prefix. */
  static String prefix(RecordedConverse request) {
    StringBuilder sb = new StringBuilder();
    if (!request.toolConfig().isMissingNode()) {
      sb.append(request.toolConfig().toString());
    }
    for (String s : request.systemTexts()) {
      sb.append(s);
    }
    return sb.toString();
  }

  /** All input of a request, estimated: tools, system, messages. */
  static int estimateInputTokens(RecordedConverse request) {
    int chars = prefix(request).length();
    List<Message> messages = request.messages();
    for (Message m : messages) {
      chars += m.text().length();
    }
    return (chars + 3) / 4;
  }

  static int estimateTokens(String text) {
    return (text.length() + 3) / 4;
  }
}
