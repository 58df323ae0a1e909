package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, bug 4: cancelling the future of {@code runAsync} cancelled nothing. Cancelling must
 * cancel the in-flight model calls, start nothing new, and tell listeners the run ended cancelled.
 * The model holds the replies of the calls chosen, so the run is cancelled while they are in flight.
 */
class CancellationTest {
  /** A bound on waiting for the engine's threads, so a broken engine fails the test instead of hanging it. */
  private static final long WAIT_SECONDS = 30;

  /** Records what listeners are told, in order. */
  static final class Events implements RunListener {
    final List<String> seen = new CopyOnWriteArrayList<>();
    final AtomicReference<RunReport> cancelledReport = new AtomicReference<>();
    final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void onPhaseStarted(Disruption d, Phase phase) {
      seen.add("started " + phase);
    }

    @Override
    public void onRunCompleted(Disruption d, Decision decision) {
      seen.add("completed");
      ended.countDown();
    }

    @Override
    public void onRunCancelled(Disruption d, RunReport report) {
      seen.add("cancelled");
      cancelledReport.set(report);
      ended.countDown();
    }

    void awaitEnd() throws InterruptedException {
      assertThat(ended.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the run ended and listeners heard it").isTrue();
    }
  }

  /** A model holding the replies of the calls {@code hold} picks (never answered), counting them in. */
  static final class HoldingModel {
    final TestModel model = new TestModel();
    final List<CompletableFuture<ModelReply>> held = new CopyOnWriteArrayList<>();
    final CountDownLatch allHeld;

    HoldingModel(int expected, Predicate<ModelRequest> hold, List<String> agents) {
      allHeld = new CountDownLatch(expected);
      for (String agent : agents) {
        model.on(agent, q -> {
          if (!hold.test(q)) {
            return agent.equals("arbitrator") ? TestModel.ok("DELAY 0.8 A6-APA") : TestModel.ok("OK 0.9");
          }
          CompletableFuture<ModelReply> f = new CompletableFuture<>();
          held.add(f);
          allHeld.countDown();
          return f;
        });
      }
    }

    void awaitHeld() throws InterruptedException {
      assertThat(allHeld.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the held calls started").isTrue();
    }
  }

  /** Timeouts far beyond the test's waits: only the cancellation can end a held call. */
  private static final AgentPolicy SLOW_TIMEOUT = OrchestratorTest.FAST.withTimeout(java.time.Duration.ofMinutes(10));

  private static Orchestrator.Builder builder(TestModel model) {
    return Orchestrator.builder().agents(TestAgents.all()).arbitrator(new TestAgents.LineArbitrator())
        .modelClient(model).random(new java.util.Random(7))
        .policy(Tier.SAFETY, SLOW_TIMEOUT).policy(Tier.BUSINESS, SLOW_TIMEOUT).policy(Tier.ARBITRATOR, SLOW_TIMEOUT);
  }

