package io.skymarshal.core;

import static io.skymarshal.core.OrchestratorTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's safety gates: clearance, rule constraints bound in code, only examined resources. */
class SafetyGateTest {

  @Test
  void run_whenSafetyAgentCannotClearForMissingData_refersWithoutPhase2OrArbitration() {
    TestModel model = new TestModel().on("crew_compliance", q -> TestModel.ok("DENIED 0.3 uncleared"));
    Decision d = run(model);

    assertThat(d.status()).isEqualTo(Decision.Status.REFERRED);
    assertThat(d.decided()).isFalse();
    assertThat(d.needsReview()).isTrue();
    assertThat(d.ruling()).isEmpty();
    assertThat(d.haltReason().kind()).isEqualTo(HaltReason.Kind.NOT_CLEARED);
    assertThat(d.haltReason().agent()).isEqualTo("crew_compliance");
    assertThat(d.haltReason().clearance().reason()).isEqualTo(Clearance.Reason.DATA_MISSING);
    assertThat(d.haltReason().clearance().missing()).containsExactly("t:k");
    assertThat(d.haltReason().toString()).contains("crew_compliance cannot clear").contains("DATA_MISSING")
        .contains("referred to a person");
    assertThat(model.count("arbitrator")).isZero();
    assertThat(d.report().calls(Phase.REVISION)).isEmpty();
    assertThat(d.recommendations()).hasSize(7);
  }

  @Test
  void run_whenMissingDataComesWithConstraints_stillRefers() {
    TestModel model = new TestModel().on("maintenance", q -> TestModel.ok("AOG 0.3 grounded:A6-APA uncleared"));
    assertThat(run(model).status()).isEqualTo(Decision.Status.REFERRED);
  }

  @Test
  void run_whenSafetyAgentRefusesWithAConstraintThatAnswersIt_goesOnToArbitration() {
    TestModel model = new TestModel()
        .on("maintenance", q -> TestModel.ok("AOG 0.9 grounded:A6-APA refused"))
        .on("arbitrator", q -> TestModel.ok("SWAP_AIRCRAFT 0.8 A6-APB"));
    Decision d = run(model);
    assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
    assertThat(d.action()).isEqualTo("SWAP_AIRCRAFT");
  }

  @Test
  void run_whenSafetyAgentRefusesWithNoConstraint_refers() {
    TestModel model = new TestModel().on("regulatory", q -> TestModel.ok("VIOLATION 0.9 refused"));
    Decision d = run(model);
    assertThat(d.status()).isEqualTo(Decision.Status.REFERRED);
    assertThat(d.haltReason().clearance().reason()).isEqualTo(Clearance.Reason.LIMIT_BREACHED);
  }

  @Test
  void run_whenSafetyAgentStatesNoClearance_refers() {
    List<AgentSpec<?>> agents = new ArrayList<>(TestAgents.all());
    agents.set(2, new StatesNothing());
    try (Orchestrator o = builder(new TestModel(), agents).build()) {
      Decision d = o.run(TestAgents.disruption());
      assertThat(d.status()).isEqualTo(Decision.Status.REFERRED);
      assertThat(d.haltReason().clearance().reason()).isEqualTo(Clearance.Reason.NOT_STATED);
    }
  }

  @Test
  void run_whenModelClearsWhatTheDataDoesNot_refers() {
    List<AgentSpec<?>> agents = new ArrayList<>(TestAgents.all());
    agents.set(0, new TestAgents.LineAgent("crew_compliance", Tier.SAFETY, new SafetyAssessment(
        Clearance.notCleared(Clearance.Reason.DATA_MISSING, "no roster", List.of("rosters:EY123")), List.of(),
        CheckedResources.none())));
    try (Orchestrator o = builder(new TestModel(), agents).build()) {
      Decision d = o.run(TestAgents.disruption());
      assertThat(d.status()).isEqualTo(Decision.Status.REFERRED);
      assertThat(d.haltReason().detail()).isEqualTo("no roster");
    }
  }

