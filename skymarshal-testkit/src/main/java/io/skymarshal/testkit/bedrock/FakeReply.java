package io.skymarshal.testkit.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link FakeBedrockServer} answers to one Converse request: a model reply (text and tool
 * calls, with a stop reason and usage), an error in Bedrock's wire shape, or no reply at all.
 * Immutable; each {@code with...} returns a changed copy.
 *
 * <p>Usage left unset is estimated from the request and the reply (about four characters a
 * token), and the cache fields come from the server's prompt-cache simulation; set them to pin
 * exact figures.
 */
public final class FakeReply {

  private static final ObjectMapper JSON = new ObjectMapper();

  enum Type { MODEL, ERROR, NO_REPLY }

  /** One content block of a model reply: text, or a tool call with its JSON input. */
  record Block(String text, String toolName, JsonNode toolInput) {}

  final Type type;
  final List<Block> content;
  final String stopReason;
  final Integer inputTokens;
  final Integer promptTokens;
  final Integer outputTokens;
  final Integer cacheReadTokens;
  final Integer cacheWriteTokens;
  final Duration delay;
  final Long latencyMs;
  final BedrockFault fault;
  final String message;

  private FakeReply(Type type, List<Block> content, String stopReason, Integer inputTokens,
      Integer promptTokens, Integer outputTokens, Integer cacheReadTokens, Integer cacheWriteTokens, Duration delay,
      Long latencyMs, BedrockFault fault, String message) {
    this.type = type;
    this.content = List.copyOf(content);
    this.stopReason = stopReason;
    this.inputTokens = inputTokens;
    this.promptTokens = promptTokens;
    this.outputTokens = outputTokens;
    this.cacheReadTokens = cacheReadTokens;
    this.cacheWriteTokens = cacheWriteTokens;
    this.delay = delay;
    this.latencyMs = latencyMs;
    this.fault = fault;
    this.message = message;
  }

  /** A reply of one text block; stop reason {@code end_turn}. */
  public static FakeReply text(String text) {
    Objects.requireNonNull(text, "text");
    return new FakeReply(Type.MODEL, List.of(new Block(text, null, null)), null, null, null, null,
        null, null, Duration.ZERO, null, null, null);
  }

  /**
   * A reply calling tool {@code toolName} with {@code inputJson} (a JSON object); stop reason
   * {@code tool_use}. This is how a model answers a forced reply-format tool.
   *
   * @throws IllegalArgumentException if {@code inputJson} is not a JSON object
   */
  public static FakeReply toolUse(String toolName, String inputJson) {
    return new FakeReply(Type.MODEL, List.of(toolBlock(toolName, inputJson)), null, null, null,
        null, null, null, Duration.ZERO, null, null, null);
  }

  /** An error with Bedrock's usual message for it. */
  public static FakeReply error(BedrockFault fault) {
    return error(fault, Objects.requireNonNull(fault, "fault").defaultMessage());
  }

  /** An error: {@code fault}'s status and {@code x-amzn-ErrorType}, and {@code {"message": message}}. */
  public static FakeReply error(BedrockFault fault, String message) {
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(message, "message");
    return new FakeReply(Type.ERROR, List.of(), null, null, null, null, null, null, Duration.ZERO, null,
        fault, message);
  }

  /**
   * No answer: the server holds the request open until the client gives up (its timeout) or the
   * server closes. For testing client-side timeouts and cancellation.
   */
  public static FakeReply noReply() {
    return new FakeReply(Type.NO_REPLY, List.of(), null, null, null, null, null, null, Duration.ZERO,
        null, null, null);
  }

  /** This reply with a text block added after the existing blocks. */
  public FakeReply withText(String text) {
    Objects.requireNonNull(text, "text");
    return withBlock(new Block(text, null, null));
  }

  /**
   * This reply with a tool call added after the existing blocks.
   *
   * @throws IllegalArgumentException if {@code inputJson} is not a JSON object
   */
  public FakeReply withToolUse(String toolName, String inputJson) {
    return withBlock(toolBlock(toolName, inputJson));
  }

