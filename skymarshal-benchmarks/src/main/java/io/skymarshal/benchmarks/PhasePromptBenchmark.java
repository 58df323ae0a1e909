package io.skymarshal.benchmarks;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitrationInput;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelReply;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One agent's prompt rendered and its reply parsed, per phase, on the EY123 sample: the
 * crew_compliance agent in Phases 1 and 2 (Phase 2 with the six other agents' recommendations as
 * peers), the arbitrator in Phase 3. The replies are the offline model's, recorded in one run at
 * setup. Run with {@code -prof gc} for bytes allocated per operation.
 *
 * <p>Run: {@code benchmarks/run}, or
 * {@code java -jar skymarshal-benchmarks/target/benchmarks.jar PhasePromptBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PhasePromptBenchmark {
  static final String AGENT = "crew_compliance";

  @Param({"INITIAL", "REVISION", "ARBITRATION"})
  public Phase phase;

  private Disruption disruption;
  private AgentSpec<Object> agent;
  private ArbitratorSpec arbitrator;
  private Object input;
  private List<Recommendation> peers;
  private ArbitrationInput arbitration;
  private ModelReply reply;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    disruption = AirlineSamples.ey123Disruption();
    DataAccess data = AirlineData.inMemory(AirlineSamples.ey123Airline());
    agent = (AgentSpec<Object>) AirlineAgents.all().stream().filter(a -> a.name().equals(AGENT)).findFirst().orElseThrow();
    arbitrator = AirlineAgents.arbitrator();
    Map<String, ModelReply> replies = new ConcurrentHashMap<>();
    OfflineModel offline = OfflineModel.create();
    ModelClient recording = request -> offline.call(request).thenApply(r -> {
      replies.put(request.agent() + "/" + request.phase(), r);
      return r;
    });
    Decision d;
    try (Orchestrator o = Orchestrator.builder().agents(AirlineAgents.all()).arbitrator(arbitrator)
        .modelClient(recording).data(data).build()) {
      d = o.run(disruption);
    }
    if (!d.decided()) {
      throw new IllegalStateException("the sample run must decide, but was " + d.status());
    }
    input = agent.gather(disruption, data);
    // the revised recommendations stand in for Phase 1's: the same agents, the same shape
    peers = d.recommendations().stream().filter(r -> !r.agent().equals(AGENT)).toList();
    arbitration = ArbitrationInput.of(d.recommendations(), d.recommendations(), d.missingAgents());
    reply = replies.get((phase == Phase.ARBITRATION ? arbitrator.name() : AGENT) + "/" + phase);
  }

  @Benchmark
  public String render() {
    return switch (phase) {
      case INITIAL -> agent.prompt(phase, disruption, input, List.of()).text();
      case REVISION -> agent.prompt(phase, disruption, input, peers).text();
      case ARBITRATION -> arbitrator.prompt(disruption, arbitration).text();
    };
  }

  @Benchmark
  public Object parse() {
    return phase == Phase.ARBITRATION ? arbitrator.parse(reply) : agent.parse(phase, reply);
  }
}
