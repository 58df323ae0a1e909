package io.skymarshal.bedrock.internal;

import io.skymarshal.model.Message;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.ReplyFormat;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/** Builds the Converse request for a {@link ModelRequest}. Stateless and thread-safe. */
public final class ConverseRequests {

  private ConverseRequests() {}

  /**
   * The Converse request: the system prompt (then a cache point where {@link #cachePointPays}),
   * the messages, the profile's inference settings, and for a reply format a forced tool whose
   * input schema is the format's schema.
   *
   * @throws ModelException of kind VALIDATION if the reply format's schema is not a JSON object
   */
  public static ConverseRequest toConverse(ModelRequest request) {
    ConverseRequest.Builder b = ConverseRequest.builder()
        .modelId(request.modelId())
        .messages(messages(request))
        .inferenceConfig(InferenceConfiguration.builder()
            .maxTokens(request.profile().maxTokens())
            .temperature((float) request.profile().temperature())
            .build());
    List<SystemContentBlock> system = system(request);
    if (!system.isEmpty()) {
      b.system(system);
    }
    if (request.replyFormat() != null) {
      b.toolConfig(forcedTool(request.replyFormat(), request.modelId()));
    }
    return b.build();
  }

  /**
   * Whether a cache point after the system prompt is worth sending: the engine asked for it and
   * the model caches at all. The engine decides where caching pays; this only drops checkpoints
   * that certainly cannot reach the model's minimum prefix, since no token is shorter than one
   * character and Bedrock would ignore such a checkpoint anyway. The prefix is the tool
   * definition and the system prompt: Claude caches tools first, then system.
   */
  public static boolean cachePointPays(ModelRequest request) {
    int min = request.profile().minCacheTokens();
    long prefixChars = request.systemPrompt().length()
        + (request.replyFormat() == null ? 0 : request.replyFormat().jsonSchema().length());
    return request.cacheSystemPrompt() && min > 0 && prefixChars >= min;
  }

  private static List<SystemContentBlock> system(ModelRequest request) {
    List<SystemContentBlock> blocks = new ArrayList<>(2);
    if (!request.systemPrompt().isBlank()) {
      blocks.add(SystemContentBlock.fromText(request.systemPrompt()));
      if (cachePointPays(request)) {
        blocks.add(SystemContentBlock.fromCachePoint(
            CachePointBlock.builder().type(CachePointType.DEFAULT).build()));
      }
    }
    return blocks;
  }

  /** Bedrock accepts at most four cache checkpoints a request; the system prompt's may be one. */
  static final int MAX_CACHE_POINTS = 4;

  private static List<software.amazon.awssdk.services.bedrockruntime.model.Message> messages(ModelRequest request) {
    List<Message> messages = request.messages();
    List<software.amazon.awssdk.services.bedrockruntime.model.Message> out =
        new ArrayList<>(messages.size());
    int min = request.profile().minCacheTokens();
    long prefixChars = request.systemPrompt().length()
        + (request.replyFormat() == null ? 0 : request.replyFormat().jsonSchema().length());
    int points = cachePointPays(request) ? 1 : 0;
    for (Message m : messages) {
      prefixChars += m.text().length();
      List<ContentBlock> content = new ArrayList<>(2);
      content.add(ContentBlock.fromText(m.text()));
      // a checkpoint on a prefix below the model's minimum is ignored by Bedrock: leave it out,
      // as for the system prompt (a token is at least one character, so fewer characters than
      // the minimum is surely too short)
      if (m.cachePoint() && min > 0 && prefixChars >= min && points < MAX_CACHE_POINTS) {
        content.add(ContentBlock.fromCachePoint(CachePointBlock.builder().type(CachePointType.DEFAULT).build()));
        points++;
      }
      out.add(software.amazon.awssdk.services.bedrockruntime.model.Message.builder()
          .role(m.role() == Message.Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT)
          .content(content)
          .build());
    }
    return out;
  }

  private static ToolConfiguration forcedTool(ReplyFormat format, String modelId) {
    Document schema;
    try {
      schema = JsonDocuments.parse(format.jsonSchema());
    } catch (IllegalArgumentException e) {
      throw new ModelException(ModelException.Kind.VALIDATION, modelId, "reply format '"
          + format.name() + "' has a JSON schema that is not valid JSON: " + e.getMessage(), e);
    }
    if (!schema.isMap()) {
      throw new ModelException(ModelException.Kind.VALIDATION, modelId, "reply format '"
          + format.name() + "' must have a JSON object as its schema, e.g. {\"type\":\"object\",...}");
    }
    ToolSpecification spec = ToolSpecification.builder()
        .name(format.name())
        .description("Give your answer as the input of this tool, exactly matching its schema.")
        .inputSchema(ToolInputSchema.fromJson(schema))
        .build();
    return ToolConfiguration.builder()
        .tools(Tool.fromToolSpec(spec))
        .toolChoice(ToolChoice.fromTool(t -> t.name(format.name())))
        .build();
  }
}
