package io.skymarshal.examples;

import io.skymarshal.airline.AirlineData;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.DisruptionJson;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Runs a disruption through the seven airline agents and the arbitrator on Amazon Bedrock.
 *
 * <pre>
 * AwsRun [--local] [--runs N] [--disruption FILE] [--json]
 * </pre>
 *
 * <ul>
 *   <li>Default: real Bedrock, configured by the {@code SKYMARSHAL_*} settings (see
 *       {@code skymarshal.env.example}) with credentials from the AWS default provider chain.
 *   <li>{@code --local}: the testkit's fake Bedrock on loopback, answered by the offline model,
 *       reached through the same client and the real AWS SDK: no AWS account needed, so CI runs it.
 *   <li>{@code --runs N}: decide N times in a row (prompt-cache reads show from the second run on).
 *   <li>{@code --disruption FILE}: a disruption JSON document; default the EY123 sample.
 *   <li>{@code --json}: print each decision and its report as JSON instead of a table.
 * </ul>
 * The airline data is the EY123 sample airline in memory. Exit status: 0 when every run ended
 * (DECIDED, DEGRADED or HALTED are all answers), 1 when the program failed, 2 on bad arguments.
 *
 * <p>From the repository root: {@code ./mvnw -q -pl examples -am package -DskipTests} then
 * {@code ./mvnw -q -pl examples exec:java -Dexec.mainClass=io.skymarshal.examples.AwsRun
 * -Dexec.args=--local}.
 */
public final class AwsRun {

  /** What the command line asked for. */
  record Options(boolean local, int runs, Path disruptionFile, boolean json) {

    static Options parse(String... args) {
      boolean local = false;
      boolean json = false;
      int runs = 1;
      Path file = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--local" -> local = true;
          case "--json" -> json = true;
          case "--runs" -> runs = positive(value(args, ++i, "--runs"), "--runs");
          case "--disruption" -> file = Path.of(value(args, ++i, "--disruption"));
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
      }
      return new Options(local, runs, file, json);
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

  static final String USAGE = "usage: AwsRun [--local] [--runs N] [--disruption FILE] [--json]";

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
   * @return the decisions, in order
   * @throws IOException if the disruption file cannot be read
   */
  static List<Decision> run(Options options, PrintStream out) throws IOException {
    AirlineDataset airline = AirlineSamples.ey123Airline();
    Disruption disruption = disruption(options, airline);
    DataAccess data = AirlineData.inMemory(airline);
    BedrockConfig config = BedrockConfig.fromEnvironment();
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
    List<Decision> decisions = new ArrayList<>();
    ReportPrinter printer = new ReportPrinter(out);
    try (Orchestrator orchestrator = orchestrator(config, bedrock, data)) {
      for (int i = 1; i <= options.runs(); i++) {
        Decision d = orchestrator.run(disruption);
        decisions.add(d);
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
        out.println();
      }
    } finally {
      bedrock.close();
      if (fake != null) {
        out.printf(Locale.ROOT, "fake Bedrock served %d Converse requests%n", fake.requestCount());
        fake.close();
      }
    }
    return decisions;
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
