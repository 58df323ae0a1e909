package io.skymarshal.bedrock;

import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.testkit.bedrock.BedrockFault;
import io.skymarshal.testkit.bedrock.FakeReply;
import io.skymarshal.testkit.contract.ModelClientContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ModelClient contract, passed by the Converse client on the real SDK against the fake. */
class ConverseModelClientContractTest extends ModelClientContract {

  @RegisterExtension
  static final FakeBedrockFixture bedrock = FakeBedrockFixture.create();

  @Override
  protected ModelClient client() {
    return bedrock.client();
  }

  @Override
  protected void scriptText(String text, TokenUsage usage) {
    bedrock.server().enqueue(withUsage(FakeReply.text(text), usage));
  }

  @Override
  protected void scriptStructured(String formatName, String json, TokenUsage usage) {
    bedrock.server().enqueue(withUsage(FakeReply.toolUse(formatName, json), usage));
  }

  @Override
  protected void scriptFailure(ModelException.Kind kind) {
    BedrockFault fault = switch (kind) {
      case THROTTLED -> BedrockFault.THROTTLING;
      case TIMEOUT -> BedrockFault.MODEL_TIMEOUT;
      case SERVER_ERROR -> BedrockFault.SERVICE_UNAVAILABLE;
      case VALIDATION -> BedrockFault.VALIDATION;
      case ACCESS_DENIED -> BedrockFault.ACCESS_DENIED;
      case UNKNOWN_MODEL -> BedrockFault.RESOURCE_NOT_FOUND;
      case OTHER -> throw new UnsupportedOperationException("no Bedrock error maps to OTHER");
    };
    bedrock.server().enqueue(FakeReply.error(fault));
  }

  @Override
  protected boolean canHoldReply() {
    return true;
  }

  @Override
  protected void scriptNoReply() {
    bedrock.server().enqueue(FakeReply.noReply());
  }

  @Override
  protected void awaitHeldCall() {
    bedrock.server().takeRequest();
  }

  private static FakeReply withUsage(FakeReply reply, TokenUsage u) {
    return reply.withUsage(Math.toIntExact(u.inputTokens()), Math.toIntExact(u.outputTokens()))
        .withCache(Math.toIntExact(u.cacheReadTokens()), Math.toIntExact(u.cacheWriteTokens()));
  }
}
