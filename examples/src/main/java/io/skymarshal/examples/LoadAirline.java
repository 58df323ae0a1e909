package io.skymarshal.examples;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.dynamo.AirlineLoader;
import io.skymarshal.dynamo.AirlineTableLayout;
import io.skymarshal.dynamo.DynamoClients;
import io.skymarshal.testkit.airline.AirlineGenerator;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.net.URI;
import java.util.Map;
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
 * ({@link AirlineSamples#ey123Airline()}) instead of a generated one; {@code --endpoint URL} a DynamoDB-compatible endpoint instead of
 * AWS (e.g. a local dynalite); {@code --delete} delete the tables instead.
 */
public final class LoadAirline {
  private LoadAirline() {}

  public static void main(String[] args) {
    String prefix = "skymarshal_";
    long seed = 42;
    URI endpoint = null;
    boolean delete = false;
    boolean sample = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--prefix" -> prefix = value(args, ++i);
        case "--seed" -> seed = Long.parseLong(value(args, ++i));
        case "--endpoint" -> endpoint = URI.create(value(args, ++i));
        case "--delete" -> delete = true;
        case "--sample" -> sample = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; use --prefix P, --seed N, --sample, --endpoint URL, --delete");
      }
    }
    URI ep = endpoint;
    AirlineTableLayout layout = AirlineTableLayout.withPrefix(prefix);
    try (DynamoDbAsyncClient client = DynamoClients.asyncClient(b -> {
      if (ep != null) {
        b.endpointOverride(ep);
      }
    })) {
      AirlineLoader loader = AirlineLoader.builder(client).layout(layout).build();
      if (delete) {
        loader.deleteTables();
        System.out.println("deleted the tables " + layout.tableNames());
        return;
      }
      long start = System.nanoTime();
      loader.createTables();
      AirlineDataset data = sample ? AirlineSamples.ey123Airline() : AirlineGenerator.generate(seed);
      Map<String, Integer> written = loader.load(data);
      written.forEach((table, n) -> System.out.printf("%-32s %,8d items%n", table, n));
      System.out.printf("loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
