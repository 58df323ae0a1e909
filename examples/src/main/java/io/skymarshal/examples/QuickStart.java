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
import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
 * the sample airline).
 */
public final class QuickStart {

  private QuickStart() {}

  public static void main(String[] args) {
    boolean json = false;
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--json" -> json = true;
        case "--disruption" -> {
          if (i + 1 >= args.length) {
            usage("--disruption needs a file");
          }
          file = Path.of(args[++i]);
        }
        case "--help", "-h" -> usage(null);
        default -> usage("unknown option " + args[i]);
      }
    }
    AirlineDataset airline = AirlineSamples.ey123Airline();
    Disruption disruption;
    try {
      disruption = file == null ? AirlineSamples.ey123Disruption()
          : DisruptionJson.withAirports(airline.airports()).read(Files.readString(file));
    } catch (IOException e) {
      System.err.println("cannot read " + file + ": " + e.getMessage());
      System.exit(2);
      return;
    } catch (SkyMarshalException e) {
      System.err.println("bad disruption document " + file + ": " + e.getMessage());
      System.exit(2);
      return;
    }

    Decision decision;
    try (Orchestrator orchestrator = Orchestrator.builder()
        .agents(AirlineAgents.all())
        .arbitrator(AirlineAgents.arbitrator())
        .modelClient(OfflineModel.create())
        .data(AirlineData.inMemory(airline))
        .build()) {
      decision = orchestrator.run(disruption);
    }
    if (json) {
      System.out.println(DecisionJson.toJson(decision));
    } else {
      new ReportPrinter(System.out).print(disruption, decision);
    }
  }

  private static void usage(String error) {
    if (error != null) {
      System.err.println(error);
    }
    System.err.println("usage: QuickStart [--json] [--disruption FILE]");
    System.exit(error == null ? 0 : 2);
  }
}
