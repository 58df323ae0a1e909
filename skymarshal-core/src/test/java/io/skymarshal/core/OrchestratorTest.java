package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class OrchestratorTest {

  static final AgentPolicy FAST = new AgentPolicy(Duration.ofSeconds(5), 3, Duration.ofMillis(1), Duration.ofMillis(4), 0.25);

  static Orchestrator.Builder builder(TestModel model) {
    return Orchestrator.builder().agents(TestAgents.all()).arbitrator(new TestAgents.LineArbitrator())
        .modelClient(model).random(new Random(7))
        .policy(Tier.SAFETY, FAST).policy(Tier.BUSINESS, FAST).policy(Tier.ARBITRATOR, FAST);
  }

  static Decision run(TestModel model) {
    try (Orchestrator o = builder(model).build()) {
      return o.run(TestAgents.disruption());
    }
  }

  static CompletableFuture<ModelReply> fail(ModelException.Kind kind) {
    return CompletableFuture.failedFuture(new ModelException(kind, "test-model", kind + " from test"));
  }

  @Test
  void run_whenEveryAgentAnswers_decidesWithFullReport() {
    TestModel model = new TestModel();
    Decision d = run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
    assertThat(d.action()).isEqualTo("DELAY");
    assertThat(d.missingAgents()).isEmpty();
    assertThat(d.needsReview()).isFalse();
    assertThat(d.recommendations()).extracting(Recommendation::phase).containsOnly(Phase.REVISION);
    assertThat(d.recommendations()).hasSize(7);
    RunReport r = d.report();
    assertThat(r.calls(Phase.INITIAL)).hasSize(7);
    assertThat(r.calls(Phase.REVISION)).hasSize(7);
    assertThat(r.calls(Phase.ARBITRATION)).singleElement().satisfies(c -> assertThat(c.agent()).isEqualTo("arbitrator"));
    assertThat(r.phases()).extracting(PhaseTiming::phase).containsExactly(Phase.values());
    assertThat(r.totalUsage().inputTokens()).isEqualTo(15 * 100);
    assertThat(r.totalUsage().outputTokens()).isEqualTo(15 * 20);
    assertThat(r.totalCostUsd()).isPositive();
    assertThat(model.calls).hasSize(15);
  }

  @Test
  void run_phase2Prompts_listEveryOtherAgentsPhase1Recommendation() {
    TestModel model = new TestModel();
    run(model);
    ModelRequest revision = model.callsOf("cargo").stream().map(TestModel.Call::request)
        .filter(q -> q.phase() == Phase.REVISION).findFirst().orElseThrow();
    for (String other : List.of("crew_compliance", "maintenance", "regulatory", "network", "guest_experience", "finance")) {
      assertThat(revision.lastUserText()).contains("<peer>" + other + "</peer>");
    }
    assertThat(revision.lastUserText()).doesNotContain("<peer>cargo</peer>");
  }

  @Test
  void run_routesSafetyAndArbitratorToSonnet_businessToHaiku() {
    TestModel model = new TestModel();
    run(model);
    for (TestModel.Call c : model.calls) {
      String expected = c.request().tier() == Tier.BUSINESS ? ModelProfiles.CLAUDE_HAIKU_4_5.modelId()
          : ModelProfiles.CLAUDE_SONNET_4_5.modelId();
      assertThat(c.request().modelId()).as(c.request().agent()).isEqualTo(expected);
    }
  }

  @Test
  void run_whenBusinessAgentFailsPermanently_degradesNamingIt_withoutRetry() {
    TestModel model = new TestModel().on("cargo", q -> fail(ModelException.Kind.ACCESS_DENIED));
    Decision d = run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.DEGRADED);
    assertThat(d.missingAgents()).extracting(MissingAgent::agent).containsExactly("cargo");
    assertThat(d.missingAgents().get(0).error()).contains("ACCESS_DENIED from test");
    assertThat(d.missingAgents().get(0).status()).isEqualTo(CallStatus.FAILED);
    assertThat(model.count("cargo")).isEqualTo(1);
    assertThat(d.report().call("cargo", Phase.REVISION)).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(CallStatus.SKIPPED));
    assertThat(model.callsOf("arbitrator").get(0).request().lastUserText()).contains("<missing>cargo</missing>");
  }

  @Test
  void run_missingAgents_areListedInAgentOrder() {
    TestModel model = new TestModel()
        .on("finance", q -> fail(ModelException.Kind.VALIDATION))
        .on("network", q -> fail(ModelException.Kind.VALIDATION))
        .on("cargo", q -> fail(ModelException.Kind.VALIDATION));
    assertThat(run(model).missingAgents()).extracting(MissingAgent::agent).containsExactly("network", "cargo", "finance");
  }

  @Test
  void run_whenSafetyFailsInRevision_haltNamesEveryMissingAgent() {
    TestModel model = new TestModel()
        .on("cargo", q -> fail(ModelException.Kind.VALIDATION))
        .on("regulatory", q -> q.phase() == Phase.REVISION ? fail(ModelException.Kind.VALIDATION) : TestModel.ok("OK 0.9"));
    Decision d = run(model);
    assertThat(d.status()).isEqualTo(Decision.Status.HALTED);
    assertThat(d.haltReason().kind()).isEqualTo(HaltReason.Kind.SAFETY_AGENT_FAILED);
    assertThat(d.haltReason().agent()).isEqualTo("regulatory");
    assertThat(d.haltReason().phase()).isEqualTo(Phase.REVISION);
    assertThat(d.haltReason().toString()).contains("regulatory").contains("phase2_revision");
    List<String> order = d.missingAgents().stream().map(MissingAgent::agent).toList();
    assertThat(order).contains("regulatory", "cargo");
    MissingAgent cargo = d.missingAgents().stream().filter(m -> m.agent().equals("cargo")).findFirst().orElseThrow();
    assertThat(cargo.status()).isEqualTo(CallStatus.FAILED);
    assertThat(cargo.phase()).isEqualTo(Phase.INITIAL);
    // the others still in flight when regulatory failed were cancelled, and are missing too
    d.missingAgents().forEach(m -> {
      if (!m.agent().equals("regulatory") && !m.agent().equals("cargo")) {
        assertThat(m.status()).as(m.agent()).isEqualTo(CallStatus.CANCELLED);
      }
    });
    assertThat(order.indexOf("regulatory")).isLessThan(order.indexOf("cargo"));
  }

  @Test
  void run_whenRetriesExhausted_degradesWithLastCause() {
    TestModel model = new TestModel().on("finance", q -> fail(ModelException.Kind.THROTTLED));
    Decision d = run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.DEGRADED);
    assertThat(model.count("finance")).isEqualTo(3);
    AgentCall call = d.report().call("finance", Phase.INITIAL).orElseThrow();
    assertThat(call.status()).isEqualTo(CallStatus.FAILED);
    assertThat(call.attempts()).isEqualTo(3);
    assertThat(call.error()).contains("THROTTLED from test").contains("after 3 attempts");
  }

  @Test
  void run_whenTransientFailureThenSuccess_succeedsOnRetry() {
    int[] n = {0};
    TestModel model = new TestModel().on("network", q -> n[0]++ == 0 ? fail(ModelException.Kind.SERVER_ERROR) : TestModel.ok("OK 0.7"));
    Decision d = run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
    assertThat(d.report().call("network", Phase.INITIAL).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void run_whenSafetyAgentFails_haltsWithoutArbitration_andCancelsInFlightCalls() {
    CompletableFuture<ModelReply> never = new CompletableFuture<>();
    TestModel model = new TestModel()
        .on("maintenance", q -> CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(20,
            java.util.concurrent.TimeUnit.MILLISECONDS)).thenCompose(x -> fail(ModelException.Kind.VALIDATION)))
        .on("network", q -> never);
    Decision d = run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.HALTED);
    assertThat(d.action()).isEqualTo(Decision.MANUAL_INTERVENTION);
    assertThat(d.needsReview()).isTrue();
    assertThat(d.haltReason().kind()).isEqualTo(HaltReason.Kind.SAFETY_AGENT_FAILED);
    assertThat(d.haltReason().agent()).isEqualTo("maintenance");
    assertThat(d.haltReason().toString()).contains("maintenance").contains("VALIDATION from test")
        .contains("manual intervention");
    assertThat(d.ruling()).isEmpty();
    assertThat(model.count("arbitrator")).isZero();
    assertThat(never).isCancelled();
    assertThat(d.report().call("network", Phase.INITIAL).orElseThrow().status()).isEqualTo(CallStatus.CANCELLED);
    assertThat(d.report().calls(Phase.REVISION)).isEmpty();
  }

  @Test
  void run_whenAgentNeverAnswers_isCutAtItsTimeout() {
    CompletableFuture<ModelReply> never = new CompletableFuture<>();
    TestModel model = new TestModel().on("guest_experience", q -> never);
    Decision d;
    try (Orchestrator o = builder(model).agentPolicy("guest_experience", FAST.withTimeout(Duration.ofMillis(50))).build()) {
      d = o.run(TestAgents.disruption());
    }
    assertThat(d.status()).isEqualTo(Decision.Status.DEGRADED);
    AgentCall call = d.report().call("guest_experience", Phase.INITIAL).orElseThrow();
    assertThat(call.status()).isEqualTo(CallStatus.TIMED_OUT);
    assertThat(call.error()).contains("timed out after 50 ms");
    assertThat(never).isCancelled();
  }

  @Test
  void run_whenReplyMalformedOnce_reasksWithTheErrorAndSucceeds() {
    TestModel model = new TestModel().on("regulatory",
        q -> q.messages().size() == 1 ? TestModel.ok("gibberish") : TestModel.ok("COMPLIANT 0.9"));
    Decision d = run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
    ModelRequest reask = model.callsOf("regulatory").get(1).request();
    assertThat(reask.messages()).hasSize(3);
    assertThat(reask.lastUserText()).contains("expected &apos;ACTION confidence&apos;").contains("gibberish");
    AgentCall call = d.report().call("regulatory", Phase.INITIAL).orElseThrow();
    assertThat(call.attempts()).isEqualTo(1);
    assertThat(call.modelCalls()).isEqualTo(2);
    assertThat(call.usage().inputTokens()).isEqualTo(200);
  }

  @Test
  void run_whenReplyMalformedTwice_failsTheAgentQuotingTheReply() {
    TestModel model = new TestModel().on("cargo", q -> TestModel.ok("OK 1.7"));
    Decision d = run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.DEGRADED);
    assertThat(model.count("cargo")).isEqualTo(2);
    assertThat(d.missingAgents()).singleElement().satisfies(m -> assertThat(m.error())
        .contains("ReplyFormatException").contains("OK 1.7").contains("[0, 1]"));
  }

  @Test
  void run_whenRulingBreaksSafetyConstraint_reasksOnceWithTheViolation() {
    TestModel model = new TestModel()
        .on("maintenance", q -> TestModel.ok("AOG 0.95 grounded:A6-APA"))
        .on("arbitrator", q -> q.messages().size() == 1 ? TestModel.ok("DELAY 0.8 A6-APA") : TestModel.ok("SWAP_AIRCRAFT 0.8 A6-APB"));
    Decision d = run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
    assertThat(d.action()).isEqualTo("SWAP_AIRCRAFT");
    assertThat(model.callsOf("arbitrator").get(1).request().lastUserText())
        .contains("<violation kind=\"aircraft_grounded\" subject=\"A6-APA\">operates grounded aircraft A6-APA</violation>");
  }

  @Test
  void run_whenRulingKeepsBreakingSafetyConstraint_halts() {
    TestModel model = new TestModel()
        .on("maintenance", q -> TestModel.ok("AOG 0.95 grounded:A6-APA"))
        .on("arbitrator", q -> TestModel.ok("DELAY 0.99 A6-APA"));
    Decision d = run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.HALTED);
    assertThat(d.violations()).containsExactly(new Violation("aircraft_grounded", "A6-APA", "operates grounded aircraft A6-APA"));
    assertThat(d.haltReason().kind()).isEqualTo(HaltReason.Kind.SAFETY_VIOLATION);
    assertThat(d.haltReason().violations()).isEqualTo(d.violations());
    assertThat(d.haltReason().toString()).contains("breaks 1 safety rule(s)");
    assertThat(model.count("arbitrator")).isEqualTo(2);
  }

  @Test
  void run_whenSafetyConstraintDroppedInRevision_stillBinds() {
    TestModel model = new TestModel()
        .on("maintenance", q -> TestModel.ok(q.phase() == Phase.INITIAL ? "AOG 0.95 grounded:A6-APA" : "AIRWORTHY 0.6"))
        .on("arbitrator", q -> TestModel.ok("DELAY 0.99 A6-APA"));
    assertThat(run(model).status()).isEqualTo(Decision.Status.HALTED);
  }

  @Test
  void run_whenArbitratorFails_halts() {
    TestModel model = new TestModel().on("arbitrator", q -> fail(ModelException.Kind.UNKNOWN_MODEL));
    Decision d = run(model);
    assertThat(d.status()).isEqualTo(Decision.Status.HALTED);
    assertThat(d.haltReason().kind()).isEqualTo(HaltReason.Kind.ARBITRATOR_FAILED);
    assertThat(d.haltReason().toString()).startsWith("arbitrator FAILED").contains("UNKNOWN_MODEL from test");
  }

  @Test
  void run_whenConfidenceLow_asksForReview() {
    TestModel model = new TestModel().on("arbitrator", q -> TestModel.ok("DELAY 0.4 A6-APA"));
    Decision d = run(model);
    assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
    assertThat(d.needsReview()).isTrue();
  }

  @Test
  void run_whenModelClientThrows_treatsItAsAFailedCall() {
    TestModel model = new TestModel().on("network", q -> {
      throw new IllegalStateException("boom");
    });
    Decision d = run(model);
    assertThat(d.missingAgents()).singleElement().satisfies(m -> assertThat(m.error()).contains("IllegalStateException: boom"));
  }

  @Test
  void run_listenerExceptions_doNotChangeTheOutcome() {
    List<String> seen = new CopyOnWriteArrayList<>();
    RunListener throwing = new RunListener() {
      @Override
      public void onAgentCompleted(Disruption d, AgentCall call) {
        seen.add(call.agent());
        throw new IllegalStateException("listener bug");
      }
    };
    try (Orchestrator o = builder(new TestModel()).listener(throwing).build()) {
      assertThat(o.run(TestAgents.disruption()).status()).isEqualTo(Decision.Status.DECIDED);
    }
    assertThat(seen).hasSize(15);
  }

  @Test
  void run_whenTheTickerGoesBackwards_failsRatherThanReportANegativeDuration() {
    try (Orchestrator o = Orchestrator.builder().agents(TestAgents.all()).arbitrator(new TestAgents.LineArbitrator())
        .modelClient(new TestModel()).ticker(new SteppingTicker(-1_000)).build()) {
      assertThatThrownBy(() -> o.run(TestAgents.disruption()))
          .isInstanceOf(SkyMarshalException.class).hasMessageContaining("must be >= 0 but was -");
    }
  }

  @Test
  void build_whenAPolicyOrAModelOverrideNamesNoAgent_failsListingTheAgents() {
    assertThatThrownBy(() -> builder(new TestModel()).agentPolicy("catering", FAST).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("agentPolicy names 'catering'").hasMessageContaining("cargo");
    io.skymarshal.model.ModelRouting routing = io.skymarshal.model.ModelRouting.defaults().toBuilder()
        .agent("fuel", io.skymarshal.model.ModelProfiles.CLAUDE_OPUS_4_5).build();
    assertThatThrownBy(() -> builder(new TestModel()).models(routing).build())
        .hasMessageContaining("overrides the model of 'fuel'");
    // the arbitrator's name is a valid target
    try (Orchestrator o = builder(new TestModel()).agentPolicy("arbitrator", FAST).build()) {
      assertThat(o).isNotNull();
    }
  }

  @Test
  void builder_rejectsBadSettings_namingThem() {
    assertThatThrownBy(() -> Orchestrator.builder().build()).hasMessageContaining("at least one agent");
    assertThatThrownBy(() -> Orchestrator.builder().agents(TestAgents.all()).build()).hasMessageContaining("arbitrator");
    assertThatThrownBy(() -> Orchestrator.builder().agents(TestAgents.all()).arbitrator(new TestAgents.LineArbitrator()).build())
        .hasMessageContaining("model client");
    assertThatThrownBy(() -> Orchestrator.builder().agent(new TestAgents.LineAgent("cargo", Tier.BUSINESS))
        .agent(new TestAgents.LineAgent("cargo", Tier.BUSINESS))).hasMessageContaining("'cargo' was already added");
    assertThatThrownBy(() -> Orchestrator.builder().agent(new TestAgents.LineAgent("Bad Name", Tier.BUSINESS)))
        .hasMessageContaining("[a-z0-9_]+");
    assertThatThrownBy(() -> Orchestrator.builder().agent(new TestAgents.LineAgent("x", Tier.ARBITRATOR)))
        .hasMessageContaining("SAFETY or BUSINESS");
    assertThatThrownBy(() -> Orchestrator.builder().reviewThreshold(1.5)).hasMessageContaining("reviewThreshold");
    assertThatThrownBy(() -> builder(new TestModel()).modelClient(new TestModel()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("modelClient was already set");
    assertThatThrownBy(() -> builder(new TestModel()).models(io.skymarshal.model.ModelRouting.defaults())
        .models(io.skymarshal.model.ModelRouting.defaults())).hasMessageContaining("models was already set");
    assertThatThrownBy(() -> builder(new TestModel()).policy(Tier.SAFETY, FAST))
        .hasMessageContaining("policy(SAFETY, INITIAL) was already set");
    assertThatThrownBy(() -> builder(new TestModel()).agentPolicy("cargo", FAST).agentPolicy("cargo", FAST))
        .hasMessageContaining("agentPolicy(cargo) was already set");
    assertThatThrownBy(() -> builder(new TestModel()).data(io.skymarshal.data.DataAccess.none())
        .data(io.skymarshal.data.DataAccess.none())).hasMessageContaining("data was already set");
    assertThatThrownBy(() -> builder(new TestModel()).models(io.skymarshal.model.ModelRouting.builder().build()).build())
        .isInstanceOf(io.skymarshal.model.ModelConfigurationException.class)
        .hasMessageContaining("no model configured for agent 'crew_compliance' of tier SAFETY");
  }
}
