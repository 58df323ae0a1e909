package io.skymarshal.examples;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.bedrock.BedrockConfig;
import io.skymarshal.core.Disruption;
import io.skymarshal.data.DataAccess;
import io.skymarshal.examples.cli.Arguments;
import io.skymarshal.examples.cli.CommandLine;
import io.skymarshal.examples.cli.ExitCode;
import io.skymarshal.examples.cli.Tool;
import io.skymarshal.examples.cli.UsageException;
import io.skymarshal.examples.perf.ConsoleReport;
import io.skymarshal.examples.perf.HtmlReport;
import io.skymarshal.examples.perf.Lever;
import io.skymarshal.examples.perf.NoCachePoints;
import io.skymarshal.examples.perf.ReportJson;
import io.skymarshal.examples.perf.SuiteConfig;
import io.skymarshal.examples.perf.SuiteRunner;
import io.skymarshal.examples.perf.Summary;
import io.skymarshal.model.ModelClient;
import io.skymarshal.testkit.airline.AirlineGenerator;
import io.skymarshal.testkit.airline.DisruptionGenerator;
import io.skymarshal.testkit.baseline.BaselineStore;
import io.skymarshal.testkit.baseline.Comparison;
import io.skymarshal.testkit.baseline.DecisionComparator;
import io.skymarshal.testkit.baseline.DecisionRecord;
import io.skymarshal.testkit.model.SimulatedModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The performance suite: the same generated disruptions under the baseline configuration (every
 * agent on Sonnet 4.5, VERBOSE prompts, no cache points, single-item reads) and the optimized one
 * (tiered models, XML prompts, cache points, batched reads and the cost levers, {@link Lever}),
 * with latency percentiles, tokens and cost per request, per-phase and per-agent medians, the
 * wall time over the critical path, and the quality comparison of the two sets of decisions.
 *
 * <p>Models are simulated by default ({@link SimulatedModel}: the offline rules answer, latency
 * follows published Claude figures, time is scaled so the suite takes seconds, figures are model
 * time); {@code --bedrock} calls real Bedrock (costs money; region and models from the
 * environment, as for {@link AwsRun}). Data comes from dynalite, the local DynamoDB-compatible
 * server (Node.js >= 20), loaded with the generated airline; {@code --memory} uses the in-memory
 * store instead.
 *
 * <p>Writes {@code target/skymarshal-perf/report.json} and {@code report.html} (or under
 * {@code --out}). Run from the repository root:
 * <pre>
 * ./mvnw -q -pl examples -am package exec:java -DskipTests -Dexec.mainClass=io.skymarshal.examples.PerformanceSuite
 * </pre>
 * {@code -Dexec.args="--levers"} adds the optimized configuration with each lever off in turn;
 * {@code --help} prints every option. Exit status: 0, or 1 when a decision of the optimized
 * configuration does not match the baseline's and {@code --strict} was given; 2 for bad arguments.
 */
public final class PerformanceSuite {
  static final String COMMAND = "./mvnw -q -pl examples -am package exec:java -DskipTests"
      + " -Dexec.mainClass=io.skymarshal.examples.PerformanceSuite";

  static final CommandLine CLI = CommandLine.of("PerformanceSuite",
          "Runs generated disruptions under the baseline and the optimized configuration and reports latency,\n"
              + "tokens, cost and whether the decisions match.")
      .option("--disruptions", "N", "how many generated disruptions (default 100)")
      .option("--seed", "S", "seed of the disruption generator and the model jitter (default 7)")
      .option("--time-scale", "X", "wall seconds per simulated model second (default 0.01)")
      .flag("--memory", "read from the in-memory store instead of a local dynalite server")
      .flag("--bedrock", "call real Bedrock instead of the simulated models (costs money)")
      .option("--without", "LEVERS", "comma-separated levers the optimized configuration leaves off: "
          + String.join(",", java.util.Arrays.stream(Lever.values()).map(Lever::option).toList()))
      .flag("--levers", "also run the optimized configuration with each lever off in turn")
      .option("--out", "DIR", "where report.json and report.html go (default target/skymarshal-perf)")
      .option("--save-baseline", "FILE", "save the baseline configuration's decisions as a baseline file")
      .option("--compare-baseline", "FILE", "compare the optimized decisions with this saved baseline instead")
      .flag("--strict", "exit 1 when a decision does not match")
      .notes("Reproduce the README's figures with: " + COMMAND + " -Dexec.args=--levers")
      .build();

