package io.skymarshal.testkit.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelPrice;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.ModelRouting;
import io.skymarshal.model.ReplyFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link ReplyRule} that lets any {@link ModelClient} (an offline or scripted model) answer the
 * fake Bedrock's requests, so a program can run end to end through the real AWS SDK without AWS.
 *
 * <p>The Converse request is turned back into a {@link ModelRequest}: system prompt, messages,
 * max tokens and temperature, and the forced tool as the {@link ReplyFormat}. The wire carries no
 * agent name, so it is read from the forced tool's name: {@code crew_compliance_reply} is agent
 * {@code crew_compliance}, {@code arbitrator_ruling} the arbitrator; the tier comes from
 * {@link ModelRouting#defaults()}'s known agents (BUSINESS for others) and the phase is reported
 * as INITIAL. The model's reply goes back as a tool call (with a format) or text, with its output
 * tokens and its whole prompt count, which the server's prompt-cache simulation splits into
 * cached and uncached input (so cache reads appear only where Bedrock's minimums allow them); a
 * {@link ModelException} goes back as the matching Bedrock error. Thread-safe if the client is.
 */
public final class ModelClientRule implements ReplyRule {

  private static final Map<String, Tier> KNOWN = io.skymarshal.airline.agent.AirlineAgents.routing().knownAgents();
  private static final ModelPrice FREE = new ModelPrice(0, 0, 0, 0);

  private final ModelClient client;
  private final Duration timeout;

  private ModelClientRule(ModelClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /** A rule asking {@code client}, waiting up to 60 s for each answer. */
  public static ModelClientRule of(ModelClient client) {
    return of(client, Duration.ofSeconds(60));
  }

  /** A rule asking {@code client}, waiting up to {@code timeout} for each answer (then a 408). */
  public static ModelClientRule of(ModelClient client, Duration timeout) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be > 0 but was " + timeout);
    }
    return new ModelClientRule(client, timeout);
  }

  @Override
  public FakeReply reply(RecordedConverse request) {
    ModelRequest asked = toModelRequest(request);
    ModelReply answer;
    try {
      answer = client.call(asked).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return FakeReply.error(BedrockFault.MODEL_TIMEOUT, "the model behind the fake did not answer in "
          + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FakeReply.error(BedrockFault.SERVICE_UNAVAILABLE, "interrupted");
    } catch (ExecutionException | CompletionException e) {
      return asError(e.getCause() == null ? e : e.getCause());
    }
    FakeReply reply = asked.replyFormat() != null
        ? toolOrText(asked.replyFormat().name(), answer.text())
        : FakeReply.text(answer.text());
    // The model's whole prompt count goes back; the fake's cache simulation, which knows each
    // model's caching minimum, splits it into cached and uncached input as Bedrock would.
    return reply.withPromptTokens(clamp(answer.usage().totalInputTokens()),
        clamp(answer.usage().outputTokens()));
  }

  /** The model request a Converse request stands for, as described in the class comment. */
  static ModelRequest toModelRequest(RecordedConverse request) {
    Optional<String> tool = request.forcedTool();
    String agent = tool.map(ModelClientRule::agentOf).orElse("fake_bedrock_caller");
    Tier tier = KNOWN.getOrDefault(agent, Tier.BUSINESS);
    ReplyFormat format = tool.map(name -> new ReplyFormat(name,
        request.toolSchema(name).map(JsonNode::toString).orElse("{\"type\":\"object\"}"))).orElse(null);
    String modelId = request.modelId() == null ? "unknown-model" : request.modelId();
    ModelProfile profile = new ModelProfile(modelId, modelId, FREE,
        request.maxTokens().orElse(4096), Math.min(1, Math.max(0, request.temperature().orElse(0.3))), 0);
    List<Message> messages = request.messages();
    if (messages.isEmpty() || messages.get(messages.size() - 1).role() != Message.Role.USER) {
      throw new IllegalArgumentException("a Converse request must end with a user message");
    }
    return new ModelRequest(agent, tier, Phase.INITIAL, profile, String.join("", request.systemTexts()),
        request.systemCachePoint(), messages, format);
  }

  static String agentOf(String toolName) {
    if (toolName.equals("arbitrator_ruling")) {
      return "arbitrator";
    }
    return toolName.endsWith("_reply") ? toolName.substring(0, toolName.length() - "_reply".length()) : toolName;
  }

  private static FakeReply toolOrText(String toolName, String text) {
    try {
      return FakeReply.toolUse(toolName, text);
    } catch (IllegalArgumentException notAnObject) {
      // a model that wrote prose instead of calling the tool, as real ones sometimes do
      return FakeReply.text(text).withStopReason("end_turn");
    }
  }

  private static FakeReply asError(Throwable e) {
    if (e instanceof ModelException me) {
      BedrockFault fault = switch (me.kind()) {
        case THROTTLED -> BedrockFault.THROTTLING;
        case TIMEOUT -> BedrockFault.MODEL_TIMEOUT;
        case SERVER_ERROR, OTHER -> BedrockFault.INTERNAL_SERVER;
        case VALIDATION -> BedrockFault.VALIDATION;
        case ACCESS_DENIED -> BedrockFault.ACCESS_DENIED;
        case UNKNOWN_MODEL -> BedrockFault.RESOURCE_NOT_FOUND;
      };
      return FakeReply.error(fault, String.valueOf(me.getMessage()));
    }
    return FakeReply.error(BedrockFault.INTERNAL_SERVER, "the model behind the fake failed: " + e);
  }

  private static int clamp(long n) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, n));
  }
}
