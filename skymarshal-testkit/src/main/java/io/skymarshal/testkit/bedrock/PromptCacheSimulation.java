package io.skymarshal.testkit.bedrock;

import io.skymarshal.model.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bedrock's prompt cache as a client sees it: the prefix up to a {@code cachePoint} (tool
 * definitions, then the system texts, then the messages up to one that ends with a checkpoint) is
 * written on first sight and read while fresh; each read renews the entry. Of several checkpoints
 * the longest fresh prefix is read and the rest up to the last checkpoint is written. A prefix shorter than the model's minimum is not cached at all,
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
    if (request.modelId() == null) {
      return Outcome.NONE;
    }
    int min = minTokens(request.modelId());
    // every checkpoint whose prefix reaches the minimum: the system one, then one after each
    // message that ends with a cachePoint block; at most four, as Bedrock allows
    List<String> prefixes = new java.util.ArrayList<>();
    StringBuilder prefix = new StringBuilder(prefix(request));
    if (request.systemCachePoint() && tokensOf(prefix.toString()) >= min) {
      prefixes.add(prefix.toString());
    }
    for (Message m : request.messages()) {
      prefix.append('\u0000').append(m.role()).append('\u0000').append(m.text());
      if (m.cachePoint() && prefixes.size() < 4 && tokensOf(prefix.toString()) >= min) {
        prefixes.add(prefix.toString());
      }
    }
    if (prefixes.isEmpty()) {
      return Outcome.NONE;
    }
    Instant now = clock.instant();
    // the longest fresh prefix is read; from there to the last checkpoint is written
    int read = 0;
    for (int i = prefixes.size() - 1; i >= 0; i--) {
      Instant expiry = entries.get(request.modelId() + '\u0000' + prefixes.get(i));
      if (expiry != null && now.isBefore(expiry)) {
        read = tokensOf(prefixes.get(i));
        break;
      }
    }
    int write = tokensOf(prefixes.get(prefixes.size() - 1)) - read;
    for (String p : prefixes) {
      entries.put(request.modelId() + '\u0000' + p, now.plus(ttl));
    }
    return new Outcome(read, write);
  }

  /** A prefix's estimated tokens, without the separators this class puts between messages. */
  private static int tokensOf(String prefix) {
    return estimateTokens(prefix.replaceAll("\u0000(USER|ASSISTANT)\u0000", ""));
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
