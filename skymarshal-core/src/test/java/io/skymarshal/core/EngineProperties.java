package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The engine's invariants from DESIGN.md: properties 1, 2, 8, 9 and 10. */
class EngineProperties {
  private static Orchestrator.Builder base;
  private static java.util.concurrent.ExecutorService pool;

  @BeforeContainer
  static void start() {
    pool = java.util.concurrent.Executors.newCachedThreadPool();
  }

  @AfterContainer
  static void stop() {
    pool.shutdownNow();
  }

  static Orchestrator orchestrator(TestModel model, RunListener listener, AgentPolicy policy) {
    return Orchestrator.builder().agents(TestAgents.all()).arbitrator(new TestAgents.LineArbitrator())
        .modelClient(model).listener(listener).executor(pool).random(new Random(1))
        .policy(Tier.SAFETY, policy).policy(Tier.BUSINESS, policy).policy(Tier.ARBITRATOR, policy).build();
  }

  static final AgentPolicy POLICY = new AgentPolicy(Duration.ofSeconds(10), 3, Duration.ofMillis(1), Duration.ofMillis(2), 0.5);

  static CompletableFuture<ModelReply> later(int millis, String text) {
    return CompletableFuture.supplyAsync(() -> TestModel.reply(text),
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
  }

  @Provide
  Arbitrary<Map<String, Integer>> delays() {
    List<String> names = new ArrayList<>(TestAgents.SAFETY);
    names.addAll(TestAgents.BUSINESS);
    return Arbitraries.integers().between(0, 4).list().ofSize(names.size()).map(ds -> {
      Map<String, Integer> m = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        m.put(names.get(i), ds.get(i));
      }
      return m;
    });
  }

  @Provide
  Arbitrary<Set<String>> businessSubsets() {
    return Arbitraries.subsetOf(TestAgents.BUSINESS);
  }

  @Provide
  Arbitrary<Set<String>> safetySubsets() {
    return Arbitraries.subsetOf(TestAgents.SAFETY).filter(s -> !s.isEmpty());
  }

  /** P1: no Phase-2 call starts before every Phase-1 outcome is final; the arbitrator sees exactly the succeeded revisions. */
  @Property(tries = 40)
  void phasesAreBarriers(@ForAll("delays") Map<String, Integer> delays, @ForAll("businessSubsets") Set<String> failing) {
    AtomicLong seq = new AtomicLong();
    List<long[]> phase1Done = new CopyOnWriteArrayList<>();
    List<Long> phase2Starts = new CopyOnWriteArrayList<>();
    TestModel model = new TestModel();
    for (String agent : delays.keySet()) {
      model.on(agent, q -> {
        if (q.phase() == Phase.REVISION) {
          phase2Starts.add(seq.incrementAndGet());
        }
        if (failing.contains(agent) && q.phase() == Phase.REVISION) {
          return CompletableFuture.failedFuture(new ModelException(ModelException.Kind.VALIDATION, "m", "no"));
        }
        return later(delays.get(agent), "OK 0.9");
      });
    }
    RunListener listener = new RunListener() {
      @Override
      public void onAgentCompleted(Disruption d, AgentCall call) {
        if (call.phase() == Phase.INITIAL) {
          phase1Done.add(new long[] {seq.incrementAndGet()});
        }
      }
    };
    Decision d;
    try (Orchestrator o = orchestrator(model, listener, POLICY)) {
      d = o.run(TestAgents.disruption());
    }
    long lastPhase1 = phase1Done.stream().mapToLong(a -> a[0]).max().orElseThrow();
    assertThat(phase1Done).hasSize(7);
    assertThat(phase2Starts).hasSize(7).allSatisfy(s -> assertThat(s).isGreaterThan(lastPhase1));

    String arbitration = model.callsOf("arbitrator").get(0).request().lastUserText();
    for (String agent : delays.keySet()) {
      String seen = "<rec agent=\"" + agent + "\" phase=\"REVISION\"/>";
      if (failing.contains(agent)) {
        assertThat(arbitration).doesNotContain(seen).contains("<missing>" + agent + "</missing>");
      } else {
        assertThat(arbitration).contains(seen);
      }
    }
    assertThat(d.recommendations()).noneMatch(r -> failing.contains(r.agent()));
  }

