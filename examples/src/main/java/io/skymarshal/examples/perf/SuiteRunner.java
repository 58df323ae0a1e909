package io.skymarshal.examples.perf;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.PhaseTiming;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelRouting;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.testkit.model.PromptTwins;
import io.skymarshal.testkit.model.SimulatedModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs the disruptions through one configuration, one run after another (so each run has the
 * machine to itself and its wall time measures the engine, not the neighbours), and measures
 * each. Used by one thread.
 */
public final class SuiteRunner {
  private final DataAccess data;
  private final BiFunction<SuiteConfig, PromptTwins, Models> models;

  /**
   * The model client of a configuration, and the simulation behind it if it is simulated (then
   * each call's model time is the simulation's latency, not its scaled wall time).
   */
  public record Models(ModelClient client, SimulatedModel simulated) {}
  private final PrintStream progress;

  /**
   * @param data      what the agents read (batched; the baseline wraps it in single-item reads)
   * @param models    the model client of a configuration; given the twins its VERBOSE prompts record
   * @param progress  where the progress bar goes
   */
  public SuiteRunner(DataAccess data, BiFunction<SuiteConfig, PromptTwins, Models> models, PrintStream progress) {
    this.data = data;
    this.models = models;
    this.progress = progress;
  }

  /** Runs {@code warmUp} unmeasured on a model of its own, then every disruption of {@code measured}. */
  public Summary run(SuiteConfig config, List<Disruption> warmUp, List<Disruption> measured) {
    if (!warmUp.isEmpty()) {
      runAll(config, warmUp, null);
    }
    return new Summary(config.name(), runAll(config, measured, new Progress(progress, config.name(), measured.size())));
  }

  private List<RunSample> runAll(SuiteConfig config, List<Disruption> disruptions, Progress bar) {
    PromptTwins twins = new PromptTwins();
    GatherTimes gathers = new GatherTimes();
    Models m = models.apply(config, twins);
    List<RunSample> out = new ArrayList<>(disruptions.size());
    try (Orchestrator o = Orchestrator.builder().agents(gathers.wrap(agents(config, twins)))
        .arbitrator(arbitrator(config, twins)).models(routing(config)).modelClient(m.client())
        .data(config.has(Lever.BATCHED_READS) ? data : SingleItemReads.of(data)).build()) {
      if (bar != null) {
        bar.show(0, "");
      }
      for (Disruption d : disruptions) {
        gathers.clear();
        if (m.simulated() != null) {
          m.simulated().drainCalls();
        }
        Decision decision = o.run(d);
        RunSample s = sample(decision, gathers, m.simulated() == null ? null : m.simulated().drainCalls());
        out.add(s);
        if (bar != null) {
          bar.show(out.size(), String.format("%.1f s, $%.4f", s.modelMs() / 1000, s.costUsd()));
        }
      }
    } finally {
      close(m.client());
    }
    return out;
  }

  private static void close(ModelClient client) {
    if (client instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // a client that cannot close cleanly changes no figure of the suite
      }
    }
  }

  /** The seven agents as the configuration writes them; VERBOSE ones record their XML twins. */
  static List<AgentSpec<?>> agents(SuiteConfig config, PromptTwins twins) {
    List<AgentSpec<?>> xml = AirlinePack.agents(config, PromptStyle.XML);
    return config.has(Lever.XML_PROMPTS) ? xml : twins.agents(AirlinePack.agents(config, PromptStyle.VERBOSE), xml);
  }

  static ArbitratorSpec arbitrator(SuiteConfig config, PromptTwins twins) {
    ArbitratorSpec xml = AirlinePack.arbitrator(config, PromptStyle.XML);
    return config.has(Lever.XML_PROMPTS) ? xml : twins.arbitrator(AirlinePack.arbitrator(config, PromptStyle.VERBOSE), xml);
  }

  /** Tiered: the defaults. Otherwise every tier on Sonnet 4.5 with the tier's output limit. */
  static ModelRouting routing(SuiteConfig config) {
    ModelRouting tiered = AirlineAgents.routing();
    if (config.has(Lever.TIERED_MODELS)) {
      return tiered;
    }
    return tiered.toBuilder().tier(Tier.BUSINESS, ModelProfiles.CLAUDE_SONNET_4_5.withTemperature(0.3).withMaxTokens(4096))
        .build();
  }

  /**
   * The run in model time. A call's model time is its reads' wall time (Phase 1) plus its model
   * calls' latencies: the simulation's, exactly, for a simulated model; else its wall time. A
   * phase's is its slowest call's; the run's is the sum of its phases plus what the engine added
   * in wall time (the run's wall time less its critical path): the engine's own work is real time,
   * whatever the model's scale. So the figures do not move with the machine's load, while the
   * engine's overhead is still measured, by the wall-time ratio.
   */
  private RunSample sample(Decision decision, GatherTimes gathers, List<SimulatedModel.Call> simulated) {
    var report = decision.report();
    Map<String, Double> latency = new java.util.HashMap<>();
    if (simulated != null) {
      simulated.forEach(c -> latency.merge(c.agent() + "/" + c.phase(), c.latency().toNanos() / 1e6, Double::sum));
    }
    Map<Phase, Double> phaseModel = new EnumMap<>(Phase.class);
    List<RunSample.CallSample> calls = new ArrayList<>();
    double critical = 0;
    double modelCritical = 0;
    for (PhaseTiming t : report.phases()) {
      double slowestWall = 0;
      double slowestModel = 0;
      for (AgentCall c : report.calls(t.phase())) {
        double wall = c.durationNanos() / 1e6;
        double gather = t.phase() == Phase.INITIAL ? Math.min(wall, gathers.ms(c.agent())) : 0;
        double model = simulated == null ? wall : gather + latency.getOrDefault(c.agent() + "/" + c.phase(), 0.0);
        calls.add(new RunSample.CallSample(c, model));
        slowestWall = Math.max(slowestWall, wall);
        slowestModel = Math.max(slowestModel, model);
      }
      critical += slowestWall;
      modelCritical += slowestModel;
      phaseModel.put(t.phase(), slowestModel);
    }
    double runWall = report.totalDurationMs();
    double engine = simulated == null ? 0 : Math.max(0, runWall - critical);
    double runModel = simulated == null ? runWall : modelCritical + engine;
    return new RunSample(decision.disruptionId(), decision, runModel, runWall, critical, phaseModel, calls);
  }
}
