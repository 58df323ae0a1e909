package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.skymarshal.model.ModelReply;
import io.skymarshal.store.Checkpoint;
import io.skymarshal.store.Claim;
import io.skymarshal.store.ConstraintCodec;
import io.skymarshal.store.DecisionKey;
import io.skymarshal.store.DecisionOutcome;
import io.skymarshal.store.DecisionPendingException;
import io.skymarshal.store.DecisionStore;
import io.skymarshal.store.InMemoryDecisionStore;
import io.skymarshal.store.LeaseLostException;
import io.skymarshal.store.StoredDecision;
import io.skymarshal.store.StoredRunPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Orchestrator#decide}: one arbitration per document, checkpoints, resume, takeover. */
class DecideOnceTest {

  /** The test agents' one constraint type, as checkpoint JSON. */
  static final ConstraintCodec CODEC = new ConstraintCodec() {
    @Override
    public JsonNode toJson(BindingConstraint c) {
      if (!(c instanceof TestAgents.Grounded g)) {
        throw new IllegalArgumentException("unknown constraint " + c);
      }
      return JsonNodeFactory.instance.objectNode().put("kind", g.kind()).put("subject", g.registration());
    }

    @Override
    public BindingConstraint fromJson(JsonNode json) {
      if (!json.path("kind").asText().equals("aircraft_grounded")) {
        throw new IllegalArgumentException("unknown kind " + json);
      }
      return new TestAgents.Grounded(json.get("subject").asText());
    }
  };

  /** A clock tests move by hand. */
  static final class MovingClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-30T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Orchestrator> orchestrators = new ArrayList<>();

  @AfterEach
  void close() {
    orchestrators.forEach(Orchestrator::close);
    threads.shutdownNow();
  }