  private PerformanceSuite() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return Tool.run(CLI, args, out, err, PerformanceSuite::suite);
  }

  private static int suite(Arguments args, PrintStream out, PrintStream err) throws UsageException, IOException {
    int n = (int) args.number("--disruptions", 1, 100);
    long seed = args.number("--seed", Long.MIN_VALUE, 7);
    boolean bedrock = args.has("--bedrock");
    double scale = bedrock ? 1.0 : timeScale(args.value("--time-scale", "0.01"));
    Set<Lever> without = levers(args.value("--without", ""));
    Path dir = args.path("--out").orElse(Path.of("target", "skymarshal-perf"));

    AirlineDataset airline = AirlineGenerator.defaultAirline();
    List<Disruption> disruptions = new DisruptionGenerator(airline, seed).take(n);
    List<Disruption> warmUp = bedrock ? List.of() : new DisruptionGenerator(airline, seed + 1).take(5);

    DynamoSource dynamo = null;
    try {
      DataAccess data;
      if (args.has("--memory")) {
        data = AirlineData.inMemory(airline);
        out.println("data: the in-memory store, generated airline");
      } else {
        dynamo = DynamoSource.local("perf_", airline);
        data = dynamo.dataAccess();
        out.println("data: dynalite (the local DynamoDB-compatible server), tables perf_* loaded with the generated airline,"
            + " read through the AWS SDK");
      }
      out.println("models: " + (bedrock ? "Amazon Bedrock (real calls)" : "simulated (SimulatedModel, offline rules;"
          + " time scale " + scale + ", figures in model time)"));
      out.println(n + " disruptions, seed " + seed + (without.isEmpty() ? "" : ", optimized without " + without));

      BedrockConfig bedrockConfig = bedrock ? BedrockConfig.fromEnvironment() : null;
      SuiteRunner runner = new SuiteRunner(data, (config, twins) -> {
        SimulatedModel simulated = bedrock ? null : SimulatedModel.builder().twins(twins).timeScale(scale).seed(seed)
            .build();
        ModelClient client = bedrock ? bedrockConfig.newClient() : simulated;
        return new SuiteRunner.Models(config.has(Lever.CACHE_POINTS) ? client : new NoCachePoints(client), simulated);
      }, out);

      SuiteConfig optimizedConfig = SuiteConfig.optimized(without);
      Summary baseline = runner.run(SuiteConfig.baseline(), warmUp, disruptions);
      Summary optimized = runner.run(optimizedConfig, warmUp, disruptions);
      List<Summary> levers = new ArrayList<>();
      if (args.has("--levers")) {
        for (Lever l : Lever.values()) {
          if (optimizedConfig.has(l)) {
            levers.add(runner.run(optimizedConfig.without(l), warmUp, disruptions));
          }
        }
      }

      List<DecisionRecord> baselineRecords = records(baseline);
      Optional<Path> saved = args.path("--compare-baseline");
      List<DecisionRecord> reference = saved.isPresent() ? BaselineStore.load(saved.get()) : baselineRecords;
      Comparison quality = DecisionComparator.standard().compare(reference, records(optimized));
      Optional<Path> save = args.path("--save-baseline");
      if (save.isPresent()) {
        BaselineStore.saveRecords(save.get(), baselineRecords);
        out.println("baseline decisions saved to " + save.get().toAbsolutePath().normalize());
      }

      ConsoleReport.print(out, baseline, optimized, quality, levers);
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("disruptions", n);
      settings.put("seed", seed);
      settings.put("models", bedrock ? "bedrock" : "simulated");
      settings.put("timeScale", scale);
      settings.put("data", args.has("--memory") ? "memory" : "dynalite");
      settings.put("optimizedLevers", optimizedConfig.levers().stream().map(Lever::option).sorted().toList());
      settings.put("command", COMMAND);
      var tree = ReportJson.tree(baseline, optimized, quality, levers, settings);
      ReportJson.write(dir.resolve("report.json"), tree);
      HtmlReport.write(dir.resolve("report.html"), baseline, optimized, quality, tree);
      out.println();
      out.println("written: " + dir.resolve("report.json").toAbsolutePath().normalize() + ", "
          + dir.resolve("report.html").toAbsolutePath().normalize());
      return args.has("--strict") && !quality.allMatch() ? ExitCode.FAILED : ExitCode.OK;
    } finally {
      if (dynamo != null) {
        dynamo.close();
      }
    }
  }

  private static List<DecisionRecord> records(Summary s) {
    return s.samples().stream().map(r -> DecisionRecord.of(r.decision())).toList();
  }

  private static double timeScale(String value) throws UsageException {
    try {
      double d = Double.parseDouble(value);
      if (d > 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--time-scale must be a number in (0, 1] but was '" + value + "'");
  }

  private static Set<Lever> levers(String list) throws UsageException {
    Set<Lever> out = EnumSet.noneOf(Lever.class);
    for (String s : list.split(",")) {
      if (!s.isBlank()) {
        try {
          out.add(Lever.fromOption(s.strip()));
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
      }
    }
    return out;
  }
}
