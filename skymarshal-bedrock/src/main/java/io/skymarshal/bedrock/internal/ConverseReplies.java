package io.skymarshal.bedrock.internal;

import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.TokenUsage;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/** Reads a {@link ModelReply} out of a Converse response. Stateless and thread-safe. */
public final class ConverseReplies {

  private ConverseReplies() {}

  /**
   * The reply. With a reply format, the input of the forced tool as JSON text; if the model
   * answered without calling the tool (e.g. it hit max tokens), the text it wrote instead, so the
   * engine's format check fails on it and re-asks. Without a format, all text blocks joined.
   */
  public static ModelReply toReply(ModelRequest request, ConverseResponse response) {
    List<ContentBlock> content = response.output() != null && response.output().message() != null
        ? response.output().message().content()
        : List.of();
    String text = null;
    if (request.replyFormat() != null) {
      text = toolInput(content, request.replyFormat().name());
    }
    if (text == null) {
      text = joinedText(content);
    }
    String stop = response.stopReasonAsString();
    return new ModelReply(text, usage(response), request.modelId(), stop == null ? "unknown" : stop);
  }

  /**
   * Bedrock's usage in SkyMarshal's terms. Bedrock reports {@code inputTokens} without the
   * tokens read from or written to the prompt cache (those come separately), which is exactly
   * {@link TokenUsage#inputTokens()}: the input billed at the plain input price.
   */
  public static TokenUsage usage(ConverseResponse response) {
    var u = response.usage();
    if (u == null) {
      return TokenUsage.ZERO;
    }
    return new TokenUsage(orZero(u.inputTokens()), orZero(u.outputTokens()),
        orZero(u.cacheReadInputTokens()), orZero(u.cacheWriteInputTokens()));
  }

  private static String toolInput(List<ContentBlock> content, String toolName) {
    for (ContentBlock block : content) {
      ToolUseBlock use = block.toolUse();
      if (use != null && toolName.equals(use.name()) && use.input() != null) {
        return JsonDocuments.toJson(use.input());
      }
    }
    return null;
  }

  private static String joinedText(List<ContentBlock> content) {
    StringBuilder sb = new StringBuilder();
    for (ContentBlock block : content) {
      if (block.text() != null) {
        sb.append(block.text());
      }
    }
    return sb.toString();
  }

  private static long orZero(Integer n) {
    return n == null ? 0 : Math.max(0, n);
  }
}
