package io.skymarshal.model;

import java.util.concurrent.CompletableFuture;

/**
 * Calls a language model. The SPI every model backend implements: the offline model in
 * {@code skymarshal-airline},
 * Bedrock's Converse API in {@code skymarshal-bedrock}, scripted fakes in the testkit.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #call} never blocks the caller for the model's answer: it returns a future at once.
 *   <li>A failed call completes the future exceptionally with a {@link ModelException} whose
 *       {@link ModelException#retryable()} says whether the engine may retry it (throttling,
 *       5xx, model timeout) or must not (validation, access denied, unknown model).
 *   <li>Cancelling the returned future abandons the call; implementations should free what
 *       they hold for it.
 *   <li>A reply's usage is what the call consumed; the engine fails a reply reporting more than
 *       {@link TokenUsage#MAX_PER_CALL} tokens of one kind as a broken backend (permanent).
 *   <li>Implementations are thread-safe: the engine calls them from many threads at once.
 * </ul>
 * Retries and timeouts are the engine's job (Failsafe policies); an implementation makes one
 * attempt per call and turns off any retries of its own transport.
 */
@FunctionalInterface
public interface ModelClient {

  /** Sends one request; the future completes with the reply or a {@link ModelException}. */
  CompletableFuture<ModelReply> call(ModelRequest request);
}