  /** P2: any subset of failing BUSINESS agents gives DEGRADED naming exactly them; timeouts count as failures. */
  @Property(tries = 40)
  void businessFailuresDegrade(@ForAll("businessSubsets") Set<String> erroring, @ForAll("businessSubsets") Set<String> hanging) {
    Set<String> timingOut = new TreeSet<>(hanging);
    timingOut.removeAll(erroring);
    TestModel model = new TestModel();
    erroring.forEach(a -> model.on(a, q -> CompletableFuture.failedFuture(
        new ModelException(ModelException.Kind.THROTTLED, "m", "slow down"))));
    timingOut.forEach(a -> model.on(a, q -> new CompletableFuture<>()));
    Decision d;
    Orchestrator.Builder b = Orchestrator.builder().agents(TestAgents.all()).arbitrator(new TestAgents.LineArbitrator())
        .modelClient(model).executor(pool).random(new Random(1))
        .policy(Tier.SAFETY, POLICY).policy(Tier.BUSINESS, POLICY).policy(Tier.ARBITRATOR, POLICY);
    timingOut.forEach(a -> b.agentPolicy(a, POLICY.withTimeout(Duration.ofMillis(30))));
    try (Orchestrator o = b.build()) {
      d = o.run(TestAgents.disruption());
    }
    Set<String> failing = new TreeSet<>(erroring);
    failing.addAll(timingOut);
    assertThat(d.status()).isEqualTo(failing.isEmpty() ? Decision.Status.DECIDED : Decision.Status.DEGRADED);
    assertThat(d.missingAgents()).extracting(MissingAgent::agent).containsExactlyInAnyOrderElementsOf(failing);
    timingOut.forEach(a -> assertThat(d.report().call(a, Phase.INITIAL).orElseThrow().status()).isEqualTo(CallStatus.TIMED_OUT));
    erroring.forEach(a -> assertThat(d.report().call(a, Phase.INITIAL).orElseThrow().status()).isEqualTo(CallStatus.FAILED));
  }

  /** P8: transient failures are retried up to the limit; permanent ones are not; exhaustion keeps the last cause. */
  @Property(tries = 40)
  void retriesTransientFailuresOnly(@ForAll @IntRange(min = 0, max = 5) int failures, @ForAll @IntRange(min = 1, max = 4) int maxAttempts,
      @ForAll boolean transientKind) {
    ModelException.Kind kind = transientKind ? ModelException.Kind.SERVER_ERROR : ModelException.Kind.VALIDATION;
    int[] n = {0};
    TestModel model = new TestModel().on("network", q -> q.phase() == Phase.INITIAL && n[0]++ < failures
        ? CompletableFuture.failedFuture(new ModelException(kind, "m", "failure " + n[0]))
        : TestModel.ok("OK 0.9"));
    Decision d;
    try (Orchestrator o = orchestrator(model, RunListener.NONE, POLICY.withMaxAttempts(maxAttempts))) {
      d = o.run(TestAgents.disruption());
    }
    AgentCall call = d.report().call("network", Phase.INITIAL).orElseThrow();
    int expectedAttempts = failures == 0 ? 1 : transientKind ? Math.min(failures + 1, maxAttempts) : 1;
    boolean succeeds = failures == 0 || (transientKind && failures < maxAttempts);
    assertThat(call.attempts()).isEqualTo(expectedAttempts);
    assertThat(call.status()).isEqualTo(succeeds ? CallStatus.SUCCEEDED : CallStatus.FAILED);
    if (!succeeds) {
      assertThat(call.error()).contains("failure " + expectedAttempts);
      assertThat(d.status()).isEqualTo(Decision.Status.DEGRADED);
    }
  }

