package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hedged model calls through the public API: a slow request is sent again after the delay, the
 * first answer wins, the other request is cancelled, and both count.
 */
class HedgingTest {
  private static final Duration SOON = Duration.ofMillis(20);

  private static Orchestrator.Builder builder(TestModel model) {
    AgentPolicy p = OrchestratorTest.FAST.withTimeout(Duration.ofMinutes(2)).withMaxAttempts(1);
    return Orchestrator.builder().agents(TestAgents.all()).arbitrator(new TestAgents.LineArbitrator())
        .modelClient(model).random(new Random(7)).policy(Tier.SAFETY, p).policy(Tier.BUSINESS, p)
        .policy(Tier.ARBITRATOR, p);
  }

  /** network's first request in each phase never answers unless cancelled; later ones answer. */
  private static TestModel slowFirstNetwork(List<CompletableFuture<ModelReply>> held) {
    TestModel model = new TestModel();
    AtomicInteger n = new AtomicInteger();
    model.on("network", q -> {
      if (n.getAndIncrement() % 2 == 0) {
        CompletableFuture<ModelReply> f = new CompletableFuture<>();
        held.add(f);
        return f;
      }
      return CompletableFuture.completedFuture(new ModelReply("OK 0.9", TokenUsage.of(100, 20), "test-model", "end_turn"));
    });
    return model;
  }

  @Test
  void hedging_whenARequestIsSlow_sendsItAgain_takesTheFirstAnswer_andCancelsTheOther() throws Exception {
    List<CompletableFuture<ModelReply>> held = new CopyOnWriteArrayList<>();
    TestModel model = slowFirstNetwork(held);
    ModelCallsTest.Calls calls = new ModelCallsTest.Calls();
    try (Orchestrator o = builder(model).hedging(Tier.BUSINESS, Hedging.after(SOON)).listener(calls).build()) {
      Decision d = o.run(TestAgents.disruption());

      assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
      assertThat(held).hasSize(2).allSatisfy(f -> assertThat(f).isCancelled());
      AgentCall network = d.report().call("network", Phase.INITIAL).orElseThrow();
      assertThat(network.status()).isEqualTo(CallStatus.SUCCEEDED);
      assertThat(network.modelCalls()).isEqualTo(2);
      assertThat(network.usage()).isEqualTo(TokenUsage.of(100, 20));
      assertThat(calls.seen).filteredOn(c -> c.agent().equals("network") && c.phase() == Phase.INITIAL)
          .extracting(ModelCall::role, ModelCall::outcome)
          .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ModelCall.Role.PRIMARY, ModelCall.Outcome.CANCELLED),
              org.assertj.core.groups.Tuple.tuple(ModelCall.Role.HEDGE, ModelCall.Outcome.SUCCEEDED));
      // SAFETY is not hedged here: one request each
      assertThat(d.report().call("crew_compliance", Phase.INITIAL).orElseThrow().modelCalls()).isEqualTo(1);
    }
  }

  @Test
  void hedging_whenTheFirstRequestAnswersInTime_sendsNoHedge() {
    TestModel model = new TestModel();
    try (Orchestrator o = builder(model).hedging(Hedging.after(Duration.ofMinutes(1))).build()) {
      Decision d = o.run(TestAgents.disruption());
      assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
      assertThat(d.report().calls()).allSatisfy(c -> assertThat(c.modelCalls()).isEqualTo(1));
    }
  }

  @Test
  void hedging_whenBothRequestsFail_failsWithTheFirstRequestsError() {
    TestModel model = new TestModel();
    AtomicInteger n = new AtomicInteger();
    List<CompletableFuture<ModelReply>> first = new CopyOnWriteArrayList<>();
    model.on("network", q -> {
      if (n.getAndIncrement() == 0) {
        CompletableFuture<ModelReply> f = new CompletableFuture<>();
        first.add(f);
        return f;
      }
      // the hedge fails at once; then the first request fails too
      first.get(0).completeExceptionally(new ModelException(ModelException.Kind.VALIDATION, "m", "first: bad request"));
      return CompletableFuture.failedFuture(new ModelException(ModelException.Kind.SERVER_ERROR, "m", "hedge: 500"));
    });
    try (Orchestrator o = builder(model).hedging(Tier.BUSINESS, Hedging.after(SOON)).build()) {
      Decision d = o.run(TestAgents.disruption());
      AgentCall network = d.report().call("network", Phase.INITIAL).orElseThrow();
      assertThat(network.status()).isEqualTo(CallStatus.FAILED);
      assertThat(network.error()).contains("first: bad request");
      assertThat(network.modelCalls()).isEqualTo(2);
      assertThat(d.status()).isEqualTo(Decision.Status.DEGRADED);
    }
  }

  @Test
  void hedging_atObservedP95_usesTheFallbackUntilEnoughSamples_thenThePercentile() {
    Hedging h = Hedging.atObservedP95(Duration.ofSeconds(3));
    assertThat(h.delayNanos(-1, 0)).isEqualTo(Duration.ofSeconds(3).toNanos());
    assertThat(h.delayNanos(5_000, Hedging.DEFAULT_MIN_SAMPLES - 1)).isEqualTo(Duration.ofSeconds(3).toNanos());
    assertThat(h.delayNanos(5_000, Hedging.DEFAULT_MIN_SAMPLES)).isEqualTo(5_000);
    assertThat(Hedging.after(SOON).delayNanos(5_000, 1_000)).isEqualTo(SOON.toNanos());
    assertThat(Hedging.off().enabled()).isFalse();
    assertThatThrownBy(() -> Hedging.off().delayNanos(1, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Hedging.after(Duration.ZERO)).hasMessageContaining("delay must be > 0");
  }

  @Test
  void hedging_atObservedP95_hedgesACallSlowerThanTheObservedTail() throws Exception {
    // 40 fast runs teach the window a tiny p95; then one held request is hedged long before the 1 h fallback
    List<CompletableFuture<ModelReply>> held = new CopyOnWriteArrayList<>();
    TestModel model = new TestModel();
    AtomicInteger n = new AtomicInteger();
    int warm = 40;
    model.on("network", q -> {
      int i = n.getAndIncrement();
      if (i == 2 * warm) {
        CompletableFuture<ModelReply> f = new CompletableFuture<>();
        held.add(f);
        return f;
      }
      return TestModel.ok("OK 0.9");
    });
    try (Orchestrator o = builder(model).hedging(Tier.BUSINESS, Hedging.atObservedP95(Duration.ofHours(1))).build()) {
      for (int i = 0; i < warm; i++) {
        assertThat(o.run(TestAgents.disruption()).status()).isEqualTo(Decision.Status.DECIDED);
      }
      Decision d = o.runAsync(TestAgents.disruption()).get(60, TimeUnit.SECONDS);
      assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
      assertThat(held).hasSize(1).allSatisfy(f -> assertThat(f).isCancelled());
      assertThat(d.report().call("network", Phase.INITIAL).orElseThrow().modelCalls()).isEqualTo(2);
    }
  }
}
