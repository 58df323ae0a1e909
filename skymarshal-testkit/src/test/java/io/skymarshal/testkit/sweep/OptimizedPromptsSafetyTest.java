package io.skymarshal.testkit.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.agent.PromptOptions;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.testkit.casebook.Casebook;
import io.skymarshal.testkit.casebook.CasebookReport;
import io.skymarshal.testkit.casebook.CasebookRunner;
import org.junit.jupiter.api.Test;

/**
 * The cost levers shorten what the models are told and what they reply (Phase 2 continues the
 * Phase-1 conversation, replies cite computed constraints by id, SAFETY agents revise seeing only
 * SAFETY peers); safety must not depend on it: every casebook scenario still passes and the
 * fault-injected sweep finds no unsafe decision with every lever on.
 */
class OptimizedPromptsSafetyTest {

  @Test
  void casebook_withEveryPromptLever_passesEveryScenario() {
    CasebookReport report = new CasebookRunner(OfflineModel.create(), PromptOptions.optimized()).run(Casebook.builtIn());

    assertThat(report.failed()).as(report.summary()).isZero();
    assertThat(report.passed()).isGreaterThan(50);
  }

  @Test
  void sweep_withEveryPromptLever_findsNoUnsafeDecision() {
    SafetySweep.Result r = SafetySweep.run(SafetySweep.Config.defaults().withRuns(300), OfflineModel.create(),
        AirlineAgents.all(PromptOptions.optimized()), AirlineAgents.arbitrator(PromptOptions.optimized()));

    assertThat(r.unsafeRuns()).isZero();
  }
}
