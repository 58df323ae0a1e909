package io.skymarshal.testkit.casebook;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.agent.PromptOptions;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.model.ModelClient;
import java.util.List;
import java.util.Objects;

/**
 * Runs casebook scenarios through the public API, exactly as an embedding service would: the
 * seven airline agents and the arbitrator ({@link AirlineAgents}), the scenario's airline in memory
 * ({@link AirlineData#inMemory}) and one model client for all runs (by default one
 * {@link OfflineModel}, deterministic and without network), then checks each decision against the
 * scenario's allowed outcomes. Scenarios run one after another, each on its own
 * {@link Orchestrator}. Thread-safe when the model client is.
 */
public final class CasebookRunner {
  private final ModelClient modelClient;
  private final PromptOptions options;

  /** A runner on one new {@link OfflineModel}. */
  public CasebookRunner() {
    this(OfflineModel.create());
  }

  /** A runner on {@code modelClient}, shared by every run; the runner does not close it. */
  public CasebookRunner(ModelClient modelClient) {
    this(modelClient, PromptOptions.of(io.skymarshal.prompt.PromptStyle.XML));
  }

  /**
   * A runner on {@code modelClient} whose agents and arbitrator write their prompts as {@code options}
   * say (e.g. {@link PromptOptions#optimized()}, to check the cost levers keep every case safe).
   */
  public CasebookRunner(ModelClient modelClient, PromptOptions options) {
    this.modelClient = Objects.requireNonNull(modelClient, "modelClient");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Decides {@code scenario} and checks the decision; an exception of the run is a failed result, not thrown. */
  public CaseResult run(Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    Decision decision;
    try (Orchestrator orchestrator = Orchestrator.builder()
        .agents(AirlineAgents.all(options))
        .arbitrator(AirlineAgents.arbitrator(options))
        .modelClient(modelClient)
        .data(AirlineData.inMemory(scenario.airline()))
        .build()) {
      decision = orchestrator.run(scenario.disruption());
    } catch (RuntimeException e) {
      return CaseResult.ofError(scenario, e);
    }
    return CaseResult.of(scenario, decision);
  }

  /** Runs every scenario of {@code casebook}, in order. */
  public CasebookReport run(Casebook casebook) {
    return run(casebook.scenarios());
  }

  /** Runs {@code scenarios}, in order. */
  public CasebookReport run(List<Scenario> scenarios) {
    return new CasebookReport(scenarios.stream().map(this::run).toList());
  }
}
