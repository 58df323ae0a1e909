package io.skymarshal.examples.fuel;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Recommendation;
import io.skymarshal.data.DataAccess;
import io.skymarshal.data.InMemoryBatchReader;
import io.skymarshal.examples.cli.CommandLine;
import io.skymarshal.examples.cli.ExitCode;
import io.skymarshal.examples.cli.Tool;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.io.PrintStream;
import java.util.List;

/**
 * An eighth agent, end to end and offline: a {@code fuel} agent with its own table, added to the
 * seven with {@link AirlineAgents#builder()}, its table added to the airline's data with
 * {@link DataAccess#toBuilder()}, answered offline by its own {@link FuelDecider}. Its
 * recommendation reaches the arbitrator with the others'.
 *
 * <pre>
 * ./mvnw -q -pl examples -am package exec:java -DskipTests -Dexec.mainClass=io.skymarshal.examples.fuel.FuelExample
 * </pre>
 * Exit status ({@link ExitCode}): 0 for a decision, 3 when none was made (a person must act),
 * 2 for any argument but {@code --help}.
 */
public final class FuelExample {

  private FuelExample() {}

  /** The orchestrator of the example: the seven airline agents plus fuel, on the EY123 sample. */
  public static Orchestrator orchestrator(OfflineModel model) {
    DataAccess data = AirlineData.inMemory(AirlineSamples.ey123Airline()).toBuilder()
        .table(FuelAgent.FUEL_PRICES, InMemoryBatchReader.of(List.of(new FuelPrice("AUH", 0.78, true),
            new FuelPrice("LHR", 1.05, false)), FuelPrice::airport))
        .build();
    return Orchestrator.builder()
        .agents(AirlineAgents.builder().add(new FuelAgent()).build())
        .arbitrator(AirlineAgents.arbitrator())
        .modelClient(model)
        .data(data)
        .build();
  }

  /** The offline model with the fuel agent's decider. */
  public static OfflineModel model() {
    return OfflineModel.builder().decider("fuel", new FuelDecider()).build();
  }

  static final CommandLine CLI = CommandLine.of("FuelExample",
          "Decides the EY123 sample disruption offline with an eighth agent, fuel, that has its own table.")
      .deciding()
      .build();

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the program with {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return Tool.run(CLI, args, out, err, (a, o, e) -> decide(o, e));
  }

  private static int decide(PrintStream out, PrintStream err) {
    try (Orchestrator o = orchestrator(model())) {
      Decision d = o.run(AirlineSamples.ey123Disruption());
      out.printf("Decision: %s %s%n", d.status(), d.action());
      for (Recommendation r : d.recommendations()) {
        out.printf("  %-17s %-8s %-14s %.2f  %s%n", r.agent(), r.tier(), r.action(), r.confidence(),
            r.reasoning());
      }
      d.recommendations().stream().filter(r -> r.agent().equals("fuel")).findFirst().ifPresentOrElse(
          r -> out.println("fuel figures seen by the arbitrator: " + r.figures()),
          () -> out.println("fuel gave no recommendation: " + d.missingAgents()));
      String noDecision = ExitCode.noDecisionLine(d);
      if (!noDecision.isEmpty()) {
        err.println("FuelExample: " + noDecision);
      }
      return ExitCode.of(d);
    }
  }
}
