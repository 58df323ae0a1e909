package io.skymarshal.testkit.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.skymarshal.model.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A request a {@link FakeBedrockServer} received, as sent: the model id decoded from the path,
 * the headers, and the JSON body, with accessors for the parts of a Converse request. Immutable.
 */
public final class RecordedConverse {

  private final int sequence;
  private final String method;
  private final String rawPath;
  private final String modelId;
  private final Map<String, List<String>> headers;
  private final String bodyText;
  private final JsonNode body;

  RecordedConverse(int sequence, String method, String rawPath, String modelId,
      Map<String, List<String>> headers, String bodyText, JsonNode body) {
    this.sequence = sequence;
    this.method = method;
    this.rawPath = rawPath;
    this.modelId = modelId;
    Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
    this.headers = Collections.unmodifiableMap(h);
    this.bodyText = bodyText;
    this.body = body == null ? null : body.deepCopy();
  }

  /** 0 for the first request the server received, then 1, 2, ... */
  public int sequence() {
    return sequence;
  }

  /** The HTTP method, {@code POST} for Converse. */
  public String method() {
    return method;
  }

  /** The path as sent, still URL-encoded: {@code /model/global.anthropic...-v1%3A0/converse}. */
  public String rawPath() {
    return rawPath;
  }

  /** The model id, decoded from the path; null if the path is not a Converse path. */
  public String modelId() {
    return modelId;
  }

  /** The first value of a header (any case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body as sent. */
  public String bodyText() {
    return bodyText;
  }

  /** The body parsed as JSON (a copy); null if it was not JSON. */
  public JsonNode body() {
    return body == null ? null : body.deepCopy();
  }

  /** The texts of the {@code system} blocks, in order. */
  public List<String> systemTexts() {
    List<String> out = new ArrayList<>();
    for (JsonNode block : array("system")) {
      if (block.hasNonNull("text")) {
        out.add(block.get("text").asText());
      }
    }
    return out;
  }

  /** Whether a {@code cachePoint} block follows at least one system text. */
  public boolean systemCachePoint() {
    boolean sawText = false;
    for (JsonNode block : array("system")) {
      sawText |= block.has("text");
      if (sawText && block.has("cachePoint")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The messages, each with its text blocks joined; roles {@code user} / {@code assistant}; a
   * message with a {@code cachePoint} block has {@link Message#cachePoint()} set.
   */
  public List<Message> messages() {
    List<Message> out = new ArrayList<>();
    for (JsonNode m : array("messages")) {
      Message.Role role = "assistant".equals(m.path("role").asText())
          ? Message.Role.ASSISTANT : Message.Role.USER;
      StringBuilder text = new StringBuilder();
      boolean cachePoint = false;
      for (JsonNode block : m.path("content")) {
        if (block.hasNonNull("text")) {
          text.append(block.get("text").asText());
        }
        cachePoint |= block.has("cachePoint");
      }
      out.add(new Message(role, text.toString(), cachePoint));
    }
    return out;
  }

  /** The text of the last user message, or "" if there is none. */
  public String lastUserText() {
    List<Message> ms = messages();
    for (int i = ms.size() - 1; i >= 0; i--) {
      if (ms.get(i).role() == Message.Role.USER) {
        return ms.get(i).text();
      }
    }
    return "";
  }

  /** {@code inferenceConfig.maxTokens}, if sent. */
  public OptionalInt maxTokens() {
    JsonNode n = inferenceConfig().get("maxTokens");
    return n != null && n.isNumber() ? OptionalInt.of(n.asInt()) : OptionalInt.empty();
  }

  /** {@code inferenceConfig.temperature}, if sent. */
  public OptionalDouble temperature() {
    JsonNode n = inferenceConfig().get("temperature");
    return n != null && n.isNumber() ? OptionalDouble.of(n.asDouble()) : OptionalDouble.empty();
  }

  /** The names of the tools in {@code toolConfig}, in order. */
  public List<String> toolNames() {
    List<String> out = new ArrayList<>();
    for (JsonNode tool : toolConfig().path("tools")) {
      if (tool.has("toolSpec")) {
        out.add(tool.path("toolSpec").path("name").asText());
      }
    }
    return out;
  }

  /** The tool the model is forced to call ({@code toolChoice.tool.name}), if any. */
  public Optional<String> forcedTool() {
    JsonNode name = toolConfig().path("toolChoice").path("tool").get("name");
    return name == null ? Optional.empty() : Optional.of(name.asText());
  }

  /** The JSON schema of tool {@code name} ({@code toolSpec.inputSchema.json}), if that tool was sent. */
  public Optional<JsonNode> toolSchema(String name) {
    Objects.requireNonNull(name, "name");
    for (JsonNode tool : toolConfig().path("tools")) {
      JsonNode spec = tool.path("toolSpec");
      if (name.equals(spec.path("name").asText())) {
        return Optional.of(spec.path("inputSchema").path("json").deepCopy());
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "RecordedConverse{#" + sequence + " " + method + " " + rawPath + ", model=" + modelId
        + ", messages=" + messages().size() + ", tools=" + toolNames() + "}";
  }

  JsonNode toolConfig() {
    return body == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : body.path("toolConfig");
  }

  private JsonNode inferenceConfig() {
    return body == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : body.path("inferenceConfig");
  }

  private Iterable<JsonNode> array(String field) {
    if (body == null || !body.path(field).isArray()) {
      return List.of();
    }
    return body.get(field);
  }
}
