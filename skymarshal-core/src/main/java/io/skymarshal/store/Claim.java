package io.skymarshal.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link DecisionStore#claim}: the caller now holds the lease and runs
 * ({@link Acquired}), the decision is already stored ({@link Decided}), or another owner holds
 * an unexpired lease ({@link Held}). Immutable.
 */
public sealed interface Claim {

  /** The document claimed. */
  DecisionKey key();

  /**
   * The caller holds the lease until {@code leaseExpiry} and must run, resuming from
   * {@code checkpoints} (the phases a previous owner completed, in phase order; empty for a new
   * claim).
   *
   * @param key          the document
   * @param owner        the caller
   * @param leaseExpiry  when the lease ends unless renewed
   * @param checkpoints  completed phases of a previous owner, in phase order
   * @param takenOver    the owner whose expired lease this claim took over; empty for a new claim
   * @param previousHash the document hash of the latest decision about the same disruption id,
   *                     if there is one with another hash
   */
  record Acquired(DecisionKey key, String owner, Instant leaseExpiry, List<Checkpoint> checkpoints,
      Optional<String> takenOver, Optional<String> previousHash) implements Claim {
    public Acquired {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(leaseExpiry, "leaseExpiry");
      checkpoints = List.copyOf(checkpoints);
      Objects.requireNonNull(takenOver, "takenOver");
      Objects.requireNonNull(previousHash, "previousHash");
    }
  }

  /** The decision is stored; nothing is to be run. */
  record Decided(StoredDecision decision) implements Claim {
    public Decided {
      Objects.requireNonNull(decision, "decision");
    }

    @Override
    public DecisionKey key() {
      return decision.key();
    }
  }

  /**
   * Another owner holds the lease until {@code leaseExpiry}: wait for its decision, or claim
   * again after the expiry to take over.
   */
  record Held(DecisionKey key, String owner, Instant leaseExpiry) implements Claim {
    public Held {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(leaseExpiry, "leaseExpiry");
    }
  }
}
