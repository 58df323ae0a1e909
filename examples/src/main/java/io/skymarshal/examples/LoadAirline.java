package io.skymarshal.examples;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.dynamo.AirlineLoader;
import io.skymarshal.dynamo.AirlineTableLayout;
import io.skymarshal.dynamo.DynamoClients;
import io.skymarshal.dynamo.DynamoPreflight;
import io.skymarshal.examples.cli.Arguments;
import io.skymarshal.examples.cli.CommandLine;
import io.skymarshal.examples.cli.ExitCode;
import io.skymarshal.examples.cli.Tool;
import io.skymarshal.examples.cli.UsageException;
import io.skymarshal.preflight.PreflightCheck;
import io.skymarshal.preflight.PreflightReport;
import io.skymarshal.testkit.airline.AirlineGenerator;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Creates the airline's DynamoDB tables and loads a generated airline into them (the default
 * one: 200 flights, about 30,000 bookings) or the EY123 sample airline {@link AwsRun} decides
 * about, or deletes the tables. Region and credentials come
 * from the AWS SDK's default chains ({@code AWS_REGION}, {@code AWS_PROFILE}, ...).
 *
 * <pre>
 * ./mvnw -q -pl examples -am package exec:java -DskipTests \
 *     -Dexec.mainClass=io.skymarshal.examples.LoadAirline -Dexec.args="--prefix skymarshal_"
 * </pre>
 * Options: {@code --prefix P} table name prefix (default {@code skymarshal_}); {@code --seed N}
 * generator seed (default 42); {@code --sample} the EY123 sample airline
 * ({@link AirlineSamples#ey123Airline()}) instead of a generated one; {@code --endpoint URL} a
 * DynamoDB-compatible endpoint instead of AWS (e.g. a local dynalite); {@code --delete} delete the
 * tables instead; {@code --help}. Before writing anything it checks the region, the credentials
 * and the endpoint ({@link DynamoPreflight}) and stops with what to do if one fails. Exit
 * status ({@link ExitCode}): 0 done, 1 failed (the message says what to do), 2 bad arguments.
 */
public final class LoadAirline {

  static final CommandLine CLI = CommandLine.of("LoadAirline",
          "Creates the airline's DynamoDB tables and loads an airline into them, or deletes them.")
      .option("--prefix", "P", "table name prefix (default skymarshal_)")
      .option("--seed", "N", "seed of the generated airline (default 42)")
      .flag("--sample", "load the small EY123 sample airline that AwsRun decides about")
      .option("--endpoint", "URL", "a DynamoDB-compatible endpoint instead of AWS, e.g. http://127.0.0.1:4567")
      .flag("--delete", "delete the tables instead")
      .notes("Region and credentials come from the AWS SDK's default chains (AWS_REGION, AWS_PROFILE, ...).")
      .build();

  private LoadAirline() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the program with {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return Tool.run(CLI, args, out, err, LoadAirline::load);
  }

  private static int load(Arguments args, PrintStream out, PrintStream err) throws UsageException {
    String prefix = args.value("--prefix", "skymarshal_");
    AirlineTableLayout layout;
    try {
      layout = AirlineTableLayout.withPrefix(prefix);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--prefix: " + e.getMessage());
    }
    long seed = args.number("--seed", Long.MIN_VALUE, 42);
    boolean sample = args.has("--sample");
    boolean delete = args.has("--delete");
    if (delete && (sample || args.has("--seed"))) {
      throw new UsageException("--delete loads nothing: leave out --sample and --seed");
    }
    Optional<URI> endpoint = args.url("--endpoint");
    DynamoDbAsyncClient client;
    try {
      client = DynamoClients.asyncClient(b -> endpoint.ifPresent(b::endpointOverride));
    } catch (SdkClientException e) {
      return failed(DynamoPreflight.withoutClient(layout, "no region: AWS_REGION is not set and the AWS profile names "
          + "none").failures(), err);
    }
    try (client) {
      // the tables need not exist yet; but the region, credentials and endpoint must pass, and a
      // table that exists with other keys would refuse the items (unless it is to be deleted)
      PreflightReport report = DynamoPreflight.builder(client).layout(layout).build().run();
      List<PreflightCheck> blocking = report.failures().stream()
          .filter(c -> c.kind() != PreflightCheck.Kind.TABLE || blocksLoading(c.problem(), delete))
          .toList();
      if (!blocking.isEmpty()) {
        return failed(blocking, err);
      }
      AirlineLoader loader = AirlineLoader.builder(client).layout(layout).build();
      if (delete) {
        loader.deleteTables();
        out.println("deleted the tables " + layout.tableNames());
        return ExitCode.OK;
      }
      long start = System.nanoTime();
      loader.createTables();
      AirlineDataset data = sample ? AirlineSamples.ey123Airline() : AirlineGenerator.generate(seed);
      Map<String, Integer> written = loader.load(data);
      written.forEach((table, n) -> out.printf("%-32s %,8d items%n", table, n));
      out.printf("loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
      return ExitCode.OK;
    }
  }

  private static boolean blocksLoading(PreflightCheck.Problem problem, boolean delete) {
    return switch (problem) {
      case UNREACHABLE, ACCESS_DENIED -> true;
      case WRONG_SCHEMA -> !delete;
      default -> false;
    };
  }

  private static int failed(List<PreflightCheck> failures, PrintStream err) {
    err.println("LoadAirline: nothing was written, because these checks failed:");
    failures.forEach(f -> err.println("  " + f));
    return ExitCode.FAILED;
  }
}
