package io.skymarshal.sqs;

import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.store.DecisionOutcome;

/**
 * Hears what a {@link DisruptionWorker} does with each message. Every method has an empty default.
 * Called on the worker's threads, concurrently; a listener that throws is logged and changes
 * nothing.
 */
public interface WorkerListener {

  /** The message's document is decided (by this call, earlier, or another instance) and the message is deleted. */
  default void onDecided(String messageId, DecisionOutcome outcome) {}

  /** The message's body is not a valid document; it is left to the redrive policy. */
  default void onRejected(RejectedDocument rejected) {}

  /** Deciding failed (the store, another owner's run still in flight, the engine); the message is left to be delivered again. */
  default void onRetry(String messageId, SkyMarshalException error) {}

  /** The worker shut down before the message's run finished; the message is made visible to other workers at once. */
  default void onReleased(String messageId) {}
}
