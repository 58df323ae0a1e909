package io.skymarshal.sqs;

import io.skymarshal.core.Disruption;

/**
 * Turns a message body into a {@link Disruption}, e.g. the airline pack's
 * {@code DisruptionJson.withAirports(airports)::read}. Whatever it throws makes the document
 * invalid: the worker does not run it, reports a {@link RejectedDocument} with the exception's type
 * and message, and leaves it to the queue's redrive policy to move it to the dead-letter queue.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface DocumentReader {

  /** The disruption {@code body} describes; throws (typed) if it does not describe a valid one. */
  Disruption read(String body);
}
