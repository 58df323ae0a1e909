package io.skymarshal.benchmarks;

import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Ruling;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.ModelRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the engine costs on top of the model: a full three-phase run (7 + 7 + 1 calls) with an
 * instant model, against a hand-written {@link CompletableFuture} fan-out making the same 15
 * calls with the same prompt and parse work, and against the same three phases as a LangChain4j
 * agentic workflow ({@link LangChain4jFanOut}), all on the same executor. The ratios
 * {@code orchestrator / rawFanOut} (target: within 1.25x) and {@code orchestrator / langchain4j}
 * are the engine's overhead. {@code threads}: {@code platform} (16 threads) or {@code virtual}
 * (a virtual thread per task, JDK 21+).
 *
 * <p>Run: {@code benchmarks/run} (all benchmarks, one table), or
 * {@code ./mvnw -q -pl skymarshal-benchmarks -am package -DskipTests &&
 * java -jar skymarshal-benchmarks/target/benchmarks.jar OrchestrationBenchmark -p threads=platform,virtual}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class OrchestrationBenchmark {
  /** {@code platform}: a fixed pool of 16 threads; {@code virtual}: a virtual thread per task (JDK 21+). */
  @Param({"platform"})
  public String threads;

  private ExecutorService pool;
  private LangChain4jFanOut langchain4j;
  private Orchestrator orchestrator;
  private Disruption disruption;
  private List<AgentSpec<?>> agents;
  private BenchAgents.Arbitrator arbitrator;
  private ModelRouting routing;

  @Setup(Level.Trial)
  public void setUp() {
    pool = executor(threads);
    agents = BenchAgents.all();
    arbitrator = new BenchAgents.Arbitrator();
    routing = ModelRouting.defaults();
    disruption = BenchAgents.disruption();
    orchestrator = Orchestrator.builder().agents(agents).arbitrator(arbitrator).modelClient(BenchAgents.INSTANT_MODEL)
        .executor(pool).build();
    langchain4j = new LangChain4jFanOut(agents, arbitrator, disruption, pool);
  }

  static ExecutorService executor(String threads) {
    switch (threads) {
      case "platform":
        return Executors.newFixedThreadPool(16);
      case "virtual":
        try {
          return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("virtual threads need JDK 21+; this is " + Runtime.version(), e);
        }
      default:
        throw new IllegalArgumentException("threads must be platform or virtual but was " + threads);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    orchestrator.close();
    pool.shutdownNow();
  }

  @Benchmark
  public Decision orchestrator() {
    return orchestrator.run(disruption);
  }

  @Benchmark
  public Ruling langchain4j() {
    return langchain4j.run();
  }

  @Benchmark
  public Ruling rawFanOut() {
    List<Recommendation> phase1 = phase(Phase.INITIAL, List.of());
    List<Recommendation> phase2 = phase(Phase.REVISION, phase1);
    ModelRequest req = new ModelRequest(arbitrator.name(), io.skymarshal.core.Tier.ARBITRATOR, Phase.ARBITRATION,
        routing.profileFor(arbitrator.name(), io.skymarshal.core.Tier.ARBITRATOR), arbitrator.systemPrompt(), true,
        List.of(Message.user(arbitrator.prompt(disruption, io.skymarshal.core.ArbitrationInput.of(phase1, phase2, List.of())).text())), null);
    return BenchAgents.INSTANT_MODEL.call(req).thenApplyAsync(arbitrator::parse, pool).join();
  }

  private List<Recommendation> phase(Phase phase, List<Recommendation> previous) {
    List<CompletableFuture<Recommendation>> fs = new ArrayList<>();
    for (AgentSpec<?> a : agents) {
      fs.add(call(a, phase, previous));
    }
    CompletableFuture.allOf(fs.toArray(new CompletableFuture<?>[0])).join();
    List<Recommendation> out = new ArrayList<>();
    fs.forEach(f -> out.add(f.join()));
    return out;
  }

  private <I> CompletableFuture<Recommendation> call(AgentSpec<I> a, Phase phase, List<Recommendation> previous) {
    return CompletableFuture.supplyAsync(() -> {
      I input = a.gather(disruption, DataAccess.none());
      List<Recommendation> peers = previous.stream().filter(r -> !r.agent().equals(a.name())).toList();
      return new ModelRequest(a.name(), a.tier(), phase, routing.profileFor(a.name(), a.tier()), a.systemPrompt(), true,
          List.of(Message.user(a.prompt(phase, disruption, input, peers).text())), a.replyFormat());
    }, pool).thenCompose(BenchAgents.INSTANT_MODEL::call).thenApplyAsync(reply -> a.parse(phase, reply), pool);
  }
}
