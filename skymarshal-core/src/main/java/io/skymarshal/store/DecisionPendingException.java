package io.skymarshal.store;

import java.time.Duration;

/**
 * Another owner is deciding about the same document and its decision did not arrive within the
 * wait bound ({@link StoredRunPolicy#awaitDecision()}). Retryable: try again later (an SQS worker
 * leaves the message to be delivered again).
 */
public class DecisionPendingException extends DecisionStoreException {
  private static final long serialVersionUID = 1L;
  private final transient DecisionKey key;
  private final String holder;

  public DecisionPendingException(DecisionKey key, String holder, Duration waited) {
    super(key + " is being decided by " + holder + "; no decision after waiting " + waited.toMillis() + " ms", true);
    this.key = key;
    this.holder = holder;
  }

  /** The document. */
  public DecisionKey key() {
    return key;
  }

  /** The owner holding its lease when the wait ended. */
  public String holder() {
    return holder;
  }
}
