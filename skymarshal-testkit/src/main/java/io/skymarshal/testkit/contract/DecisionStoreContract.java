package io.skymarshal.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.core.Decision;
import io.skymarshal.core.Phase;
import io.skymarshal.store.Checkpoint;
import io.skymarshal.store.Claim;
import io.skymarshal.store.DecisionKey;
import io.skymarshal.store.DecisionStore;
import io.skymarshal.store.LeaseLostException;
import io.skymarshal.store.StoredDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DecisionStore} keeps, as tests: extend it in your implementation's
 * test sources and say how to build an empty store whose leases expire by a given clock. Covers
 * claims (new, held, taken over after expiry, renewed by the holder), checkpoints (kept, replaced,
 * refused to a non-holder), completion (once, refused after a takeover), release, links between
 * successive documents of one disruption, payloads kept byte for byte, and concurrent claims of
 * one document (exactly one acquires).
 */
public abstract class DecisionStoreContract {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final Duration LEASE = Duration.ofMinutes(1);

  /** A clock that moves only when told to. Thread-safe. */
  public static final class MovingClock extends Clock {
    private volatile Instant now;

    public MovingClock(Instant start) {
      this.now = start;
    }

    /** Moves the clock forward by {@code d}. */
    public void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a MovingClock is UTC");
    }
  }

  /** An empty store (or one no other test's keys are in) whose leases expire by {@code clock}. */
  protected abstract DecisionStore store(Clock clock);

  protected MovingClock clock;
  protected DecisionStore store;

  @BeforeEach
  void newStore() {
    clock = new MovingClock(Instant.parse("2026-01-30T12:00:00Z"));
    store = store(clock);
  }

  /** A key no other test uses. */
  protected static DecisionKey key(String document) {
    String id = "DISR-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
    return new DecisionKey(id, hash(document));
  }

  /** A valid document hash for {@code document}'s text. */
  protected static String hash(String document) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(document.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static StoredDecision decision(DecisionKey key, String owner, String action) {
    return new StoredDecision(key, Decision.Status.DECIDED, action, false, "{\"action\":\"" + action + "\"}", owner,
        Instant.EPOCH, Optional.empty());
  }

  @Test
  void claim_ofANewDocument_acquiresWithoutCheckpoints() {
    DecisionKey k = key("a");
    Claim c = store.claim(k, "i-1", LEASE);

    assertThat(c).isInstanceOfSatisfying(Claim.Acquired.class, a -> {
      assertThat(a.owner()).isEqualTo("i-1");
      assertThat(a.checkpoints()).isEmpty();
      assertThat(a.takenOver()).isEmpty();
      assertThat(a.previousHash()).isEmpty();
      assertThat(a.leaseExpiry()).isEqualTo(clock.instant().plus(LEASE));
    });
    assertThat(store.find(k)).isEmpty();
  }

  @Test
  void claim_whileAnotherOwnerHoldsTheLease_isHeldNamingItAndItsExpiry() {
    DecisionKey k = key("a");
    store.claim(k, "i-1", LEASE);
    clock.advance(Duration.ofSeconds(59));

    assertThat(store.claim(k, "i-2", LEASE)).isInstanceOfSatisfying(Claim.Held.class, h -> {
      assertThat(h.owner()).isEqualTo("i-1");
      assertThat(h.leaseExpiry()).isEqualTo(clock.instant().plusSeconds(1));
    });
  }

  @Test
  void claim_afterTheLeaseExpired_takesOverWithTheCheckpoints() {
    DecisionKey k = key("a");
    store.claim(k, "i-1", LEASE);
    store.checkpoint(k, "i-1", new Checkpoint(Phase.INITIAL, "{\"p\":1}"));
    store.checkpoint(k, "i-1", new Checkpoint(Phase.REVISION, "{\"p\":2}"));
    clock.advance(LEASE);

    Claim c = store.claim(k, "i-2", LEASE);

    assertThat(c).isInstanceOfSatisfying(Claim.Acquired.class, a -> {
      assertThat(a.takenOver()).contains("i-1");
      assertThat(a.checkpoints()).containsExactly(new Checkpoint(Phase.INITIAL, "{\"p\":1}"),
          new Checkpoint(Phase.REVISION, "{\"p\":2}"));
    });
    assertThatThrownBy(() -> store.checkpoint(k, "i-1", new Checkpoint(Phase.REVISION, "{}")))
        .isInstanceOf(LeaseLostException.class).hasMessageContaining("i-1");
  }

  @Test
  void claim_byTheHolder_renewsItsLeaseAndKeepsItsCheckpoints() {
    DecisionKey k = key("a");
    store.claim(k, "i-1", LEASE);
    store.checkpoint(k, "i-1", new Checkpoint(Phase.INITIAL, "{\"p\":1}"));
    clock.advance(Duration.ofSeconds(30));

    Claim again = store.claim(k, "i-1", LEASE);

    assertThat(again).isInstanceOfSatisfying(Claim.Acquired.class, a -> {
      assertThat(a.takenOver()).isEmpty();
      assertThat(a.checkpoints()).extracting(Checkpoint::phase).containsExactly(Phase.INITIAL);
      assertThat(a.leaseExpiry()).isEqualTo(clock.instant().plus(LEASE));
    });
  }

  @Test
  void checkpoint_ofTheSamePhase_replacesTheEarlierOne() {
    DecisionKey k = key("a");
    store.claim(k, "i-1", LEASE);
    store.checkpoint(k, "i-1", new Checkpoint(Phase.INITIAL, "first"));
    store.checkpoint(k, "i-1", new Checkpoint(Phase.INITIAL, "second"));
    clock.advance(LEASE);

    Claim.Acquired a = (Claim.Acquired) store.claim(k, "i-2", LEASE);
    assertThat(a.checkpoints()).containsExactly(new Checkpoint(Phase.INITIAL, "second"));
  }

  @Test
  void checkpoint_keepsLargeAndUnicodePayloadsExactly() {
    DecisionKey k = key("a");
    StringBuilder big = new StringBuilder("{\"text\":\"");
    for (int i = 0; i < 20_000; i++) {
      big.append(i % 7 == 0 ? "é✈" : "x");
    }
    String payload = big.append("\"}").toString();
    store.claim(k, "i-1", LEASE);
    store.checkpoint(k, "i-1", new Checkpoint(Phase.INITIAL, payload));
    clock.advance(LEASE);

    assertThat(((Claim.Acquired) store.claim(k, "i-2", LEASE)).checkpoints()).singleElement()
        .satisfies(c -> assertThat(c.payload()).isEqualTo(payload));
  }

  @Test
  void writes_byAnOwnerWithoutTheLease_areRefused() {
    DecisionKey k = key("a");
    store.claim(k, "i-1", LEASE);

    assertThatThrownBy(() -> store.checkpoint(k, "i-2", new Checkpoint(Phase.INITIAL, "{}")))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> store.renew(k, "i-2", LEASE)).isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> store.complete(k, "i-2", decision(k, "i-2", "DELAY")))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> store.checkpoint(key("never claimed"), "i-1", new Checkpoint(Phase.INITIAL, "{}")))
        .isInstanceOf(LeaseLostException.class);
  }

  @Test
  void writes_afterTheLeaseExpired_areTheOwnersUntilAnotherOwnerTakesOver() {
    DecisionKey k = key("a");
    store.claim(k, "i-1", LEASE);
    clock.advance(LEASE.plusSeconds(1));

    store.checkpoint(k, "i-1", new Checkpoint(Phase.INITIAL, "{\"late\":true}"));
    store.renew(k, "i-1", LEASE);
    assertThat(store.claim(k, "i-2", LEASE)).as("renewed late, nobody had taken it").isInstanceOf(Claim.Held.class);

    clock.advance(LEASE.plusSeconds(1));
    assertThat(store.claim(k, "i-2", LEASE)).isInstanceOf(Claim.Acquired.class);
    assertThatThrownBy(() -> store.renew(k, "i-1", LEASE)).isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("i-2");
    assertThatThrownBy(() -> store.checkpoint(k, "i-1", new Checkpoint(Phase.INITIAL, "{}")))
        .isInstanceOf(LeaseLostException.class);
  }

  @Test
  void renew_extendsTheLeasePastItsFirstExpiry() {
    DecisionKey k = key("a");
    store.claim(k, "i-1", LEASE);
    clock.advance(Duration.ofSeconds(50));
    store.renew(k, "i-1", LEASE);
    clock.advance(Duration.ofSeconds(50));

    assertThat(store.claim(k, "i-2", LEASE)).isInstanceOf(Claim.Held.class);
    store.checkpoint(k, "i-1", new Checkpoint(Phase.INITIAL, "{}"));
  }

  @Test
  void complete_storesTheDecisionOnce_andEveryLaterClaimGetsIt() {
    DecisionKey k = key("a");
    store.claim(k, "i-1", LEASE);
    store.checkpoint(k, "i-1", new Checkpoint(Phase.INITIAL, "{}"));

    StoredDecision stored = store.complete(k, "i-1", decision(k, "i-1", "DELAY"));

    assertThat(stored.key()).isEqualTo(k);
    assertThat(stored.action()).isEqualTo("DELAY");
    assertThat(stored.json()).isEqualTo("{\"action\":\"DELAY\"}");
    assertThat(stored.decidedBy()).isEqualTo("i-1");
    assertThat(stored.decidedAt()).isEqualTo(clock.instant());
    assertThat(store.find(k)).contains(stored);
    assertThat(store.claim(k, "i-2", LEASE)).isEqualTo(new Claim.Decided(stored));
    clock.advance(Duration.ofDays(1));
    assertThat(store.claim(k, "i-1", LEASE)).isEqualTo(new Claim.Decided(stored));
    assertThat(store.complete(k, "i-1", decision(k, "i-1", "CANCEL"))).as("a retried completion")
        .isEqualTo(stored);
    assertThatThrownBy(() -> store.complete(k, "i-2", decision(k, "i-2", "CANCEL")))
        .isInstanceOf(LeaseLostException.class);
    assertThat(store.find(k)).contains(stored);
  }

  @Test
  void complete_byAnOwnerWhoseLeaseWasTakenOver_isRefusedAndTheNewOwnerDecides() {
    DecisionKey k = key("a");
    store.claim(k, "i-1", LEASE);
    clock.advance(LEASE.plusSeconds(1));
    store.claim(k, "i-2", LEASE);

    assertThatThrownBy(() -> store.complete(k, "i-1", decision(k, "i-1", "CANCEL")))
        .isInstanceOf(LeaseLostException.class);
    assertThat(store.complete(k, "i-2", decision(k, "i-2", "DELAY")).decidedBy()).isEqualTo("i-2");
  }

  @Test
  void release_letsAnotherOwnerTakeOverAtOnce_andByAnotherOwnerDoesNothing() {
    DecisionKey k = key("a");
    store.claim(k, "i-1", LEASE);
    store.release(k, "i-2");
    assertThat(store.claim(k, "i-3", LEASE)).isInstanceOf(Claim.Held.class);

    store.release(k, "i-1");

    assertThat(store.claim(k, "i-2", LEASE)).isInstanceOfSatisfying(Claim.Acquired.class,
        a -> assertThat(a.takenOver()).contains("i-1"));
  }

  @Test
  void aChangedDocument_isANewKey_linkedToTheDisruptionsLatestDecision() {
    DecisionKey first = key("version 1");
    DecisionKey second = new DecisionKey(first.disruptionId(), hash("version 2"));
    store.claim(first, "i-1", LEASE);
    store.complete(first, "i-1", decision(first, "i-1", "DELAY"));

    Claim c = store.claim(second, "i-1", LEASE);

    assertThat(c).isInstanceOfSatisfying(Claim.Acquired.class,
        a -> assertThat(a.previousHash()).contains(first.documentHash()));
    StoredDecision stored = store.complete(second, "i-1", decision(second, "i-1", "CANCEL"));
    assertThat(stored.previousHash()).contains(first.documentHash());
    assertThat(store.find(first).orElseThrow().previousHash()).isEmpty();
  }

  @Test
  void claim_atOnceByManyOwners_acquiresForExactlyOne() throws Exception {
    int owners = 12;
    for (int round = 0; round < 5; round++) {
      DecisionKey k = key("a");
      ExecutorService pool = Executors.newFixedThreadPool(owners);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Claim>> claims = new ArrayList<>();
        for (int i = 0; i < owners; i++) {
          String owner = "i-" + i;
          claims.add(pool.submit(() -> {
            start.await();
            return claimRetrying(k, owner);
          }));
        }
        start.countDown();
        List<Claim> results = new ArrayList<>();
        for (Future<Claim> f : claims) {
          results.add(f.get(60, TimeUnit.SECONDS));
        }
        assertThat(results).filteredOn(Claim.Acquired.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(Claim.Held.class::isInstance).hasSize(owners - 1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * A claim, tried again after a retryable failure (a connection closed under load), as callers
   * do: the contract is about the conditions, and such a failure is documented as retryable.
   */
  private Claim claimRetrying(DecisionKey k, String owner) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return store.claim(k, owner, LEASE);
      } catch (io.skymarshal.store.DecisionStoreException e) {
        if (!e.retryable() || attempt == 5) {
          throw e;
        }
        Thread.sleep(50L * attempt);
      }
    }
  }

  @Test
  void find_ofAnUnknownDocument_isEmpty() {
    assertThat(store.find(key("unknown"))).isEmpty();
  }
}
