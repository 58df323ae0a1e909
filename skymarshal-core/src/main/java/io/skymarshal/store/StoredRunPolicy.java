package io.skymarshal.store;

import io.skymarshal.core.spi.BuilderSettings;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How an {@link io.skymarshal.core.Orchestrator} decides through a {@link DecisionStore}
 * ({@link io.skymarshal.core.Orchestrator#decide}): who it is, how long its lease lasts and how
 * often it is renewed, how long it waits for another owner's decision, and how constraints are
 * checkpointed. Immutable; build with {@link #builder(ConstraintCodec)}.
 *
 * <p>Defaults: owner {@code <host/pid>-<8 random hex digits>}, lease 2 minutes (longer than a run
 * takes between two renewals), renewed every third of the lease, await a decision in flight
 * elsewhere up to 5 minutes, polling every 500 ms.
 *
 * @param owner          this instance's id in the store; unique per process
 * @param lease          how long a claim holds without renewal
 * @param renewEvery     how often a run in flight renews its lease; less than {@code lease}
 * @param awaitDecision  the most a caller waits for another owner's run before
 *                       {@link DecisionPendingException}
 * @param pollInterval   how often a waiting caller looks again
 * @param constraintCodec how constraints are checkpointed
 */
public record StoredRunPolicy(String owner, Duration lease, Duration renewEvery, Duration awaitDecision,
    Duration pollInterval, ConstraintCodec constraintCodec) {

  public StoredRunPolicy {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(constraintCodec, "constraintCodec");
    positive("lease", lease);
    positive("renewEvery", renewEvery);
    positive("pollInterval", pollInterval);
    Objects.requireNonNull(awaitDecision, "awaitDecision");
    if (awaitDecision.isNegative()) {
      throw new IllegalArgumentException("awaitDecision must be >= 0 but was " + awaitDecision);
    }
    if (renewEvery.compareTo(lease) >= 0) {
      throw new IllegalArgumentException("renewEvery (" + renewEvery + ") must be shorter than the lease (" + lease + ")");
    }
  }

  /** A builder with the defaults above and {@code codec}. */
  public static Builder builder(ConstraintCodec codec) {
    return new Builder(Objects.requireNonNull(codec, "codec"));
  }

  /** The policy with the defaults above. */
  public static StoredRunPolicy defaults(ConstraintCodec codec) {
    return builder(codec).build();
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + d);
    }
  }

  /** A default owner id: host/pid and 8 random hex digits. */
  static String defaultOwner() {
    return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Builds a {@link StoredRunPolicy}; each setting once, checked as it is given. Not thread-safe. */
  public static final class Builder {
    private final BuilderSettings given = new BuilderSettings();
    private final ConstraintCodec codec;
    private String owner;
    private Duration lease = Duration.ofMinutes(2);
    private Duration renewEvery;
    private Duration awaitDecision = Duration.ofMinutes(5);
    private Duration pollInterval = Duration.ofMillis(500);

    private Builder(ConstraintCodec codec) {
      this.codec = codec;
    }

    /** This instance's id in the store; not blank. */
    public Builder owner(String owner) {
      Objects.requireNonNull(owner, "owner");
      if (owner.isBlank()) {
        throw new IllegalArgumentException("owner must not be blank");
      }
      given.once("owner");
      this.owner = owner;
      return this;
    }

    /** How long a claim holds without renewal; positive. */
    public Builder lease(Duration lease) {
      positive("lease", lease);
      given.once("lease");
      this.lease = lease;
      return this;
    }

    /** How often a run in flight renews its lease; positive, less than the lease. Default a third of it. */
    public Builder renewEvery(Duration renewEvery) {
      positive("renewEvery", renewEvery);
      given.once("renewEvery");
      this.renewEvery = renewEvery;
      return this;
    }

    /** The most a caller waits for another owner's decision; zero means not at all. */
    public Builder awaitDecision(Duration awaitDecision) {
      Objects.requireNonNull(awaitDecision, "awaitDecision");
      if (awaitDecision.isNegative()) {
        throw new IllegalArgumentException("awaitDecision must be >= 0 but was " + awaitDecision);
      }
      given.once("awaitDecision");
      this.awaitDecision = awaitDecision;
      return this;
    }

    /** How often a waiting caller looks again; positive. */
    public Builder pollInterval(Duration pollInterval) {
      positive("pollInterval", pollInterval);
      given.once("pollInterval");
      this.pollInterval = pollInterval;
      return this;
    }

    /**
     * @throws IllegalArgumentException if renewEvery is not shorter than the lease
     */
    public StoredRunPolicy build() {
      Duration renew = renewEvery != null ? renewEvery : lease.dividedBy(3);
      return new StoredRunPolicy(owner != null ? owner : defaultOwner(), lease, renew, awaitDecision, pollInterval,
          codec);
    }
  }
}
