package io.skymarshal.examples;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.data.DataAccess;
import io.skymarshal.dynamo.AirlineLoader;
import io.skymarshal.dynamo.AirlineTableLayout;
import io.skymarshal.dynamo.DynamoAirline;
import io.skymarshal.dynamo.DynamoClients;
import io.skymarshal.dynamo.DynamoPreflight;
import io.skymarshal.preflight.PreflightReport;
import io.skymarshal.testkit.dynamo.DynaliteServer;
import io.skymarshal.testkit.dynamo.DynamoRequestLog;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * The airline tables AwsRun reads: on AWS, tables loaded beforehand by {@link LoadAirline}; with
 * {@code --local}, a dynalite server started here, its tables created and loaded. Either way the
 * agents read through {@link DynamoAirline#dataAccess()} on the real SDK client, and every request
 * that client makes is recorded so the program can say what the agents read. Used by one
 * thread; the data access it hands out is thread-safe.
 */
final class DynamoSource implements AutoCloseable {
  private final DynamoDbAsyncClient client;
  private final DynamoRequestLog log;
  private final DynaliteServer server;
  private final AirlineTableLayout layout;
  private final DynamoAirline airline;
  private final String description;

  private DynamoSource(DynamoDbAsyncClient client, DynamoRequestLog log, DynaliteServer server,
      AirlineTableLayout layout, String description) {
    this.client = client;
    this.log = log;
    this.server = server;
    this.layout = layout;
    this.airline = DynamoAirline.builder(client).layout(layout).build();
    this.description = description;
  }

  /**
   * The tables of {@code prefix} on DynamoDB, or at {@code endpoint} when given, region and
   * credentials from the SDK's default chains (where {@link LoadAirline} created them).
   *
   * @throws NoRegionException if no region is set, so no client can be built
   */
  static DynamoSource aws(String prefix, Optional<URI> endpoint) {
    AirlineTableLayout layout = AirlineTableLayout.withPrefix(prefix);
    Region region;
    try {
      region = new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      // the chain's own message lists every provider it tried: too long to help
      throw new NoRegionException("no region: AWS_REGION is not set and the AWS profile names none", e);
    }
    DynamoRequestLog log = new DynamoRequestLog();
    DynamoDbAsyncClient client = DynamoClients.asyncClient(withLog(log).andThen(b -> {
      b.region(region);
      endpoint.ifPresent(b::endpointOverride);
    }));
    return new DynamoSource(client, log, null, layout, "DynamoDB tables " + prefix + "* in " + region.id()
        + endpoint.map(e -> " at " + e).orElse("") + " (credentials from the AWS SDK's default chain)");
  }

  /**
   * A dynalite server on loopback with the tables of {@code prefix} created and {@code dataset}
   * loaded into them.
   *
   * @throws io.skymarshal.testkit.dynamo.DynaliteUnavailableException if Node.js or dynalite is missing
   * @throws AirlineLoader.DynamoWriteException if the tables cannot be created or loaded
   */
  static DynamoSource local(String prefix, AirlineDataset dataset) {
    AirlineTableLayout layout = AirlineTableLayout.withPrefix(prefix);
    DynaliteServer server = DynaliteServer.start();
    DynamoDbAsyncClient client = null;
    try {
      DynamoRequestLog log = new DynamoRequestLog();
      client = DynamoClients.asyncClient(withLog(log).andThen(b -> b.endpointOverride(server.endpoint())
          .region(Region.of(DynaliteServer.REGION)).credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(DynaliteServer.ACCESS_KEY_ID, DynaliteServer.SECRET_ACCESS_KEY)))));
      AirlineLoader loader = AirlineLoader.builder(client).layout(layout).build();
      loader.createTables();
      Map<String, Integer> written = loader.load(dataset);
      int items = written.values().stream().mapToInt(Integer::intValue).sum();
      // the agents' reads are what the program reports: forget the loader's requests
      log.clear();
      return new DynamoSource(client, log, server, layout, "DynamoDB: dynalite at " + server.endpoint()
          + ", tables " + prefix + "* loaded with the sample airline (" + items + " items), via the AWS SDK");
    } catch (RuntimeException e) {
      if (client != null) {
        client.close();
      }
      server.close();
      throw e;
    }
  }

  private static Consumer<DynamoDbAsyncClientBuilder> withLog(DynamoRequestLog log) {
    return b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(log));
  }

  /**
   * The checks of these tables: the client's region, credentials and endpoint, then each table's
   * keys and indexes. The check's own requests are not recorded.
   */
  PreflightReport preflight() {
    PreflightReport report = DynamoPreflight.builder(client).layout(layout).build().run();
    log.clear();
    return report;
  }

  /** The tables' layout. */
  AirlineTableLayout layout() {
    return layout;
  }

  /** What the agents read from. */
  DataAccess dataAccess() {
    return airline.dataAccess();
  }

  /** Where the data is, for the program's header. */
  String description() {
    return description;
  }

  /**
   * Fails early, with what to do, when the disrupted flight is not in the tables: the agents
   * would otherwise all fail on the same missing item. The check's own read is not recorded.
   *
   * @throws SkyMarshalException if the flight is missing or the table cannot be read
   */
  void requireFlight(FlightKey key) {
    boolean found = airline.getFlight(key).isPresent();
    log.clear();
    if (!found) {
      throw new MissingDataException("flight " + key + " is not in table " + layout.flights()
          + "; load the sample airline first: LoadAirline --sample --prefix " + layout.prefix());
    }
  }

  /** The requests made since the last call (runs are sequential, so: by the last run), in order. */
  List<DynamoRequestLog.Entry> takeRequests() {
    List<DynamoRequestLog.Entry> entries = log.entries();
    log.clear();
    return entries;
  }

  @Override
  public void close() {
    client.close();
    if (server != null) {
      server.close();
    }
  }

  /** No region is set for the DynamoDB client. */
  static final class NoRegionException extends SkyMarshalException {
    private static final long serialVersionUID = 1L;

    NoRegionException(String message, Throwable cause) {
      super(message, false, cause);
    }
  }

  /** The tables cannot be reached, or lack the disrupted flight. */
  static final class MissingDataException extends SkyMarshalException {
    private static final long serialVersionUID = 1L;

    MissingDataException(String message) {
      super(message, false, null);
    }

  }
}
