package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.core.spi.ContextPropagator;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.ModelReply;
import io.skymarshal.prompt.OptimizedPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * What the thread that starts a run carries onto the engine's threads: its whole logging MDC
 * (e.g. a trace and span id) with the disruption id, and the contexts of the run's
 * {@link ContextPropagator}s; and the order of the listener events a tracer builds spans from.
 */
class RunContextPropagationTest {

  /** What an engine thread saw: its MDC and the test's thread-local "context". */
  record Seen(String step, Map<String, String> mdc, String context, String thread) {}

  static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();

  /** A test agent that records what its thread carries while gathering and prompting. */
  record Recording(TestAgents.LineAgent agent, List<Seen> seen) implements AgentSpec<String> {
    @Override
    public String name() {
      return agent.name();
    }

    @Override
    public Tier tier() {
      return agent.tier();
    }

    @Override
    public String systemPrompt() {
      return agent.systemPrompt();
    }

    @Override
    public String gather(Disruption disruption, DataAccess data) {
      seen.add(new Seen("gather", MDC.getCopyOfContextMap(), CONTEXT.get(), Thread.currentThread().getName()));
      return agent.gather(disruption, data);
    }

    @Override
    public SafetyAssessment assess(Disruption disruption, String input) {
      return agent.assess(disruption, input);
    }

    @Override
    public OptimizedPrompt prompt(Phase phase, Disruption disruption, String input, List<Recommendation> peers) {
      seen.add(new Seen("prompt " + phase, MDC.getCopyOfContextMap(), CONTEXT.get(), Thread.currentThread().getName()));
      return agent.prompt(phase, disruption, input, peers);
    }

    @Override
    public Recommendation parse(Phase phase, ModelReply reply) {
      return agent.parse(phase, reply);
    }
  }

  private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "engine-test");
    t.setDaemon(true);
    return t;
  });

  @BeforeAll
  static void realMdc() {
    org.slf4j.RealMdc.install();
  }

  @AfterEach
  void tearDown() {
    MDC.clear();
    pool.shutdownNow();
  }

  private static List<AgentSpec<?>> recording(List<Seen> seen) {
    List<AgentSpec<?>> out = new ArrayList<>();
    for (AgentSpec<?> a : TestAgents.all()) {
      out.add(new Recording((TestAgents.LineAgent) a, seen));
    }
    return out;
  }

  private Orchestrator.Builder builder(List<Seen> seen) {
    return Orchestrator.builder().agents(recording(seen)).arbitrator(new TestAgents.LineArbitrator())
        .modelClient(new TestModel()).executor(pool).random(new java.util.Random(7))
        .policy(Tier.SAFETY, OrchestratorTest.FAST).policy(Tier.BUSINESS, OrchestratorTest.FAST)
        .policy(Tier.ARBITRATOR, OrchestratorTest.FAST);
  }

  @Test
  void run_carriesTheCallersWholeMdc_ontoTheEngineThreads_withTheDisruptionId() {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    // a key the engine thread had before must not leak into the run, nor survive it
    pool.submit(() -> MDC.put("stale", "left by other work"));
    MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    MDC.put("spanId", "00f067aa0ba902b7");
    try (Orchestrator o = builder(seen).build()) {
      Decision d = o.run(TestAgents.disruption());
      assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
    }

    assertThat(seen).hasSize(7 + 14); // 7 gathers, 7 prompts in each of two phases
    assertThat(seen).allSatisfy(s -> {
      assertThat(s.thread()).isEqualTo("engine-test");
      assertThat(s.mdc()).containsExactlyInAnyOrderEntriesOf(Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736",
          "spanId", "00f067aa0ba902b7", "disruptionId", "DISR-TEST-1"));
    });
    // the caller's own MDC is untouched
    assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys("traceId", "spanId");
  }

  @Test
  void run_withAnEmptyCallerMdc_carriesTheDisruptionIdOnly() {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    try (Orchestrator o = builder(seen).build()) {
      o.run(TestAgents.disruption());
    }
    assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s.mdc()).containsExactlyEntriesOf(
        Map.of("disruptionId", "DISR-TEST-1")));
  }

  @Test
  void contextPropagator_capturesOnTheCallersThread_andWrapsEveryTaskOfTheRun() {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    List<String> capturedOn = new CopyOnWriteArrayList<>();
    ContextPropagator threadLocal = d -> {
      capturedOn.add(Thread.currentThread().getName() + " " + d.id());
      String captured = CONTEXT.get();
      return task -> () -> {
        String previous = CONTEXT.get();
        CONTEXT.set(captured);
        try {
          task.run();
        } finally {
          CONTEXT.set(previous);
        }
      };
    };
    ContextPropagator broken = d -> {
      throw new IllegalStateException("a broken propagator");
    };
    CONTEXT.set("caller-context");
    try (Orchestrator o = builder(seen).contextPropagator(broken).contextPropagator(threadLocal).build()) {
      Decision d = o.run(TestAgents.disruption());
      assertThat(d.status()).isEqualTo(Decision.Status.DECIDED); // a broken propagator changes no outcome
    } finally {
      CONTEXT.remove();
    }

    assertThat(capturedOn).containsExactly(Thread.currentThread().getName() + " DISR-TEST-1");
    assertThat(seen).hasSize(21).allSatisfy(s -> assertThat(s.context()).isEqualTo("caller-context"));
  }

  @Test
  void listeners_hearAgentStarted_beforeEachAgentCompleted_exceptForSkippedAgents() {
    List<String> events = new CopyOnWriteArrayList<>();
    List<String> phase1StartThreads = new CopyOnWriteArrayList<>();
    String caller = Thread.currentThread().getName();
    RunListener listener = new RunListener() {
      @Override
      public void onRunStarted(Disruption d) {
        events.add("run " + Thread.currentThread().getName().equals(caller));
      }

      @Override
      public void onAgentStarted(Disruption d, String agent, Tier tier, Phase phase) {
        events.add("start " + agent + " " + tier + " " + phase);
        if (phase == Phase.INITIAL) {
          phase1StartThreads.add(Thread.currentThread().getName());
        }
      }

      @Override
      public void onAgentCompleted(Disruption d, AgentCall call) {
        events.add("end " + call.agent() + " " + call.tier() + " " + call.phase());
      }
    };
    TestModel model = new TestModel().on("finance", q -> OrchestratorTest.fail(io.skymarshal.model.ModelException.Kind.VALIDATION));
    try (Orchestrator o = Orchestrator.builder().agents(TestAgents.all()).arbitrator(new TestAgents.LineArbitrator())
        .modelClient(model).executor(pool).listener(listener).build()) {
      assertThat(o.run(TestAgents.disruption()).status()).isEqualTo(Decision.Status.DEGRADED);
    }

    assertThat(events.get(0)).isEqualTo("run true");
    assertThat(phase1StartThreads).hasSize(7).containsOnly(caller);
    for (String e : events) {
      if (e.startsWith("end ") && !e.equals("end finance BUSINESS REVISION")) {
        String start = "start " + e.substring(4);
        assertThat(events.indexOf(start)).as(e).isBetween(0, events.indexOf(e));
        assertThat(events).filteredOn(start::equals).hasSize(1);
      }
    }
    // finance failed in Phase 1 and is skipped in Phase 2: an end without a start
    assertThat(events).contains("end finance BUSINESS REVISION").doesNotContain("start finance BUSINESS REVISION");
    assertThat(events).filteredOn(e -> e.startsWith("start ")).hasSize(7 + 6 + 1);
  }
}