  /** Leases of 2 hours renewed hourly: no renewal happens during a test unless the clock is moved. */
  private Orchestrator instance(String owner, TestModel model, DecisionStore store) {
    StoredRunPolicy policy = StoredRunPolicy.builder(CODEC).owner(owner).lease(Duration.ofHours(2))
        .renewEvery(Duration.ofHours(1)).awaitDecision(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
        .build();
    Orchestrator o = OrchestratorTest.builder(model).decisionStore(store, policy).build();
    orchestrators.add(o);
    return o;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  @Test
  void decide_twiceInSequence_arbitratesOnceAndReturnsTheStoredDecision() {
    TestModel model = new TestModel();
    InMemoryDecisionStore store = InMemoryDecisionStore.create();
    Orchestrator o = instance("i-1", model, store);

    DecisionOutcome first = o.decide(TestAgents.disruption());
    DecisionOutcome second = o.decide(TestAgents.disruption());

    assertThat(first.source()).isEqualTo(DecisionOutcome.Source.ARBITRATED);
    assertThat(first.decision()).get().extracting(Decision::status).isEqualTo(Decision.Status.DECIDED);
    assertThat(first.resumedPhases()).isEmpty();
    assertThat(second.source()).isEqualTo(DecisionOutcome.Source.STORED);
    assertThat(second.stored()).isEqualTo(first.stored());
    assertThat(second.stored().json()).contains("\"status\":\"DECIDED\"");
    assertThat(model.calls).hasSize(15);
    assertThat(model.count("arbitrator")).isEqualTo(1);
  }

  @Test
  void decide_atOnceOnTwoInstances_arbitratesOnceAndTheOtherWaitsForIt() throws Exception {
    CompletableFuture<ModelReply> arbitration = new CompletableFuture<>();
    TestModel a = new TestModel().on("arbitrator", r -> arbitration);
    TestModel b = new TestModel();
    InMemoryDecisionStore store = InMemoryDecisionStore.create();
    Orchestrator one = instance("i-1", a, store);
    Orchestrator two = instance("i-2", b, store);

    Future<DecisionOutcome> first = threads.submit(() -> one.decide(TestAgents.disruption()));
    await("the arbitrator call of i-1", () -> a.count("arbitrator") == 1);
    Future<DecisionOutcome> second = threads.submit(() -> two.decide(TestAgents.disruption()));
    arbitration.complete(TestModel.reply("DELAY 0.8 A6-APA"));

    assertThat(first.get(60, TimeUnit.SECONDS).source()).isEqualTo(DecisionOutcome.Source.ARBITRATED);
    DecisionOutcome waited = second.get(60, TimeUnit.SECONDS);
    assertThat(waited.source()).isIn(DecisionOutcome.Source.AWAITED, DecisionOutcome.Source.STORED);
    assertThat(waited.stored().decidedBy()).isEqualTo("i-1");
    assertThat(b.calls).isEmpty();
  }

  @Test
  void decide_whileAnotherRunsLongerThanTheWait_failsPendingAndRetryable() throws Exception {
    CompletableFuture<ModelReply> arbitration = new CompletableFuture<>();
    TestModel a = new TestModel().on("arbitrator", r -> arbitration);
    InMemoryDecisionStore store = InMemoryDecisionStore.create();
    Orchestrator one = instance("i-1", a, store);
    Orchestrator impatient = OrchestratorTest.builder(new TestModel()).decisionStore(store, StoredRunPolicy
        .builder(CODEC).owner("i-2").awaitDecision(Duration.ZERO).build()).build();
    orchestrators.add(impatient);

    Future<DecisionOutcome> first = threads.submit(() -> one.decide(TestAgents.disruption()));
    await("the arbitrator call of i-1", () -> a.count("arbitrator") == 1);

    assertThatThrownBy(() -> impatient.decide(TestAgents.disruption())).isInstanceOf(DecisionPendingException.class)
        .hasMessageContaining("i-1").satisfies(e -> assertThat(((DecisionPendingException) e).retryable()).isTrue());
    arbitration.complete(TestModel.reply("DELAY 0.8 A6-APA"));
    assertThat(first.get(60, TimeUnit.SECONDS).source()).isEqualTo(DecisionOutcome.Source.ARBITRATED);
  }

  @Test
  void decide_afterAnInstanceDiedInPhase3_resumesAfterPhase2WithExactlyOneModelCall() throws Exception {
    MovingClock clock = new MovingClock();
    InMemoryDecisionStore store = InMemoryDecisionStore.withClock(clock);
    CompletableFuture<ModelReply> never = new CompletableFuture<>();
    TestModel dying = new TestModel().on("arbitrator", r -> never);
    Orchestrator one = instance("i-1", dying, store);
    Future<DecisionOutcome> first = threads.submit(() -> one.decide(TestAgents.disruption()));
    await("the arbitrator call of i-1", () -> dying.count("arbitrator") == 1);

    clock.advance(Duration.ofHours(3)); // i-1's lease has expired: it is taken for dead
    TestModel model = new TestModel();
    DecisionOutcome resumed = instance("i-2", model, store).decide(TestAgents.disruption());

    assertThat(model.calls).singleElement().satisfies(c -> assertThat(c.request().agent()).isEqualTo("arbitrator"));
    assertThat(resumed.source()).isEqualTo(DecisionOutcome.Source.ARBITRATED);
    assertThat(resumed.resumedPhases()).containsExactly(Phase.INITIAL, Phase.REVISION);
    Decision d = resumed.decision().orElseThrow();
    assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
    assertThat(d.recommendations()).hasSize(7).extracting(Recommendation::phase).containsOnly(Phase.REVISION);
    assertThat(d.recommendations()).filteredOn(r -> r.agent().equals("maintenance")).singleElement()
        .satisfies(r -> assertThat(r.checked()).isEqualTo(TestAgents.MAINTENANCE_CHECKS));
    assertThat(d.report().calls()).hasSize(1);
    assertThat(DecisionJson.toTree(d).get("resumedPhases").toString()).isEqualTo("[\"phase1_initial\",\"phase2_revision\"]");

    // the dead instance comes back: its late decision is refused, the stored one stands
    never.complete(TestModel.reply("CANCEL 0.9 -"));
    assertThatThrownBy(() -> first.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(LeaseLostException.class);
    assertThat(store.decisions()).singleElement().satisfies(s -> {
      assertThat(s.decidedBy()).isEqualTo("i-2");
      assertThat(s.action()).isEqualTo("DELAY");
    });
  }

  @Test
  void decide_afterAnInstanceDiedInPhase2_resumesAfterPhase1AndRunsPhase2AndArbitration() throws Exception {
    MovingClock clock = new MovingClock();
    InMemoryDecisionStore store = InMemoryDecisionStore.withClock(clock);
    TestModel dying = new TestModel();
    TestAgents.BUSINESS.forEach(n -> dying.on(n, r -> r.phase() == Phase.REVISION ? new CompletableFuture<>()
        : TestModel.ok("OK 0.9")));
    TestAgents.SAFETY.forEach(n -> dying.on(n, r -> r.phase() == Phase.REVISION ? new CompletableFuture<>()
        : TestModel.ok("OK 0.9")));
    Orchestrator one = instance("i-1", dying, store);
    threads.submit(() -> one.decide(TestAgents.disruption()));
    await("the Phase 2 calls of i-1", () -> dying.calls.stream().filter(c -> c.request().phase() == Phase.REVISION)
        .count() == 7);

    clock.advance(Duration.ofHours(3));
    TestModel model = new TestModel();
    DecisionOutcome resumed = instance("i-2", model, store).decide(TestAgents.disruption());

    assertThat(model.calls).hasSize(8).noneMatch(c -> c.request().phase() == Phase.INITIAL);
    assertThat(resumed.resumedPhases()).containsExactly(Phase.INITIAL);
    // Phase 2 prompts still list the resumed Phase-1 peers
    assertThat(model.callsOf("network").get(0).request().messages().get(0).text()).contains("crew_compliance");
    assertThat(resumed.decision().orElseThrow().status()).isEqualTo(Decision.Status.DECIDED);
  }

  @Test
  void decide_resumedConstraintsStillBind_aPlanThatBreaksOneIsHalted() throws Exception {
    MovingClock clock = new MovingClock();
    InMemoryDecisionStore store = InMemoryDecisionStore.withClock(clock);
    CompletableFuture<ModelReply> never = new CompletableFuture<>();
    TestModel dying = new TestModel().on("maintenance", r -> TestModel.ok("AOG 0.9 grounded:A6-APA"))
        .on("arbitrator", r -> never);
    Orchestrator one = instance("i-1", dying, store);
    threads.submit(() -> one.decide(TestAgents.disruption()));
    await("the arbitrator call of i-1", () -> dying.count("arbitrator") == 1);

    clock.advance(Duration.ofHours(3));
    TestModel model = new TestModel(); // its arbitrator operates A6-APA, which the resumed maintenance grounded
    DecisionOutcome resumed = instance("i-2", model, store).decide(TestAgents.disruption());

    Decision d = resumed.decision().orElseThrow();
    assertThat(resumed.resumedPhases()).containsExactly(Phase.INITIAL, Phase.REVISION);
    assertThat(d.status()).isEqualTo(Decision.Status.HALTED);
    assertThat(d.violations()).isNotEmpty();
    assertThat(model.calls).allMatch(c -> c.request().agent().equals("arbitrator"));
    assertThat(resumed.stored().status()).isEqualTo(Decision.Status.HALTED);
  }

  @Test
  void decide_whenACheckpointCannotBeRead_runsThatPhaseAgainAndResumesNothing() throws Exception {
    MovingClock clock = new MovingClock();
    InMemoryDecisionStore inner = InMemoryDecisionStore.withClock(clock);
    DecisionStore corrupting = new ForwardingStore(inner) {
      @Override
      public Claim claim(DecisionKey key, String owner, Duration lease) {
        Claim c = super.claim(key, owner, lease);
        if (c instanceof Claim.Acquired a && !a.checkpoints().isEmpty()) {
          List<Checkpoint> broken = a.checkpoints().stream()
              .map(cp -> cp.phase() == Phase.INITIAL ? new Checkpoint(cp.phase(), "{\"v\":1,\"phase\":\"INITIAL\"}") : cp)
              .toList();
          return new Claim.Acquired(a.key(), a.owner(), a.leaseExpiry(), broken, a.takenOver(), a.previousHash());
        }
        return c;
      }
    };
    CompletableFuture<ModelReply> never = new CompletableFuture<>();
    TestModel dying = new TestModel().on("arbitrator", r -> never);
    Orchestrator one = instance("i-1", dying, corrupting);
    threads.submit(() -> one.decide(TestAgents.disruption()));
    await("the arbitrator call of i-1", () -> dying.count("arbitrator") == 1);

    clock.advance(Duration.ofHours(3));
    TestModel model = new TestModel();
    DecisionOutcome outcome = instance("i-2", model, corrupting).decide(TestAgents.disruption());

    // Phase 2 depends on Phase 1: with Phase 1 unreadable, neither is used
    assertThat(outcome.resumedPhases()).isEmpty();
    assertThat(model.calls).hasSize(15);
  }

  @Test
  void decide_aChangedDocument_isANewDecisionLinkedToThePreviousOne() {
    TestModel model = new TestModel();
    Orchestrator o = instance("i-1", model, InMemoryDecisionStore.create());
    Disruption original = TestAgents.disruption();
    Disruption changed = original.toBuilder().description("now with a second fault").build();

    StoredDecision first = o.decide(original).stored();
    DecisionOutcome second = o.decide(changed);

    assertThat(second.source()).isEqualTo(DecisionOutcome.Source.ARBITRATED);
    assertThat(second.stored().key().disruptionId()).isEqualTo(first.key().disruptionId());
    assertThat(second.stored().key().documentHash()).isNotEqualTo(first.key().documentHash());
    assertThat(second.stored().previousHash()).contains(first.key().documentHash());
    assertThat(first.previousHash()).isEmpty();
    assertThat(model.count("arbitrator")).isEqualTo(2);
  }

  @Test
  void decide_withoutAStore_failsNamingTheSetting() {
    try (Orchestrator o = OrchestratorTest.builder(new TestModel()).build()) {
      assertThatThrownBy(() -> o.decide(TestAgents.disruption())).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("decisionStore");
    }
  }

  @Test
  void decisionStore_givenTwice_failsNamingIt() {
    Orchestrator.Builder b = OrchestratorTest.builder(new TestModel())
        .decisionStore(InMemoryDecisionStore.create(), StoredRunPolicy.defaults(CODEC));
    assertThatThrownBy(() -> b.decisionStore(InMemoryDecisionStore.create(), StoredRunPolicy.defaults(CODEC)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("decisionStore");
  }

  /** Forwards every call to another store. */
  static class ForwardingStore implements DecisionStore {
    private final DecisionStore inner;

    ForwardingStore(DecisionStore inner) {
      this.inner = inner;
    }

    @Override
    public Claim claim(DecisionKey key, String owner, Duration lease) {
      return inner.claim(key, owner, lease);
    }

    @Override
    public void renew(DecisionKey key, String owner, Duration lease) {
      inner.renew(key, owner, lease);
    }

    @Override
    public void checkpoint(DecisionKey key, String owner, Checkpoint checkpoint) {
      inner.checkpoint(key, owner, checkpoint);
    }

    @Override
    public StoredDecision complete(DecisionKey key, String owner, StoredDecision decision) {
      return inner.complete(key, owner, decision);
    }

    @Override
    public void release(DecisionKey key, String owner) {
      inner.release(key, owner);
    }

    @Override
    public Optional<StoredDecision> find(DecisionKey key) {
      return inner.find(key);
    }
  }
}
