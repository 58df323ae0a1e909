package io.skymarshal.examples;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.bedrock.BedrockConfig;
import io.skymarshal.bedrock.ConverseModelClient;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.Decision;
import io.skymarshal.core.DecisionJson;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.dynamo.AirlineTableLayout;
import io.skymarshal.dynamo.DynamoPreflight;
import io.skymarshal.examples.cli.Arguments;
import io.skymarshal.examples.cli.CommandLine;
import io.skymarshal.examples.cli.ExitCode;
import io.skymarshal.examples.cli.Tool;
import io.skymarshal.examples.cli.UsageException;
import io.skymarshal.preflight.PreflightReport;
import io.skymarshal.testkit.airline.AirlineSamples;
import io.skymarshal.testkit.bedrock.ReplyRule;
import io.skymarshal.testkit.dynamo.DynamoRequestLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Runs a disruption through the seven airline agents and the arbitrator on Amazon Bedrock, the
 * agents reading the airline from DynamoDB; or, with {@code --check}, only checks that
 * everything such a run needs is there.
 *
 * <pre>
 * AwsRun [--local] [--check] [--no-check] [--prefix P] [--dynamodb-endpoint URL] [--runs N]
 *        [--disruption FILE] [--json] [--help]
 * </pre>
 *
 * <ul>
 *   <li>Default: real Bedrock, configured by the {@code SKYMARSHAL_*} settings (see
 *       {@code skymarshal.env.example}), and the DynamoDB tables {@link LoadAirline} created and
 *       loaded ({@code LoadAirline --sample} for the EY123 sample), with region and credentials
 *       from the AWS default chains.
 *   <li>{@code --local}: the testkit's fake Bedrock on loopback, answered by the offline model,
 *       and a dynalite server on loopback whose tables are created and loaded with the EY123
 *       sample airline here; both reached through the real AWS SDK clients: no AWS account
 *       needed, so CI runs it (dynalite needs Node.js, see {@code skymarshal-dynamo/README.md}).
 *   <li>{@code --check}: the preflight only ({@link io.skymarshal.bedrock.BedrockPreflight},
 *       {@link DynamoPreflight}): Bedrock's region, credentials, endpoint and one minimal call
 *       per routed model; DynamoDB's region, credentials, endpoint and each table's keys and
 *       indexes. A table of the checks, with what to do for each failure.
 *   <li>Without {@code --check} the same preflight runs first, and nothing is decided unless it
 *       passes; {@code --no-check} skips it.
 *   <li>{@code --prefix P}: the table name prefix, default {@value #DEFAULT_PREFIX};
 *       {@code --dynamodb-endpoint URL}: a DynamoDB-compatible endpoint instead of AWS's.
 *   <li>{@code --runs N}: decide N times in a row (prompt-cache reads show from the second run on).
 *   <li>{@code --disruption FILE}: a disruption JSON document; default the EY123 sample.
 *   <li>{@code --json}: print each decision and its report as JSON instead of a table (the
 *       preflight table then goes to standard error).
 * </ul>
 * After each run it prints the DynamoDB requests the agents made. Exit status
 * ({@link ExitCode}): 0 when every run decided (DECIDED or DEGRADED) or every check passed; 1
 * when the program failed (a check, a setting, the disrupted flight missing from the tables: the
 * message says what to do); 2 on bad arguments; 3 when a run made no decision (HALTED or
 * REFERRED), which it says on standard error: a person must act.
 *
 * <p>From the repository root: {@code ./mvnw -q -pl examples -am package exec:java -DskipTests
 * -Dexec.mainClass=io.skymarshal.examples.AwsRun -Dexec.args=--local}.
 */
public final class AwsRun {

  /** The table name prefix when {@code --prefix} is not given; {@link LoadAirline}'s default too. */
  static final String DEFAULT_PREFIX = "skymarshal_";

  static final CommandLine CLI = CommandLine.of("AwsRun",
          "Decides a flight disruption with the seven agents on Amazon Bedrock, reading the airline from DynamoDB;\n"
              + "first checks that the region, credentials, endpoints, models and tables are there.")
      .flag("--local", "use a fake Bedrock and a local dynalite (loaded with the sample airline) instead of AWS")
      .flag("--check", "only check region, credentials, endpoints, each routed model and each table; decide nothing")
      .flag("--no-check", "decide without checking first")
      .option("--prefix", "P", "table name prefix (default " + DEFAULT_PREFIX + ")")
      .option("--dynamodb-endpoint", "URL", "a DynamoDB-compatible endpoint instead of AWS's")
      .option("--runs", "N", "decide N times in a row (default 1)")
      .option("--disruption", "FILE", "decide this disruption JSON document instead of the EY123 sample")
      .flag("--json", "print each decision and its report as JSON")
      .notes("""
          Bedrock settings come from the SKYMARSHAL_* variables (skymarshal.env.example); the DynamoDB
          region and credentials from the AWS SDK's default chains (AWS_REGION, AWS_PROFILE, ...).
          Create and load the tables once with: LoadAirline --sample --prefix P""")
      .exitStatuses("""
          exit status:
            0  done: every run decided (DECIDED or DEGRADED); with --check, every check passed
            1  failed: a check, a setting, a file, the tables; the message says what to do
            2  bad arguments
            3  a run made no decision (HALTED or REFERRED): a person must act
          """)
      .build();

  /** What the command line asked for. */
  record Options(boolean local, boolean check, boolean skipCheck, String prefix, Optional<URI> dynamoEndpoint,
      int runs, Optional<Path> disruptionFile, boolean json) {

    static Options from(Arguments a) throws UsageException {
      String prefix = a.value("--prefix", DEFAULT_PREFIX);
      try {
        AirlineTableLayout.withPrefix(prefix);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--prefix: " + e.getMessage());
      }
      if (a.has("--check") && a.has("--no-check")) {
        throw new UsageException("--check and --no-check exclude each other");
      }
      if (a.has("--local") && a.has("--dynamodb-endpoint")) {
        throw new UsageException("--local starts its own DynamoDB: leave out --dynamodb-endpoint");
      }
      return new Options(a.has("--local"), a.has("--check"), a.has("--no-check"), prefix,
          a.url("--dynamodb-endpoint"), (int) a.number("--runs", 1, 1), a.path("--disruption"), a.has("--json"));
    }

    /** The options of {@code args} (for tests). */
    static Options parse(String... args) throws UsageException {
      return from(CLI.parse(args));
    }
  }

  /**
   * One run: its decision and the DynamoDB requests the agents made during it, in order.
   */
  record RunResult(Decision decision, List<DynamoRequestLog.Entry> dynamoRequests) {
    RunResult {
      dynamoRequests = List.copyOf(dynamoRequests);
    }

    /** Requests per operation name ({@code BatchGetItem}, {@code Query}, ...), sorted by name. */
    Map<String, Long> requestCounts() {
      Map<String, Long> counts = new TreeMap<>();
      dynamoRequests.forEach(e -> counts.merge(e.operation(), 1L, Long::sum));
      return counts;
    }
  }

  /** What one invocation did: its exit status, the preflight (if made) and the runs. */
  record Outcome(int exitStatus, Optional<PreflightReport> preflight, List<RunResult> runs) {
    Outcome {
      runs = List.copyOf(runs);
    }
  }

  private AwsRun() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the program with {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return Tool.run(CLI, args, out, err, (a, o, e) -> execute(Options.from(a), BedrockConfig.fromEnvironment(),
        UnaryOperator.identity(), o, e).exitStatus());
  }

  /**
   * Checks, then decides {@code options.runs()} times, printing to {@code out}; the preflight's
   * failures and runs without a decision are also said on {@code err}.
   *
   * @param localRule wraps the fake Bedrock's rule with {@code --local} (tests inject faults with it)
   * @throws IOException if the disruption file cannot be read
   * @throws io.skymarshal.core.SkyMarshalException if the tables lack the disrupted flight, or
   *     (with {@code --local}) cannot be created and loaded
   */
  static Outcome execute(Options options, BedrockConfig config, UnaryOperator<ReplyRule> localRule, PrintStream out,
      PrintStream err) throws IOException {
    AirlineDataset airline = AirlineSamples.ey123Airline();
    Disruption disruption = disruption(options, airline);
    try (BedrockSource bedrock = options.local() ? BedrockSource.local(config, localRule) : BedrockSource.aws(config)) {
      DynamoSource tables;
      try {
        tables = options.local() ? DynamoSource.local(options.prefix(), airline)
            : DynamoSource.aws(options.prefix(), options.dynamoEndpoint());
      } catch (DynamoSource.NoRegionException e) {
        PreflightReport report = bedrock.preflight().plus(
            DynamoPreflight.withoutClient(AirlineTableLayout.withPrefix(options.prefix()), e.getMessage()));
        return new Outcome(preflightFailed(report, options, out, err), Optional.of(report), List.of());
      }
      try (tables) {
        PrintStream info = options.json() ? err : out;
        info.println(tables.description());
        info.println(bedrock.description());
        info.println("models: " + bedrock.models());
        Optional<PreflightReport> report = Optional.empty();
        if (!options.skipCheck()) {
          PreflightReport r = bedrock.preflight().plus(tables.preflight());
          report = Optional.of(r);
          if (!r.passed()) {
            return new Outcome(preflightFailed(r, options, out, err), report, List.of());
          }
          info.println();
          info.print(r.table());
          info.println(r.summary());
          if (options.check()) {
            return new Outcome(ExitCode.OK, report, List.of());
          }
        }
        info.println();
        tables.requireFlight(new FlightKey(disruption.flight().flightNumber(), disruption.flight().date()));
        List<RunResult> runs = decide(options, disruption, config, bedrock, tables, out);
        if (bedrock.fakeRequests() >= 0) {
          info.printf(Locale.ROOT, "fake Bedrock served %d Converse requests%n", bedrock.fakeRequests());
        }
        int status = ExitCode.OK;
        for (int i = 0; i < runs.size(); i++) {
          Decision d = runs.get(i).decision();
          if (ExitCode.of(d) != ExitCode.OK) {
            err.printf(Locale.ROOT, "AwsRun: run %d of %d: %s%n", i + 1, runs.size(), ExitCode.noDecisionLine(d));
            status = ExitCode.of(d);
          }
        }
        return new Outcome(status, report, runs);
      }
    }
  }

  private static int preflightFailed(PreflightReport report, Options options, PrintStream out, PrintStream err) {
    PrintStream info = options.json() ? err : out;
    info.println();
    info.print(report.table());
    info.println(report.summary());
    err.println("AwsRun: " + report.failures().size() + " of " + report.checks().size() + " checks failed"
        + (options.check() ? "" : "; nothing was decided") + ". What to do:");
    report.failures().forEach(f -> err.println("  " + f));
    return ExitCode.FAILED;
  }

  private static List<RunResult> decide(Options options, Disruption disruption, BedrockConfig config,
      BedrockSource bedrock, DynamoSource tables, PrintStream out) {
    List<RunResult> results = new ArrayList<>();
    ReportPrinter printer = new ReportPrinter(out);
    try (Orchestrator orchestrator = orchestrator(config, bedrock.client(), tables.dataAccess())) {
      for (int i = 1; i <= options.runs(); i++) {
        Decision d = orchestrator.run(disruption);
        RunResult result = new RunResult(d, tables.takeRequests());
        results.add(result);
        if (options.json()) {
          out.println(DecisionJson.toJson(d));
          continue;
        }
        out.printf(Locale.ROOT, "== run %d of %d: %s %s%n", i, options.runs(), d.status(), d.action());
        if (i == 1) {
          printer.print(disruption, d);
        } else {
          printer.printReport(d.report());
        }
        out.println("calls reading from the prompt cache: " + cacheReads(d));
        out.println("DynamoDB requests by the agents: " + result.requestCounts());
        out.println();
      }
    }
    return results;
  }

  private static String cacheReads(Decision d) {
    List<String> calls = d.report().calls().stream().filter(AgentCall::cacheRead)
        .map(c -> c.phase().reportName() + "/" + c.agent()).toList();
    return calls.isEmpty()
        ? "none (the cached prefix must reach the model's minimum, 1,024 or 4,096 tokens, and be seen before)"
        : String.join(", ", calls);
  }

  private static Orchestrator orchestrator(BedrockConfig config, ConverseModelClient bedrock, DataAccess data) {
    Orchestrator.Builder b = Orchestrator.builder()
        .agents(AirlineAgents.all())
        .arbitrator(AirlineAgents.arbitrator())
        .models(config.routing())
        .modelClient(bedrock)
        .data(data);
    for (Tier tier : List.of(Tier.SAFETY, Tier.BUSINESS)) {
      b.policy(tier, Phase.INITIAL, config.policy(tier, Phase.INITIAL));
      b.policy(tier, Phase.REVISION, config.policy(tier, Phase.REVISION));
    }
    b.policy(Tier.ARBITRATOR, Phase.ARBITRATION, config.policy(Tier.ARBITRATOR, Phase.ARBITRATION));
    return b.build();
  }

  private static Disruption disruption(Options options, AirlineDataset airline) throws IOException {
    if (options.disruptionFile().isEmpty()) {
      return AirlineSamples.ey123Disruption();
    }
    try (InputStream in = Files.newInputStream(options.disruptionFile().get())) {
      return DisruptionJson.withAirports(airline.airports()).read(in);
    }
  }
}
