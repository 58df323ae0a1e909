package io.skymarshal.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Shared state that makes one arbitration per disruption document ({@link DecisionKey}) across
 * runs, threads and instances: a claim with a lease decides who runs, checkpoints keep what each
 * completed phase paid for, and the stored decision answers everyone else.
 *
 * <p>The protocol, for an owner (an instance id, unique per process):
 * <ol>
 *   <li>{@link #claim}: {@link Claim.Acquired} to run (resuming from its checkpoints),
 *       {@link Claim.Decided} to take the stored decision, {@link Claim.Held} to wait;
 *   <li>while running, {@link #renew} the lease well before it expires, and
 *       {@link #checkpoint} each completed phase;
 *   <li>{@link #complete} with the decision; or {@link #release} the lease to let another owner
 *       take over at once (shutting down, run cancelled).
 * </ol>
 * A lease that expires (its owner died) is taken over by the next {@link #claim} of another owner,
 * with the checkpoints. Every write of an owner is conditional on its still being the owner (no
 * other owner has claimed since) and on no decision being stored: the owner is the fence, so two
 * owners never both write the same document, and a decision is stored once. An owner whose lease
 * expired but was not taken over may go on (its renewal was late, nobody needed it).
 *
 * <p>Implementations are thread-safe and blocking. Failures are {@link DecisionStoreException}s
 * ({@link DecisionStoreException#retryable()} for an unavailable store); a write by an owner that
 * does not hold the lease is a {@link LeaseLostException}.
 */
public interface DecisionStore {

  /**
   * Claims {@code key} for {@code owner} with a lease of {@code lease}: acquires it when no one
   * holds it or the holder's lease has expired (taking over its checkpoints), unless the decision
   * is stored. A claim by the current holder renews its lease and returns its checkpoints.
   */
  Claim claim(DecisionKey key, String owner, Duration lease);

  /**
   * Extends {@code owner}'s lease to {@code lease} from now.
   *
   * @throws LeaseLostException if {@code owner} is not the owner of {@code key} (another owner took
   *                            it over, or it was never claimed) or its decision is stored
   */
  void renew(DecisionKey key, String owner, Duration lease);

  /**
   * Stores a completed phase; a checkpoint of the same phase replaces the earlier one.
   *
   * @throws LeaseLostException as {@link #renew}
   */
  void checkpoint(DecisionKey key, String owner, Checkpoint checkpoint);

  /**
   * Stores the decision and ends the lease; the disruption id's latest decision is now this one.
   * {@code decision.key()} must be {@code key} and {@code decision.decidedBy()} {@code owner}.
   *
   * Idempotent for its owner: a completion retried after it succeeded (its answer lost in transit)
   * returns the decision stored the first time, unchanged.
   *
   * @return the decision as stored (its {@link StoredDecision#decidedAt()} by the store's clock,
   *         its {@link StoredDecision#previousHash()} the disruption id's latest decision before)
   * @throws LeaseLostException as {@link #renew}: another owner took over, or the decision is stored already
   */
  StoredDecision complete(DecisionKey key, String owner, StoredDecision decision);

  /** Ends {@code owner}'s lease now, keeping the checkpoints; does nothing if it does not hold it. */
  void release(DecisionKey key, String owner);

  /** The stored decision about {@code key}, if there is one. */
  Optional<StoredDecision> find(DecisionKey key);
}
