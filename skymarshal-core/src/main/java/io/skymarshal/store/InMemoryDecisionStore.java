package io.skymarshal.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link DecisionStore} in this JVM's memory: one arbitration per document among the runs of
 * one process (all orchestrators sharing this instance). Lease expiry follows the injected
 * {@link Clock} (default {@link Clock#systemUTC()}), so tests move time instead of sleeping.
 * Thread-safe: every operation holds one lock. Nothing is evicted; for a long-running service with
 * several instances use the DynamoDB store of {@code skymarshal-dynamo}.
 */
public final class InMemoryDecisionStore implements DecisionStore {
  private final Clock clock;
  private final Map<DecisionKey, Entry> entries = new HashMap<>();
  /** Per disruption id, the document hash of its latest stored decision. */
  private final Map<String, String> latest = new HashMap<>();

  private static final class Entry {
    String owner;
    Instant leaseExpiry;
    final Map<io.skymarshal.core.Phase, Checkpoint> checkpoints = new EnumMap<>(io.skymarshal.core.Phase.class);
    StoredDecision decision;
  }

  private InMemoryDecisionStore(Clock clock) {
    this.clock = clock;
  }

  /** A store on the system clock. */
  public static InMemoryDecisionStore create() {
    return new InMemoryDecisionStore(Clock.systemUTC());
  }

  /** A store whose leases expire by {@code clock}. */
  public static InMemoryDecisionStore withClock(Clock clock) {
    return new InMemoryDecisionStore(Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public synchronized Claim claim(DecisionKey key, String owner, Duration lease) {
    check(key, owner);
    checkLease(lease);
    Instant now = clock.instant();
    Entry e = entries.get(key);
    if (e != null && e.decision != null) {
      return new Claim.Decided(e.decision);
    }
    Optional<String> takenOver = Optional.empty();
    if (e == null) {
      e = new Entry();
      entries.put(key, e);
    } else if (!e.owner.equals(owner)) {
      if (e.leaseExpiry.isAfter(now)) {
        return new Claim.Held(key, e.owner, e.leaseExpiry);
      }
      takenOver = Optional.of(e.owner);
    }
    e.owner = owner;
    e.leaseExpiry = now.plus(lease);
    String prev = latest.get(key.disruptionId());
    Optional<String> previous = prev == null || prev.equals(key.documentHash()) ? Optional.empty() : Optional.of(prev);
    return new Claim.Acquired(key, owner, e.leaseExpiry, new ArrayList<>(e.checkpoints.values()), takenOver, previous);
  }

  @Override
  public synchronized void renew(DecisionKey key, String owner, Duration lease) {
    checkLease(lease);
    held(key, owner).leaseExpiry = clock.instant().plus(lease);
  }

  @Override
  public synchronized void checkpoint(DecisionKey key, String owner, Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    held(key, owner).checkpoints.put(checkpoint.phase(), checkpoint);
  }

  @Override
  public synchronized StoredDecision complete(DecisionKey key, String owner, StoredDecision decision) {
    Objects.requireNonNull(decision, "decision");
    if (!decision.key().equals(key) || !decision.decidedBy().equals(owner)) {
      throw new IllegalArgumentException("the decision is about " + decision.key() + " by " + decision.decidedBy()
          + ", not " + key + " by " + owner);
    }
    Entry existing = entries.get(key);
    if (existing != null && existing.decision != null && existing.decision.decidedBy().equals(owner)) {
      return existing.decision; // a retried completion
    }
    Entry e = held(key, owner);
    String prev = latest.get(key.disruptionId());
    Optional<String> previous = prev == null || prev.equals(key.documentHash()) ? Optional.empty() : Optional.of(prev);
    StoredDecision stored = new StoredDecision(key, decision.status(), decision.action(), decision.needsReview(),
        decision.json(), owner, clock.instant(), previous);
    e.decision = stored;
    e.checkpoints.clear();
    latest.put(key.disruptionId(), key.documentHash());
    return stored;
  }

  @Override
  public synchronized void release(DecisionKey key, String owner) {
    check(key, owner);
    Entry e = entries.get(key);
    if (e != null && e.decision == null && e.owner.equals(owner)) {
      e.leaseExpiry = clock.instant();
    }
  }

  @Override
  public synchronized Optional<StoredDecision> find(DecisionKey key) {
    Objects.requireNonNull(key, "key");
    Entry e = entries.get(key);
    return e == null ? Optional.empty() : Optional.ofNullable(e.decision);
  }

  /** The stored decisions, in no particular order: for tests and counts. */
  public synchronized List<StoredDecision> decisions() {
    return entries.values().stream().filter(e -> e.decision != null).map(e -> e.decision).toList();
  }

  private Entry held(DecisionKey key, String owner) {
    check(key, owner);
    Entry e = entries.get(key);
    if (e == null) {
      throw new LeaseLostException(key, owner, "it was never claimed");
    }
    if (e.decision != null) {
      throw new LeaseLostException(key, owner, "its decision is stored");
    }
    if (!e.owner.equals(owner)) {
      throw new LeaseLostException(key, owner, "it is held by " + e.owner);
    }
    return e; // expired but not taken over: still the owner's (the owner is the fence, see DecisionStore)
  }

  private static void check(DecisionKey key, String owner) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(owner, "owner");
  }

  private static void checkLease(Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive but was " + lease);
    }
  }
}
