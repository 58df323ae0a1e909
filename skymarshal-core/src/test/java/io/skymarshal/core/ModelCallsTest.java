package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.model.ModelLimits;
import io.skymarshal.model.ModelQuota;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRouting;
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
 * The per-model-call hook ({@link RunListener#onModelCall}) and per-model limits through the
 * public API: every request observed once, its figures adding up to the report's; limits shared
 * between orchestrators; time queued for a permit reported.
 */
class ModelCallsTest {

  static final class Calls implements RunListener {
    final List<ModelCall> seen = new CopyOnWriteArrayList<>();

    @Override
    public void onModelCall(Disruption d, ModelCall call) {
      seen.add(call);
    }
  }

  private static Orchestrator.Builder builder(TestModel model) {
    return Orchestrator.builder().agents(TestAgents.all()).arbitrator(new TestAgents.LineArbitrator())
        .modelClient(model).random(new Random(7)).policy(Tier.SAFETY, OrchestratorTest.FAST)
        .policy(Tier.BUSINESS, OrchestratorTest.FAST).policy(Tier.ARBITRATOR, OrchestratorTest.FAST);
  }

  @Test
  void onModelCall_seesEveryRequest_withFiguresThatAddUpToTheReport() {
    TestModel model = new TestModel();
    AtomicInteger failures = new AtomicInteger();
    // network fails once (throttled) then answers; cargo's first reply is malformed and re-asked
    model.on("network", q -> failures.getAndIncrement() == 0
        ? CompletableFuture.failedFuture(new io.skymarshal.model.ModelException(
            io.skymarshal.model.ModelException.Kind.THROTTLED, "m", "slow down"))
        : TestModel.ok("OK 0.9"));
    AtomicInteger cargo = new AtomicInteger();
    model.on("cargo", q -> TestModel.ok(cargo.getAndIncrement() == 0 ? "garbage" : "OK 0.9"));
    Calls calls = new Calls();
    try (Orchestrator o = builder(model).listener(calls).build()) {
      Decision d = o.run(TestAgents.disruption());

      assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
      RunReport r = d.report();
      assertThat(calls.seen).hasSize(model.calls.size())
          .hasSize(r.calls().stream().mapToInt(AgentCall::modelCalls).sum());
      TokenUsage sum = calls.seen.stream().map(ModelCall::usage).reduce(TokenUsage.ZERO, TokenUsage::plus);
      assertThat(sum).isEqualTo(r.totalUsage());
      assertThat(calls.seen.stream().mapToDouble(ModelCall::costUsd).sum()).isCloseTo(r.totalCostUsd(),
          org.assertj.core.data.Offset.offset(1e-12));
      ModelCall throttled = calls.seen.stream().filter(c -> c.agent().equals("network")
          && c.phase() == Phase.INITIAL && c.attempt() == 1).findFirst().orElseThrow();
      assertThat(throttled.outcome()).isEqualTo(ModelCall.Outcome.FAILED);
      assertThat(throttled.errorType()).isEqualTo("throttled");
      assertThat(throttled.usage()).isEqualTo(TokenUsage.ZERO);
      assertThat(calls.seen).filteredOn(c -> c.agent().equals("network") && c.phase() == Phase.INITIAL)
          .extracting(ModelCall::attempt, ModelCall::outcome)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(1, ModelCall.Outcome.FAILED),
              org.assertj.core.groups.Tuple.tuple(2, ModelCall.Outcome.SUCCEEDED));
      assertThat(calls.seen).filteredOn(c -> c.agent().equals("cargo") && c.phase() == Phase.INITIAL)
          .extracting(ModelCall::role).containsExactly(ModelCall.Role.PRIMARY, ModelCall.Role.REASK);
      assertThat(calls.seen).allSatisfy(c -> {
        assertThat(c.queuedNanos()).isZero(); // no limits: nothing waits
        assertThat(c.modelId()).isEqualTo(ModelRouting.defaults().profileFor(c.agent(), c.tier()).modelId());
      });
      assertThat(r.totalQueuedNanos()).isZero();
    }
  }

  @Test
  void modelLimits_sharedByTwoOrchestrators_boundTheirCallsInFlightTogether_andReportTheWait() throws Exception {
    // every model call is held until released; at most one may be in flight per model id, across both
    ModelLimits shared = ModelLimits.builder().defaultQuota(ModelQuota.of(0, 0, 1)
        .withMaxQueueWait(Duration.ofMinutes(5))).build();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    TestModel model = new TestModel();
    java.util.concurrent.ScheduledExecutorService answer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    for (String agent : allAgents()) {
      model.on(agent, q -> {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        CompletableFuture<ModelReply> f = new CompletableFuture<>();
        answer.schedule(() -> {
          inFlight.decrementAndGet();
          f.complete(TestModel.reply(agent.equals("arbitrator") ? "DELAY 0.8 A6-APA" : "OK 0.9"));
        }, 2, TimeUnit.MILLISECONDS);
        return f;
      });
    }
    Calls calls = new Calls();
    try (Orchestrator a = builder(model).modelLimits(shared).listener(calls).build();
        Orchestrator b = builder(model).modelLimits(shared).build()) {
      CompletableFuture<Decision> da = a.runAsync(TestAgents.disruption());
      CompletableFuture<Decision> db = b.runAsync(TestAgents.disruption());
      Decision first = da.get(60, TimeUnit.SECONDS);
      Decision second = db.get(60, TimeUnit.SECONDS);

      assertThat(first.status()).isEqualTo(Decision.Status.DECIDED);
      assertThat(second.status()).isEqualTo(Decision.Status.DECIDED);
      // the test agents all route to two model ids (Sonnet, Haiku): at most one call each at a time
      assertThat(maxInFlight.get()).isBetween(1, 2);
      assertThat(calls.seen).anySatisfy(c -> assertThat(c.queuedNanos()).isPositive());
      RunReport r = first.report();
      assertThat(r.totalQueuedNanos()).isPositive()
          .isEqualTo(calls.seen.stream().mapToLong(ModelCall::queuedNanos).sum());
      for (AgentCall c : r.calls()) {
        assertThat(c.queuedNanos()).isEqualTo(calls.seen.stream()
            .filter(m -> m.agent().equals(c.agent()) && m.phase() == c.phase()).mapToLong(ModelCall::queuedNanos).sum());
      }
    } finally {
      answer.shutdownNow();
    }
  }

  static List<String> allAgents() {
    List<String> all = new java.util.ArrayList<>(TestAgents.SAFETY);
    all.addAll(TestAgents.BUSINESS);
    all.add("arbitrator");
    return all;
  }
}