  /** This reply with another stop reason, e.g. {@code max_tokens}. */
  public FakeReply withStopReason(String reason) {
    requireModel("a stop reason");
    return new FakeReply(type, content, Objects.requireNonNull(reason, "reason"), inputTokens, promptTokens,
        outputTokens, cacheReadTokens, cacheWriteTokens, delay, latencyMs, fault, message);
  }

  /** This reply reporting exactly these uncached input and output tokens. */
  public FakeReply withUsage(int input, int output) {
    requireModel("usage");
    return new FakeReply(type, content, stopReason, nonNegative(input, "input"), null,
        nonNegative(output, "output"), cacheReadTokens, cacheWriteTokens, delay, latencyMs, fault,
        message);
  }

  /**
   * This reply reporting {@code output} tokens and {@code prompt} input tokens in all, cached or
   * not: the server's prompt-cache simulation decides how many were read from or written to the
   * cache and reports the rest as {@code inputTokens}. For a model that counts its whole prompt.
   */
  public FakeReply withPromptTokens(int prompt, int output) {
    requireModel("usage");
    return new FakeReply(type, content, stopReason, null, nonNegative(prompt, "prompt"),
        nonNegative(output, "output"), cacheReadTokens, cacheWriteTokens, delay, latencyMs, fault,
        message);
  }

  /** This reply reporting exactly these cache-read and cache-write tokens. */
  public FakeReply withCache(int read, int write) {
    requireModel("cache usage");
    return new FakeReply(type, content, stopReason, inputTokens, promptTokens, outputTokens,
        nonNegative(read, "read"), nonNegative(write, "write"), delay, latencyMs, fault, message);
  }

  /** This reply sent only after {@code delay}: simulated model latency. */
  public FakeReply withDelay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must be >= 0 but was " + delay);
    }
    return new FakeReply(type, content, stopReason, inputTokens, promptTokens, outputTokens, cacheReadTokens,
        cacheWriteTokens, delay, latencyMs, fault, message);
  }

  /** This reply reporting {@code metrics.latencyMs}; by default the delay. */
  public FakeReply withLatencyMs(long latency) {
    requireModel("latency");
    if (latency < 0) {
      throw new IllegalArgumentException("latency must be >= 0 but was " + latency);
    }
    return new FakeReply(type, content, stopReason, inputTokens, promptTokens, outputTokens, cacheReadTokens,
        cacheWriteTokens, delay, latency, fault, message);
  }

  @Override
  public String toString() {
    return switch (type) {
      case MODEL -> "FakeReply{model, " + content.size() + " blocks, stop=" + stopReason() + "}";
      case ERROR -> "FakeReply{" + fault + ": " + message + "}";
      case NO_REPLY -> "FakeReply{no reply}";
    };
  }

  String stopReason() {
    if (stopReason != null) {
      return stopReason;
    }
    return content.stream().anyMatch(b -> b.toolName() != null) ? "tool_use" : "end_turn";
  }

  private FakeReply withBlock(Block block) {
    requireModel("content");
    List<Block> more = new ArrayList<>(content);
    more.add(block);
    return new FakeReply(type, more, stopReason, inputTokens, promptTokens, outputTokens, cacheReadTokens,
        cacheWriteTokens, delay, latencyMs, fault, message);
  }

  private void requireModel(String what) {
    if (type != Type.MODEL) {
      throw new IllegalStateException("only a model reply has " + what + "; this is " + this);
    }
  }

  private static Block toolBlock(String toolName, String inputJson) {
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(inputJson, "inputJson");
    JsonNode input;
    try {
      input = JSON.readTree(inputJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("tool input is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (input == null || !input.isObject()) {
      throw new IllegalArgumentException("tool input must be a JSON object but was: " + inputJson);
    }
    return new Block(null, toolName, input);
  }

  private static int nonNegative(int n, String name) {
    if (n < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + n);
    }
    return n;
  }
}