  /**
   * Waits until {@code call} is cancelled. A call whose client was still inside {@code call()}
   * when the run was cancelled is cancelled as soon as the engine receives its future, which
   * may be just after listeners heard that the run ended.
   */
  private static void awaitCancelled(CompletableFuture<ModelReply> call) {
    assertThatThrownBy(() -> call.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(java.util.concurrent.CancellationException.class);
  }

  private static List<String> allAgents() {
    List<String> all = new java.util.ArrayList<>(TestAgents.SAFETY);
    all.addAll(TestAgents.BUSINESS);
    all.add("arbitrator");
    return all;
  }

  @Test
  void runAsync_whenCancelledInPhase1_cancelsItsCalls_startsNoPhase2_andTellsListeners() throws Exception {
    HoldingModel m = new HoldingModel(7, q -> q.phase() == Phase.INITIAL, allAgents());
    Events events = new Events();
    try (Orchestrator o = builder(m.model).listener(events).build()) {
      CompletableFuture<Decision> run = o.runAsync(TestAgents.disruption());
      m.awaitHeld();

      assertThat(run.cancel(true)).isTrue();
      events.awaitEnd();

      assertThat(m.held).hasSize(7).allSatisfy(CancellationTest::awaitCancelled);
      assertThat(m.model.calls).hasSize(7);
      assertThat(events.seen).containsExactly("started " + Phase.INITIAL, "cancelled");
      RunReport report = events.cancelledReport.get();
      assertThat(report.calls(Phase.INITIAL)).hasSize(7).allSatisfy(c -> {
        assertThat(c.status()).isEqualTo(CallStatus.CANCELLED);
        assertThat(c.error()).contains("the run was cancelled");
      });
      assertThat(report.calls(Phase.REVISION)).isEmpty();
      assertThat(run).isCancelled();
    }
    // nothing starts later either: every held call stays cancelled and no call was added
    assertThat(m.model.calls).hasSize(7);
  }

  @Test
  void runAsync_whenCancelledInPhase2_startsNoArbitration() throws Exception {
    HoldingModel m = new HoldingModel(7, q -> q.phase() == Phase.REVISION, allAgents());
    Events events = new Events();
    try (Orchestrator o = builder(m.model).listener(events).build()) {
      CompletableFuture<Decision> run = o.runAsync(TestAgents.disruption());
      m.awaitHeld();
      run.cancel(true);
      events.awaitEnd();

      assertThat(m.held).hasSize(7).allSatisfy(CancellationTest::awaitCancelled);
      assertThat(m.model.count("arbitrator")).isZero();
      assertThat(events.seen).containsExactly("started " + Phase.INITIAL, "started " + Phase.REVISION, "cancelled");
      assertThat(events.cancelledReport.get().calls(Phase.INITIAL))
          .allSatisfy(c -> assertThat(c.status()).isEqualTo(CallStatus.SUCCEEDED));
      assertThat(events.cancelledReport.get().calls(Phase.REVISION))
          .allSatisfy(c -> assertThat(c.status()).isEqualTo(CallStatus.CANCELLED));
    }
  }

  @Test
  void runAsync_whenCancelledInArbitration_cancelsTheArbitratorsCall() throws Exception {
    HoldingModel m = new HoldingModel(1, q -> q.agent().equals("arbitrator"), allAgents());
    Events events = new Events();
    try (Orchestrator o = builder(m.model).listener(events).build()) {
      CompletableFuture<Decision> run = o.runAsync(TestAgents.disruption());
      m.awaitHeld();
      run.cancel(true);
      events.awaitEnd();

      assertThat(m.held).singleElement().satisfies(CancellationTest::awaitCancelled);
      assertThat(m.model.count("arbitrator")).isEqualTo(1);
      assertThat(events.seen).endsWith("started " + Phase.ARBITRATION, "cancelled").doesNotContain("completed");
      assertThat(events.cancelledReport.get().call("arbitrator", Phase.ARBITRATION).orElseThrow().status())
          .isEqualTo(CallStatus.CANCELLED);
    }
  }

  @Test
  void runAsync_whenCancelledAfterItDecided_changesNothing() throws Exception {
    Events events = new Events();
    TestModel model = new TestModel();
    try (Orchestrator o = builder(model).listener(events).build()) {
      CompletableFuture<Decision> run = o.runAsync(TestAgents.disruption());
      Decision d = run.get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertThat(run.cancel(true)).isFalse();
      assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
      assertThat(events.seen).endsWith("completed").doesNotContain("cancelled");
    }
  }

  @Test
  void run_whenTheCallingThreadIsInterrupted_cancelsTheRun() throws Exception {
    HoldingModel m = new HoldingModel(7, q -> q.phase() == Phase.INITIAL, allAgents());
    Events events = new Events();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    try (Orchestrator o = builder(m.model).listener(events).build()) {
      Thread caller = new Thread(() -> {
        try {
          o.run(TestAgents.disruption());
        } catch (Throwable t) {
          thrown.set(t);
        }
      });
      caller.start();
      m.awaitHeld();
      caller.interrupt();
      caller.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      events.awaitEnd();

      assertThat(thrown.get()).isInstanceOf(SkyMarshalException.class).hasMessageContaining("interrupted");
      assertThat(m.held).hasSize(7).allSatisfy(CancellationTest::awaitCancelled);
      assertThat(events.seen).containsExactly("started " + Phase.INITIAL, "cancelled");
    }
  }

  @Test
  void runAsync_cancelledRun_isReportedToListenersEvenIfOneThrows() throws Exception {
    HoldingModel m = new HoldingModel(7, q -> q.phase() == Phase.INITIAL, allAgents());
    Events events = new Events();
    RunListener throwing = new RunListener() {
      @Override
      public void onRunCancelled(Disruption d, RunReport report) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (Orchestrator o = builder(m.model).listener(throwing).listener(events).build()) {
      CompletableFuture<Decision> run = o.runAsync(TestAgents.disruption());
      m.awaitHeld();
      run.cancel(true);
      events.awaitEnd();
      assertThat(events.seen).containsExactly("started " + Phase.INITIAL, "cancelled");
      assertThatThrownBy(run::join).isInstanceOf(java.util.concurrent.CancellationException.class);
    }
  }

  @Test
  void runAsync_whenCancelledWhileItsWorkWaitsForAThread_startsNoModelCall() throws Exception {
    java.util.concurrent.ExecutorService one = java.util.concurrent.Executors.newSingleThreadExecutor();
    CountDownLatch busy = new CountDownLatch(1);
    one.execute(() -> {
      try {
        busy.await(); // every gather of the run queues behind this
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    TestModel model = new TestModel();
    Events events = new Events();
    try (Orchestrator o = builder(model).listener(events).executor(one).build()) {
      CompletableFuture<Decision> run = o.runAsync(TestAgents.disruption());
      run.cancel(true);
      busy.countDown();
      events.awaitEnd();

      assertThat(model.calls).isEmpty();
      assertThat(events.seen).containsExactly("started " + Phase.INITIAL, "cancelled");
      assertThat(events.cancelledReport.get().calls(Phase.INITIAL)).hasSize(7)
          .allSatisfy(c -> assertThat(c.status()).isEqualTo(CallStatus.CANCELLED));
    } finally {
      one.shutdownNow();
    }
  }
}
