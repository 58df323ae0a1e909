package io.skymarshal.examples;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.bedrock.BedrockConfig;
import io.skymarshal.bedrock.ConverseModelClient;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.Decision;
import io.skymarshal.core.DecisionJson;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.testkit.airline.AirlineSamples;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.ModelClientRule;
import io.skymarshal.testkit.dynamo.DynamoRequestLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Runs a disruption through the seven airline agents and the arbitrator on Amazon Bedrock, the
 * agents reading the airline from DynamoDB.
 *
 * <pre>
 * AwsRun [--local] [--prefix P] [--runs N] [--disruption FILE] [--json]
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
 *   <li>{@code --prefix P}: the table name prefix, default {@value #DEFAULT_PREFIX}.
 *   <li>{@code --runs N}: decide N times in a row (prompt-cache reads show from the second run on).
 *   <li>{@code --disruption FILE}: a disruption JSON document; default the EY123 sample.
 *   <li>{@code --json}: print each decision and its report as JSON instead of a table.
 * </ul>
 * After each run it prints the DynamoDB requests the agents made. Exit status: 0 when every run
 * ended (DECIDED, DEGRADED or HALTED are all answers), 1 when the program failed (for example
 * the disrupted flight is not in the tables), 2 on bad arguments.
 *
 * <p>From the repository root: {@code ./mvnw -q -pl examples -am package exec:java -DskipTests
 * -Dexec.mainClass=io.skymarshal.examples.AwsRun -Dexec.args=--local}.
 */
public final class AwsRun {

  /** The table name prefix when {@code --prefix} is not given; {@link LoadAirline}'s default too. */
  static final String DEFAULT_PREFIX = "skymarshal_";

  /** What the command line asked for. */
  record Options(boolean local, String prefix, int runs, Path disruptionFile, boolean json) {

    static Options parse(String... args) {
      boolean local = false;
      boolean json = false;
      String prefix = DEFAULT_PREFIX;
      int runs = 1;
      Path file = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--local" -> local = true;
          case "--json" -> json = true;
          case "--prefix" -> prefix = value(args, ++i, "--prefix");
          case "--runs" -> runs = positive(value(args, ++i, "--runs"), "--runs");
          case "--disruption" -> file = Path.of(value(args, ++i, "--disruption"));
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
      }
      return new Options(local, prefix, runs, file, json);
    }

    private static String value(String[] args, int i, String flag) {
      if (i >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return args[i];
    }

    private static int positive(String text, String flag) {
      try {
        int n = Integer.parseInt(text);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(flag + " must be a whole number > 0 but was '" + text + "'");
    }
  }

  static final String USAGE = "usage: AwsRun [--local] [--prefix P] [--runs N] [--disruption FILE] [--json]";

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

  private AwsRun() {}

  public static void main(String[] args) {
    int status;
    try {
      run(Options.parse(args), System.out);
      status = 0;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      status = 2;
    } catch (SkyMarshalException | IOException e) {
      System.err.println("AwsRun failed: " + e.getMessage());
      status = 1;
    }
    System.exit(status);
  }

  /**
   * Decides {@code options.runs()} times and prints each decision to {@code out}.
   *
   * @return the runs, in order
   * @throws IOException if the disruption file cannot be read
   * @throws SkyMarshalException if the tables cannot be read, lack the disrupted flight, or (with
   *     {@code --local}) cannot be created and loaded
   */
  static List<RunResult> run(Options options, PrintStream out) throws IOException {
    AirlineDataset airline = AirlineSamples.ey123Airline();
    Disruption disruption = disruption(options, airline);
    BedrockConfig config = BedrockConfig.fromEnvironment();
    try (DynamoSource tables = options.local() ? DynamoSource.local(options.prefix(), airline)
        : DynamoSource.aws(options.prefix())) {
      tables.requireFlight(new FlightKey(disruption.flight().flightNumber(), disruption.flight().date()));
      out.println(tables.description());
      return run(options, disruption, config, tables, out);
    }
  }

  private static List<RunResult> run(Options options, Disruption disruption, BedrockConfig config, DynamoSource tables,
      PrintStream out) {
    FakeBedrockServer fake = null;
    ConverseModelClient bedrock;
    if (options.local()) {
      fake = FakeBedrockServer.start();
      fake.rule(ModelClientRule.of(OfflineModel.create()));
      bedrock = ConverseModelClient.builder()
          .region(config.region().orElse("us-east-1"))
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
          .endpointOverride(fake.endpoint())
          .build();
      out.println("Bedrock: fake at " + fake.endpoint() + ", answered by the offline model, via the AWS SDK");
    } else {
      bedrock = config.newClient();
      out.println("Bedrock: " + config);
    }
    out.println("models: " + models(config));
    out.println();
    List<RunResult> results = new ArrayList<>();
    ReportPrinter printer = new ReportPrinter(out);
    try (Orchestrator orchestrator = orchestrator(config, bedrock, tables.dataAccess())) {
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
    } finally {
      bedrock.close();
      if (fake != null) {
        out.printf(Locale.ROOT, "fake Bedrock served %d Converse requests%n", fake.requestCount());
        fake.close();
      }
    }
    return results;
  }

  private static String models(BedrockConfig config) {
    StringBuilder sb = new StringBuilder();
    for (Tier tier : Tier.values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(tier).append('=')
          .append(config.routing().profileFor(tier.name().toLowerCase(Locale.ROOT), tier).modelId());
    }
    return sb.toString();
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
    if (options.disruptionFile() == null) {
      return AirlineSamples.ey123Disruption();
    }
    try (InputStream in = Files.newInputStream(options.disruptionFile())) {
      return DisruptionJson.withAirports(airline.airports()).read(in);
    }
  }
}
