package io.skymarshal.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.constraint.BindingConstraints;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.store.DecisionOutcome;
import io.skymarshal.store.InMemoryDecisionStore;
import io.skymarshal.store.StoredRunPolicy;
import io.skymarshal.testkit.airline.AirlineSamples;
import io.skymarshal.testkit.contract.DecisionStoreContract.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The airline pack resumed from checkpoints: its typed constraints, clearances and examined
 * resources come back exactly, so a run resumed after Phase 2 pays for the arbitrator alone and
 * decides as a run from the start does.
 */
class AirlineResumeTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** Counts calls; the arbitrator's never answer while {@code arbitratorHangs}. */
  static final class Counting implements ModelClient {
    final List<ModelRequest> calls = new CopyOnWriteArrayList<>();
    /** Counted down when the arbitrator is called. */
    final java.util.concurrent.CountDownLatch arbitrated = new java.util.concurrent.CountDownLatch(1);
    private final ModelClient model = OfflineModel.create();
    private final boolean arbitratorHangs;

    Counting(boolean arbitratorHangs) {
      this.arbitratorHangs = arbitratorHangs;
    }

    @Override
    public CompletableFuture<ModelReply> call(ModelRequest request) {
      calls.add(request);
      if (request.phase() == Phase.ARBITRATION) {
        arbitrated.countDown();
      }
      if (arbitratorHangs && request.phase() == Phase.ARBITRATION) {
        return new CompletableFuture<>();
      }
      return model.call(request);
    }
  }

  private static Orchestrator orchestrator(String owner, ModelClient model, InMemoryDecisionStore store) {
    return Orchestrator.builder().agents(AirlineAgents.all()).arbitrator(AirlineAgents.arbitrator())
        .modelClient(model).data(AirlineData.inMemory(AirlineSamples.ey123Airline()))
        .decisionStore(store, StoredRunPolicy.builder(BindingConstraints.codec()).owner(owner)
            .lease(Duration.ofHours(2)).renewEvery(Duration.ofHours(1)).build())
        .build();
  }

  @Test
  void decide_stoppedAfterPhase2AndResumed_makesExactlyOneModelCall_andDecidesAsAFreshRun() throws Exception {
    Disruption disruption = AirlineSamples.ey123Disruption();
    Decision fresh;
    try (Orchestrator plain = Orchestrator.builder().agents(AirlineAgents.all()).arbitrator(AirlineAgents.arbitrator())
        .modelClient(OfflineModel.create()).data(AirlineData.inMemory(AirlineSamples.ey123Airline())).build()) {
      fresh = plain.run(disruption);
    }
    MovingClock clock = new MovingClock(Instant.parse("2026-01-30T12:00:00Z"));
    InMemoryDecisionStore store = InMemoryDecisionStore.withClock(clock);
    Counting dying = new Counting(true);
    Orchestrator first = orchestrator("i-1", dying, store);
    threads.submit(() -> first.decide(disruption));
    // a bound on the wait, so a broken engine fails the test instead of hanging it
    assertThat(dying.arbitrated.await(60, TimeUnit.SECONDS)).as("i-1 reached the arbitrator").isTrue();

    clock.advance(Duration.ofHours(3));
    Counting model = new Counting(false);
    DecisionOutcome resumed;
    try (Orchestrator second = orchestrator("i-2", model, store)) {
      resumed = second.decide(disruption);
    } finally {
      first.close();
    }

    assertThat(model.calls).singleElement().satisfies(c -> assertThat(c.phase()).isEqualTo(Phase.ARBITRATION));
    assertThat(resumed.resumedPhases()).containsExactly(Phase.INITIAL, Phase.REVISION);
    Decision d = resumed.decision().orElseThrow();
    assertThat(d.status()).isEqualTo(fresh.status());
    assertThat(d.action()).isEqualTo(fresh.action());
    assertThat(d.recommendations()).isEqualTo(fresh.recommendations());
    assertThat(d.recommendations()).flatExtracting(Recommendation::constraints).isNotEmpty();
    assertThat(d.ruling()).isEqualTo(fresh.ruling());
  }
}
