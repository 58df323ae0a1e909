package io.skymarshal.benchmarks;

import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.ArbitrationInput;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.CheckedResources;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Tier;
import io.skymarshal.core.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's safety check of a ruling: one plan (a delay on an examined aircraft, adding two
 * examined crew) against {@value #CONSTRAINTS} SAFETY constraints, 70 crew duty limits and 30
 * groundings of other aircraft, none broken ({@link ArbitrationInput#violations}).
 *
 * <p>Run: {@code benchmarks/run}, or {@code java -jar skymarshal-benchmarks/target/benchmarks.jar PlanCheckBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlanCheckBenchmark {
  static final int CONSTRAINTS = 100;

  private ArbitrationInput input;
  private ActionPlan plan;

  @Setup
  public void setUp() {
    List<BindingConstraint> constraints = new ArrayList<>();
    List<String> crew = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      crew.add("C" + i);
      constraints.add(new CrewDutyLimit("C" + i, BenchAgents.DEP.plus(Duration.ofHours(14))));
    }
    List<String> aircraft = new ArrayList<>(List.of("A6-APA"));
    for (int i = 0; i < 30; i++) {
      constraints.add(new AircraftGrounded("A6-G" + i, BenchAgents.DEP.plus(Duration.ofDays(2))));
      aircraft.add("A6-G" + i);
    }
    Recommendation safety = new Recommendation("crew_compliance", Tier.SAFETY, Phase.REVISION, "DELAY", 0.9,
        constraints, "", Map.of(), Clearance.cleared(), new CheckedResources(Set.copyOf(aircraft), Set.copyOf(crew)));
    input = ArbitrationInput.of(List.of(), List.of(safety), List.of());
    plan = new ActionPlan("DELAY", true, BenchAgents.DEP.plusSeconds(3600), BenchAgents.DEP.plusSeconds(30_600),
        "A6-APA", Set.of("C1", "C2"), "delay 1h");
    if (input.safetyConstraints().size() != CONSTRAINTS || !input.violations(plan).isEmpty()) {
      throw new IllegalStateException("the fixture must hold " + CONSTRAINTS + " constraints that the plan keeps");
    }
  }

  @Benchmark
  public List<Violation> violations() {
    return input.violations(plan);
  }
}
