package io.skymarshal.testkit.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes Converse answers in Bedrock's wire shape: model replies, and errors. Stateless. */
final class ConverseResponses {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The namespace Bedrock's errors carry after the exception name in {@code x-amzn-ErrorType}. */
  static final String BEDROCK_NAMESPACE = "http://internal.amazon.com/coral/com.amazon.bedrock/";
  /** The namespace of the AWS front end's own errors, such as an unknown operation. */
  static final String CORAL_NAMESPACE = "http://internal.amazon.com/coral/com.amazon.coral.service/";

  private ConverseResponses() {}

  /** The {@code x-amzn-ErrorType} header of a Bedrock error named {@code type}. */
  static String errorTypeHeader(String type) {
    return type + ":" + (type.equals("UnknownOperationException") ? CORAL_NAMESPACE : BEDROCK_NAMESPACE);
  }

  static ObjectNode modelBody(RecordedConverse request, FakeReply reply, PromptCacheSimulation cache) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode message = root.putObject("output").putObject("message");
    message.put("role", "assistant");
    ArrayNode content = message.putArray("content");
    int outChars = 0;
    int toolUses = 0;
    for (FakeReply.Block b : reply.content) {
      if (b.text() != null) {
        content.addObject().put("text", b.text());
        outChars += b.text().length();
      } else {
        ObjectNode use = content.addObject().putObject("toolUse");
        use.put("toolUseId", "tooluse_" + request.sequence() + "_" + toolUses++);
        use.put("name", b.toolName());
        use.set("input", b.toolInput().deepCopy());
        outChars += b.toolInput().toString().length();
      }
    }
    root.put("stopReason", reply.stopReason());

    PromptCacheSimulation.Outcome cached = cache == null
        ? PromptCacheSimulation.Outcome.NONE : cache.apply(request);
    int read = reply.cacheReadTokens != null ? reply.cacheReadTokens : cached.readTokens();
    int write = reply.cacheWriteTokens != null ? reply.cacheWriteTokens : cached.writeTokens();
    int input;
    if (reply.inputTokens != null) {
      input = reply.inputTokens;
    } else if (reply.promptTokens != null) {
      input = Math.max(0, reply.promptTokens - read - write);
    } else {
      input = Math.max(1, PromptCacheSimulation.estimateInputTokens(request) - read - write);
    }
    int output = reply.outputTokens != null ? reply.outputTokens : Math.max(1, (outChars + 3) / 4);
    ObjectNode usage = root.putObject("usage");
    usage.put("inputTokens", input);
    usage.put("outputTokens", output);
    usage.put("totalTokens", (long) input + output + read + write);
    if (read > 0 || write > 0 || request.systemCachePoint()) {
      usage.put("cacheReadInputTokens", read);
      usage.put("cacheWriteInputTokens", write);
    }
    root.putObject("metrics").put("latencyMs",
        reply.latencyMs != null ? reply.latencyMs : reply.delay.toMillis());
    return root;
  }

  static void sendError(HttpExchange exchange, RecordedConverse request, int status, String type,
      String message) throws IOException {
    send(exchange, request, status, type, JSON.createObjectNode().put("message", message));
  }

  static void send(HttpExchange exchange, RecordedConverse request, int status,
      String errorType, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("x-amzn-RequestId", "fake-" + request.sequence());
    if (errorType != null) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", errorTypeHeader(errorType));
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
