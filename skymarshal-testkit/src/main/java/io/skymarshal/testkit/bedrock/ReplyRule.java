package io.skymarshal.testkit.bedrock;

/**
 * Decides the reply to a Converse request: a rule-based model plugged into a
 * {@link FakeBedrockServer}. Called on the server's threads, possibly several at once, so an
 * implementation must be thread-safe. An exception it throws is answered as a 500
 * {@code InternalServerException} naming it.
 */
@FunctionalInterface
public interface ReplyRule {

  /** The reply to {@code request}. */
  FakeReply reply(RecordedConverse request);
}
