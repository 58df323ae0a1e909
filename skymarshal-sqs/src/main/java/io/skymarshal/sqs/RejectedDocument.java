package io.skymarshal.sqs;

import java.util.Objects;

/**
 * A message whose body the {@link DocumentReader} rejected. Immutable.
 *
 * @param messageId       the SQS message id
 * @param receiveCount    how often SQS has delivered it, this time included
 * @param maxReceiveCount the input queue's redrive limit: at this count the delivery was the last,
 *                        and the queue moves the message to its dead-letter queue next
 * @param errorType       the simple class name of what the reader threw, e.g. {@code DisruptionFormatException}
 * @param error           its message
 */
public record RejectedDocument(String messageId, int receiveCount, int maxReceiveCount, String errorType, String error) {

  public RejectedDocument {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(error, "error");
  }

  /** Whether this was the last delivery before the queue moves the message to its dead-letter queue. */
  public boolean lastDelivery() {
    return receiveCount >= maxReceiveCount;
  }
}
