package io.skymarshal.examples;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.core.Decision;
import io.skymarshal.core.DecisionJson;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.examples.cli.Arguments;
import io.skymarshal.examples.cli.CommandLine;
import io.skymarshal.examples.cli.ExitCode;
import io.skymarshal.examples.cli.Tool;
import io.skymarshal.examples.cli.UsageException;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The offline quick start: the seven airline agents and the arbitrator decide about the EY123
 * AUH-LHR hydraulic fault (the reference disruption) on the in-memory sample airline and the
 * offline model. No AWS, no network.
 *
 * <pre>
 * ./mvnw -q -pl examples -am package exec:java -DskipTests               # text report
 * ./mvnw -q -pl examples -am package exec:java -DskipTests -Dexec.args=--json   # JSON
 * </pre>
 * Options: {@code --json} prints the decision and its report as JSON; {@code --disruption FILE}
 * decides about another disruption document of the reference shape (its airports must be in
 * the sample airline); {@code --help}. Exit status ({@link ExitCode}): 0 for a decision
 * (DECIDED, DEGRADED), 3 when no decision was made (HALTED, REFERRED: a person must act, and
 * the program says so on standard error), 1 when the document cannot be read, 2 on bad arguments.
 */
public final class QuickStart {

  static final CommandLine CLI = CommandLine.of("QuickStart",
          "Decides a flight disruption offline: the in-memory sample airline and the offline model, no AWS.")
      .flag("--json", "print the decision and its report as JSON")
      .option("--disruption", "FILE", "decide this disruption JSON document instead of the EY123 sample")
      .deciding()
      .build();

  private QuickStart() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the program with {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return Tool.run(CLI, args, out, err, QuickStart::decide);
  }

  private static int decide(Arguments args, PrintStream out, PrintStream err) throws UsageException, IOException {
    Optional<Path> file = args.path("--disruption");
    AirlineDataset airline = AirlineSamples.ey123Airline();
    Disruption disruption = file.isEmpty() ? AirlineSamples.ey123Disruption()
        : DisruptionJson.withAirports(airline.airports()).read(Files.readString(file.get()));
    Decision decision;
    try (Orchestrator orchestrator = Orchestrator.builder()
        .agents(AirlineAgents.all())
        .arbitrator(AirlineAgents.arbitrator())
        .modelClient(OfflineModel.create())
        .data(AirlineData.inMemory(airline))
        .build()) {
      decision = orchestrator.run(disruption);
    }
    if (args.has("--json")) {
      out.println(DecisionJson.toJson(decision));
    } else {
      new ReportPrinter(out).print(disruption, decision);
    }
    String noDecision = ExitCode.noDecisionLine(decision);
    if (!noDecision.isEmpty()) {
      err.println("QuickStart: " + noDecision);
    }
    return ExitCode.of(decision);
  }
}