  /** P9: any failing SAFETY agent halts the run with no arbitration call. */
  @Property(tries = 30)
  void safetyFailureHalts(@ForAll("safetySubsets") Set<String> failingSafety, @ForAll("businessSubsets") Set<String> failingBusiness,
      @ForAll boolean inRevision) {
    TestModel model = new TestModel();
    Phase failPhase = inRevision ? Phase.REVISION : Phase.INITIAL;
    failingSafety.forEach(a -> model.on(a, q -> q.phase() == failPhase
        ? CompletableFuture.failedFuture(new ModelException(ModelException.Kind.ACCESS_DENIED, "m", "denied"))
        : TestModel.ok("OK 0.9")));
    failingBusiness.forEach(a -> model.on(a, q -> CompletableFuture.failedFuture(
        new ModelException(ModelException.Kind.VALIDATION, "m", "bad"))));
    Decision d;
    try (Orchestrator o = orchestrator(model, RunListener.NONE, POLICY)) {
      d = o.run(TestAgents.disruption());
    }
    assertThat(d.status()).isEqualTo(Decision.Status.HALTED);
    assertThat(model.count("arbitrator")).isZero();
    assertThat(d.haltReason().kind()).isEqualTo(HaltReason.Kind.SAFETY_AGENT_FAILED);
    assertThat(failingSafety).contains(d.haltReason().agent());
    assertThat(d.report().calls(Phase.ARBITRATION)).isEmpty();
  }

  /**
   * P10: every duration present and non-negative; a phase lasts at least its slowest agent; the run
   * at least its phases. Time comes from an injected ticker that advances 1 ms a reading, so the
   * figures are exact and nothing is clamped: a ticker that went backwards makes this fail.
   */
  @Property(tries = 40)
  void durationsAreConsistent(@ForAll("delays") Map<String, Integer> delays, @ForAll("businessSubsets") Set<String> failing) {
    TestModel model = new TestModel();
    delays.forEach((agent, ms) -> model.on(agent, q -> failing.contains(agent)
        ? CompletableFuture.failedFuture(new ModelException(ModelException.Kind.VALIDATION, "m", "bad"))
        : later(ms, "OK 0.9")));
    Decision d;
    try (Orchestrator o = Orchestrator.builder().agents(TestAgents.all()).arbitrator(new TestAgents.LineArbitrator())
        .modelClient(model).executor(pool).random(new Random(1)).ticker(new SteppingTicker(1_000_000))
        .policy(Tier.SAFETY, POLICY).policy(Tier.BUSINESS, POLICY).policy(Tier.ARBITRATOR, POLICY).build()) {
      d = o.run(TestAgents.disruption());
    }
    RunReport r = d.report();
    assertThat(r.phases()).hasSize(3);
    assertThat(r.calls(Phase.INITIAL)).hasSize(7);
    assertThat(r.calls(Phase.REVISION)).hasSize(7);
    assertThat(r.calls()).allSatisfy(c -> assertThat(c.durationNanos()).isNotNegative());
    // whole milliseconds of the fake ticker
    assertThat(r.calls()).filteredOn(c -> c.status() != CallStatus.SKIPPED)
        .allSatisfy(c -> assertThat(c.durationNanos() % 1_000_000).isZero());
    long sum = 0;
    for (PhaseTiming p : r.phases()) {
      assertThat(p.durationNanos()).isNotNegative();
      long slowest = r.calls(p.phase()).stream().mapToLong(AgentCall::durationNanos).max().orElse(0);
      assertThat(p.durationNanos()).isGreaterThanOrEqualTo(slowest);
      sum += p.durationNanos();
    }
    assertThat(r.totalDurationNanos()).isGreaterThanOrEqualTo(sum);
  }
}
