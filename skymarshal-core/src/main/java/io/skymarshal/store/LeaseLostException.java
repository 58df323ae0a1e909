package io.skymarshal.store;

/**
 * An owner wrote to a {@link DecisionKey} whose lease it does not hold (any more): another owner
 * took it over after it expired, or the decision is stored. The run that gets this must stop; its
 * document is someone else's now. Not retryable.
 */
public class LeaseLostException extends DecisionStoreException {
  private static final long serialVersionUID = 1L;
  private final transient DecisionKey key;
  private final String owner;

  public LeaseLostException(DecisionKey key, String owner, String why) {
    super(owner + " does not hold the lease on " + key + ": " + why, false);
    this.key = key;
    this.owner = owner;
  }

  /** The document. */
  public DecisionKey key() {
    return key;
  }

  /** The owner that lost it. */
  public String owner() {
    return owner;
  }
}
