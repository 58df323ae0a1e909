package io.skymarshal.core.internal;

import io.skymarshal.core.Decision;
import io.skymarshal.core.DecisionJson;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.core.Tier;
import io.skymarshal.store.Checkpoint;
import io.skymarshal.store.Claim;
import io.skymarshal.store.DecisionKey;
import io.skymarshal.store.DecisionOutcome;
import io.skymarshal.store.DecisionPendingException;
import io.skymarshal.store.DecisionStore;
import io.skymarshal.store.LeaseLostException;
import io.skymarshal.store.StoredDecision;
import io.skymarshal.store.StoredRunPolicy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs through a {@link DecisionStore}: one arbitration per document. Claims the document, waits
 * (bounded) while another owner runs it, resumes from its checkpoints, checkpoints each phase,
 * renews the lease while the run is in flight, stores the decision. Internal: use
 * {@link io.skymarshal.core.Orchestrator#decide}. Thread-safe.
 */
public final class StoredRuns implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("io.skymarshal.store");

  private final RunEngine engine;
  private final DecisionStore store;
  private final StoredRunPolicy policy;
  private final CheckpointCodec codec;
  private final Map<String, Tier> agents;
  private final ScheduledThreadPoolExecutor renewals;
  private final java.util.concurrent.ConcurrentHashMap<DecisionKey, CompletableFuture<DecisionOutcome>> inFlight =
      new java.util.concurrent.ConcurrentHashMap<>();

  public StoredRuns(RunEngine engine, DecisionStore store, StoredRunPolicy policy, Map<String, Tier> agents) {
    this.engine = engine;
    this.store = store;
    this.policy = policy;
    this.codec = new CheckpointCodec(policy.constraintCodec());
    this.agents = Map.copyOf(agents);
    // two threads: one slow renewal (a store under load) must not hold up the others' past their leases
    this.renewals = new ScheduledThreadPoolExecutor(2, r -> {
      Thread t = new Thread(r, "skymarshal-lease-renewal");
      t.setDaemon(true);
      return t;
    });
    renewals.setRemoveOnCancelPolicy(true);
  }

  /** Decides about {@code disruption} once per document; see {@link io.skymarshal.core.Orchestrator#decide}. */
  public DecisionOutcome decide(Disruption disruption) {
    if (renewals.isShutdown()) {
      throw new SkyMarshalException("the orchestrator is closed: no run of " + disruption.id() + " is started", false);
    }
    DecisionKey key = DecisionKey.of(disruption);
    long deadline = System.nanoTime() + policy.awaitDecision().toNanos();
    // callers in this process share one owner id, which the store cannot tell apart: the first one
    // runs, the others wait for its outcome here
    while (true) {
      CompletableFuture<DecisionOutcome> mine = new CompletableFuture<>();
      CompletableFuture<DecisionOutcome> running = inFlight.putIfAbsent(key, mine);
      if (running == null) {
        try {
          DecisionOutcome out = claimAndRun(disruption, key, deadline);
          mine.complete(out);
          return out;
        } catch (RuntimeException | Error e) {
          mine.completeExceptionally(e);
          throw e;
        } finally {
          inFlight.remove(key, mine);
        }
      }
      try {
        DecisionOutcome out = running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return new DecisionOutcome(out.stored(), Optional.empty(), DecisionOutcome.Source.AWAITED);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new DecisionPendingException(key, policy.owner(), policy.awaitDecision());
      } catch (ExecutionException e) {
        // the other caller's run failed: try for ourselves (claiming again, or waiting for another)
        if (System.nanoTime() - deadline > 0) {
          throw new DecisionPendingException(key, policy.owner(), policy.awaitDecision());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SkyMarshalException("interrupted while waiting for " + key + " decided in this process", false, e);
      }
    }
  }

  private DecisionOutcome claimAndRun(Disruption disruption, DecisionKey key, long deadline) {
    boolean waited = false;
    while (true) {
      Claim claim = store.claim(key, policy.owner(), policy.lease());
      if (claim instanceof Claim.Decided d) {
        return new DecisionOutcome(d.decision(), Optional.empty(),
            waited ? DecisionOutcome.Source.AWAITED : DecisionOutcome.Source.STORED);
      }
      if (claim instanceof Claim.Acquired a) {
        return run(disruption, a);
      }
      Claim.Held held = (Claim.Held) claim;
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new DecisionPendingException(key, held.owner(), policy.awaitDecision());
      }
      waited = true;
      try {
        Thread.sleep(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), policy.pollInterval().toMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SkyMarshalException("interrupted while waiting for " + key + " held by " + held.owner(), false, e);
      }
    }
  }

  private DecisionOutcome run(Disruption disruption, Claim.Acquired claim) {
    DecisionKey key = claim.key();
    String owner = policy.owner();
    PhaseState p1 = null;
    PhaseState p2 = null;
    for (Checkpoint c : claim.checkpoints()) {
      PhaseState s = readable(key, c);
      if (s == null) {
        break; // a later phase depends on this one: resume only from what precedes it
      }
      if (c.phase() == Phase.INITIAL) {
        p1 = s;
      } else if (p1 != null) {
        p2 = s;
      }
    }
    if (claim.takenOver().isPresent() || p1 != null) {
      PhaseState r1 = p1;
      PhaseState r2 = p2;
      LOG.info("{}: taken over from {}, resuming after {}", key, claim.takenOver().orElse("an earlier run"),
          r2 != null ? "Phase 2" : r1 != null ? "Phase 1" : "nothing (no usable checkpoint)");
    }
    Resume resume = new Resume(p1, p2, state -> checkpoint(key, owner, state));
    AtomicReference<LeaseLostException> lost = new AtomicReference<>();
    CompletableFuture<Decision> future = engine.run(disruption, resume);
    long every = policy.renewEvery().toMillis();
    ScheduledFuture<?> renewal = renewals.scheduleWithFixedDelay(() -> {
      try {
        store.renew(key, owner, policy.lease());
      } catch (LeaseLostException e) {
        lost.set(e);
        future.cancel(true); // the document is someone else's now: stop paying for it
      } catch (RuntimeException e) {
        LOG.warn("{}: could not renew the lease ({}); trying again in {} ms", key, e.toString(), every);
      }
    }, every, every, TimeUnit.MILLISECONDS);
    Decision decision;
    try {
      decision = await(future, key);
    } catch (RuntimeException e) {
      renewal.cancel(false);
      if (lost.get() != null) {
        throw lost.get();
      }
      releaseQuietly(key, owner);
      throw e;
    }
    renewal.cancel(false);
    StoredDecision toStore = new StoredDecision(key, decision.status(), decision.action(), decision.needsReview(),
        DecisionJson.toTree(decision).toString(), owner, Instant.now(), claim.previousHash());
    StoredDecision stored = store.complete(key, owner, toStore);
    return new DecisionOutcome(stored, Optional.of(decision), DecisionOutcome.Source.ARBITRATED);
  }

  /** The checkpoint as a phase state, or null (logged with the reason) if it cannot be used: the phase runs again. */
  private PhaseState readable(DecisionKey key, Checkpoint c) {
    try {
      return codec.read(c.payload(), c.phase(), agents);
    } catch (CheckpointCodec.Unreadable e) {
      LOG.warn("{}: the {} checkpoint is not used, the phase runs again: {}", key, c.phase().reportName(),
          e.getMessage());
      return null;
    }
  }

  private void checkpoint(DecisionKey key, String owner, PhaseState state) {
    String payload;
    try {
      payload = codec.write(state);
    } catch (IllegalArgumentException e) {
      // costs a resume the phase, never safety: the run goes on without this checkpoint
      LOG.warn("{}: {} not checkpointed: {}", key, state.phase().reportName(), e.getMessage());
      return;
    }
    store.checkpoint(key, owner, new Checkpoint(state.phase(), payload));
  }

  private static Decision await(CompletableFuture<Decision> future, DecisionKey key) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new SkyMarshalException("interrupted while deciding " + key + "; the run was cancelled", false, e);
    } catch (CancellationException e) {
      throw new SkyMarshalException("the run of " + key + " was cancelled", false, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof SkyMarshalException s) {
        throw s;
      }
      throw new SkyMarshalException("run of " + key + " failed: " + cause, false, cause);
    }
  }

  private void releaseQuietly(DecisionKey key, String owner) {
    // a run cancelled by an interrupt still gives its lease back: a store client may refuse to
    // start a request on an interrupted thread, so the flag is set aside for the call
    boolean interrupted = Thread.interrupted();
    try {
      store.release(key, owner);
    } catch (RuntimeException e) {
      LOG.warn("{}: could not release the lease ({}); it expires on its own", key, e.toString());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops renewing leases; runs still in flight lose theirs when they expire. */
  @Override
  public void close() {
    renewals.shutdownNow();
  }
}