  @Test
  void run_whenModelDropsAConstraintComputedInCode_itStillBinds() {
    List<AgentSpec<?>> agents = new ArrayList<>(TestAgents.all());
    agents.set(1, new TestAgents.LineAgent("maintenance", Tier.SAFETY, new SafetyAssessment(Clearance.cleared(),
        List.of(new TestAgents.Grounded("A6-APA")), TestAgents.MAINTENANCE_CHECKS)));
    TestModel model = new TestModel().on("arbitrator", q -> TestModel.ok("DELAY 0.9 A6-APA"));
    try (Orchestrator o = builder(model, agents).build()) {
      Decision d = o.run(TestAgents.disruption());
      assertThat(d.status()).isEqualTo(Decision.Status.HALTED);
      assertThat(d.violations()).extracting(Violation::kind).containsExactly("aircraft_grounded");
      assertThat(d.recommendations()).filteredOn(r -> r.agent().equals("maintenance"))
          .singleElement().satisfies(r -> assertThat(r.constraints()).hasSize(1));
    }
    // and the arbitrator was told: the constraint is in both of its prompts
    assertThat(model.callsOf("arbitrator")).allSatisfy(c ->
        assertThat(c.request().messages().get(0).text()).contains("<safety>A6-APA grounded</safety>"));
  }

  @Test
  void run_whenRulingOperatesAnAircraftNobodyExamined_reasksThenHalts() {
    TestModel model = new TestModel().on("arbitrator", q -> TestModel.ok("DELAY 0.9 ZZ-NOPE"));
    Decision d = run(model);
    assertThat(d.status()).isEqualTo(Decision.Status.HALTED);
    assertThat(d.violations()).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.UNCHECKED_AIRCRAFT);
      assertThat(v.subject()).isEqualTo("ZZ-NOPE");
      assertThat(v.detail()).contains("A6-APA, A6-APB");
    });
    assertThat(model.count("arbitrator")).isEqualTo(2);
    assertThat(model.callsOf("arbitrator").get(1).request().lastUserText()).contains("unchecked_aircraft");
  }

  @Test
  void run_whenRulingAddsCrewNobodyExamined_isAViolation_andExaminedCrewPasses() {
    TestModel bad = new TestModel().on("arbitrator", q -> TestModel.ok("DELAY 0.9 A6-APA +X9"));
    Decision d = run(bad);
    assertThat(d.status()).isEqualTo(Decision.Status.HALTED);
    assertThat(d.violations()).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.UNCHECKED_CREW);
      assertThat(v.subject()).isEqualTo("X9");
    });
    TestModel good = new TestModel().on("arbitrator", q -> TestModel.ok("DELAY 0.9 A6-APA +R1"));
    assertThat(run(good).status()).isEqualTo(Decision.Status.DECIDED);
  }

  @Test
  void run_whenNoSafetyAgentExaminesAnyAircraft_anOperatingRulingIsAViolation_aCancellationIsNot() {
    List<AgentSpec<?>> agents = new ArrayList<>(TestAgents.all());
    agents.set(1, new TestAgents.LineAgent("maintenance", Tier.SAFETY));
    try (Orchestrator o = builder(new TestModel(), agents).build()) {
      assertThat(o.run(TestAgents.disruption()).status()).isEqualTo(Decision.Status.HALTED);
    }
    TestModel cancel = new TestModel().on("arbitrator", q -> TestModel.ok("CANCEL 0.9 -"));
    try (Orchestrator o = builder(cancel, agents).build()) {
      assertThat(o.run(TestAgents.disruption()).status()).isEqualTo(Decision.Status.DECIDED);
    }
  }

  private static Orchestrator.Builder builder(TestModel model, List<AgentSpec<?>> agents) {
    return Orchestrator.builder().agents(agents).arbitrator(new TestAgents.LineArbitrator()).modelClient(model)
        .random(new java.util.Random(7)).policy(Tier.SAFETY, OrchestratorTest.FAST)
        .policy(Tier.BUSINESS, OrchestratorTest.FAST).policy(Tier.ARBITRATOR, OrchestratorTest.FAST);
  }

  /** A SAFETY agent whose recommendations state no clearance (the 8-argument constructor). */
  static final class StatesNothing implements AgentSpec<String> {
    private final TestAgents.LineAgent line = new TestAgents.LineAgent("regulatory", Tier.SAFETY);

    @Override
    public String name() {
      return "regulatory";
    }

    @Override
    public Tier tier() {
      return Tier.SAFETY;
    }

    @Override
    public String systemPrompt() {
      return line.systemPrompt();
    }

    @Override
    public String gather(Disruption disruption, io.skymarshal.data.DataAccess data) {
      return line.gather(disruption, data);
    }

    @Override
    public io.skymarshal.prompt.OptimizedPrompt prompt(Phase phase, Disruption disruption, String input,
        List<Recommendation> peers) {
      return line.prompt(phase, disruption, input, peers);
    }

    @Override
    public Recommendation parse(Phase phase, io.skymarshal.model.ModelReply reply) {
      Recommendation r = line.parse(phase, reply);
      return new Recommendation(r.agent(), r.tier(), r.phase(), r.action(), r.confidence(), r.constraints(),
          r.reasoning(), r.figures());
    }
  }
}
