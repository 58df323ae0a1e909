package io.skymarshal.dynamo;

import io.skymarshal.aws.AwsChecks;
import io.skymarshal.dynamo.internal.DynamoErrors;
import io.skymarshal.dynamo.internal.TableChecks;
import io.skymarshal.preflight.PreflightCheck;
import io.skymarshal.preflight.PreflightCheck.Kind;
import io.skymarshal.preflight.PreflightCheck.Problem;
import io.skymarshal.preflight.PreflightReport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointParams;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;

/**
 * Checks, before a deployment, that the airline's tables are there for the agents to read,
 * through the client the agents will use: its region is known to the SDK; its credentials
 * resolve (and from which source); its endpoint answers; and each table of the
 * {@link AirlineTableLayout} exists, is ACTIVE, and has the layout's key schema, key attribute
 * types and global secondary indexes (keys and projection). One {@code DescribeTable} per table,
 * so the credentials need {@code dynamodb:DescribeTable} on the tables.
 *
 * <pre>{@code
 * try (DynamoDbAsyncClient client = DynamoClients.asyncClient()) {
 *   PreflightReport report = DynamoPreflight.builder(client).layout(AirlineTableLayout.withPrefix("prod_")).build().run();
 *   System.out.print(report.table());
 * }
 * }</pre>
 *
 * <p>Checks that depend on a failed one are reported {@code SKIPPED}, naming it: with an unknown
 * region or no credentials no table is described, and when the first DescribeTable cannot
 * reach the endpoint the other tables are not tried. Failures are typed
 * ({@link PreflightCheck.Problem}) and their text names the region, the endpoint and what to
 * do; it never holds credentials. {@link #withoutClient} reports the case where no client could
 * be built at all (typically: no region).
 *
 * <p>Defaults: {@link AirlineTableLayout#defaults()}, 10 s for each DescribeTable. The client
 * is the caller's: not closed here. Immutable and thread-safe.
 */
public final class DynamoPreflight {

  /** The service name in the checks: {@value}. */
  public static final String SERVICE = "dynamodb";
  /** Default bound on each DescribeTable. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final String REGION_SETTING = "AWS_REGION (or the profile's region)";
  private static final String PROFILE_SETTING = "AWS_PROFILE";

  private final DynamoDbAsyncClient client;
  private final AirlineTableLayout layout;
  private final Duration timeout;

  private DynamoPreflight(Builder b) {
    this.client = b.client;
    this.layout = b.layout;
    this.timeout = b.timeout;
  }

  /** A builder for a preflight through {@code client}, with the defaults in the class comment. */
  public static Builder builder(DynamoDbAsyncClient client) {
    return new Builder(client);
  }

  /**
   * The report when the DynamoDB client could not be built, usually because no region is set:
   * the region check failed with {@code why} (the builder's message), everything else skipped.
   */
  public static PreflightReport withoutClient(AirlineTableLayout layout, String why) {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(why, "why");
    List<PreflightCheck> checks = new ArrayList<>();
    checks.add(PreflightCheck.failed(SERVICE, Kind.REGION, "(none)", Problem.NO_REGION,
        "cannot build the DynamoDB client: " + why, "set " + REGION_SETTING + " to the region of the tables, e.g. "
            + "us-east-1"));
    skipRest(checks, layout, "(no region, so no endpoint)", "not tried: the region check failed", true);
    return new PreflightReport(checks);
  }

  /**
   * Runs every check and returns them in order: region, credentials, endpoint, then one per
   * table in {@link AirlineTableLayout#tableNames()} order. Blocks until every DescribeTable has
   * answered or timed out; throws nothing for a failed check.
   */
  public PreflightReport run() {
    List<PreflightCheck> checks = new ArrayList<>();
    DynamoDbServiceClientConfiguration config;
    try {
      config = client.serviceClientConfiguration();
    } catch (UnsupportedOperationException handWritten) {
      config = null; // a hand-written client (a test double) need not expose its configuration
    }
    Optional<Region> region = config == null ? Optional.empty() : Optional.ofNullable(config.region());
    Optional<URI> override = config == null ? Optional.empty() : config.endpointOverride();
    String where = config == null ? "(the client's endpoint)" : endpointText(override, region);
    String regionId = region.map(Region::id).orElse(config == null ? "(the client's)" : "(none)");
    if (config == null) {
      String why = "not known: the client does not expose its configuration";
      checks.add(PreflightCheck.skipped(SERVICE, Kind.REGION, regionId, why));
      checks.add(PreflightCheck.skipped(SERVICE, Kind.CREDENTIALS, "the client's", why));
    } else {
      checks.add(AwsChecks.region(SERVICE, region, REGION_SETTING, where));
      checks.add(AwsChecks.credentials(SERVICE, config.credentialsProvider(), Optional.empty(), PROFILE_SETTING,
          "DynamoDB in region " + regionId + " at " + where));
    }
    Optional<PreflightCheck> blocker = checks.stream().filter(PreflightCheck::failed).findFirst();
    if (blocker.isPresent()) {
      skipRest(checks, layout, where, "not tried: the " + blocker.get().kind().name().toLowerCase(Locale.ROOT)
          + " check failed", false);
      return new PreflightReport(checks);
    }
    TableChecks tables = new TableChecks(SERVICE, regionId, where, "AirlineLoader.createTables() and load(...), "
        + "or the examples' LoadAirline --prefix " + layout.prefix());
    List<CreateTableRequest> expected = layout.createTableRequests();
    Outcome first = await(describe(expected.get(0)));
    Optional<String> unreachable = first.error == null ? Optional.empty() : TableChecks.unreachable(first.error);
    if (first.timedOut || unreachable.isPresent()) {
      String why = first.timedOut ? "no answer within " + timeout.toMillis() + " ms" : unreachable.get();
      boolean overridden = override.isPresent() || config == null;
      checks.add(PreflightCheck.failed(SERVICE, Kind.ENDPOINT, where, Problem.UNREACHABLE,
          "cannot reach DynamoDB at " + where + " (region " + regionId + "): " + why,
          overridden ? "check that the endpoint " + where + " is right and its server is running"
              : "check that this machine reaches " + where + " over HTTPS (network, proxy, firewall, VPC endpoint) "
                  + "and that the region " + regionId + " is the tables' region"));
      expected.forEach(t -> checks.add(PreflightCheck.skipped(SERVICE, Kind.TABLE, t.tableName(),
          "not tried: the endpoint cannot be reached")));
      return new PreflightReport(checks);
    }
    checks.add(PreflightCheck.passed(SERVICE, Kind.ENDPOINT, where, "answered (region " + regionId + ")"));
    List<CompletableFuture<DescribeTableResponse>> rest = expected.subList(1, expected.size()).stream()
        .map(this::describe).toList();
    checks.add(first.check(tables, expected.get(0)));
    for (int i = 0; i < rest.size(); i++) {
      checks.add(await(rest.get(i)).check(tables, expected.get(i + 1)));
    }
    return new PreflightReport(checks);
  }

  private CompletableFuture<DescribeTableResponse> describe(CreateTableRequest table) {
    try {
      return client.describeTable(b -> b.tableName(table.tableName()));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Outcome await(CompletableFuture<DescribeTableResponse> call) {
    try {
      return new Outcome(call.get(timeout.toNanos(), TimeUnit.NANOSECONDS), null, false);
    } catch (TimeoutException e) {
      call.cancel(true);
      return new Outcome(null, e, true);
    } catch (ExecutionException e) {
      return new Outcome(null, DynamoErrors.unwrap(e), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel(true);
      return new Outcome(null, e, false);
    }
  }

  private record Outcome(DescribeTableResponse response, Throwable error, boolean timedOut) {
    PreflightCheck check(TableChecks tables, CreateTableRequest expected) {
      if (timedOut) {
        return tables.failed(expected, new TimeoutException("DescribeTable gave no answer in time"));
      }
      return response != null ? tables.described(expected, response.table()) : tables.failed(expected, error);
    }
  }

  /** Adds the checks not made because of {@code why}: credentials (if asked), endpoint, tables. */
  private static void skipRest(List<PreflightCheck> checks, AirlineTableLayout layout, String where, String why,
      boolean credentialsToo) {
    if (credentialsToo) {
      checks.add(PreflightCheck.skipped(SERVICE, Kind.CREDENTIALS, "the client's", why));
    }
    checks.add(PreflightCheck.skipped(SERVICE, Kind.ENDPOINT, where, why));
    layout.tableNames().forEach(t -> checks.add(PreflightCheck.skipped(SERVICE, Kind.TABLE, t, why)));
  }

  private static String endpointText(Optional<URI> override, Optional<Region> region) {
    if (override.isPresent()) {
      return override.get().toString();
    }
    if (region.isEmpty()) {
      return "(no region, so no endpoint)";
    }
    try {
      return DynamoDbEndpointProvider.defaultProvider()
          .resolveEndpoint(DynamoDbEndpointParams.builder().region(region.get()).build())
          .join().endpointUrl().toUri().toString();
    } catch (RuntimeException e) {
      return "https://dynamodb." + region.get().id() + ".amazonaws.com";
    }
  }

  /** Builds a {@link DynamoPreflight}. Not thread-safe. Each setter checks its argument at once and may be called once. */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();
    private final DynamoDbAsyncClient client;
    private AirlineTableLayout layout = AirlineTableLayout.defaults();
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder(DynamoDbAsyncClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** The tables to check (default {@link AirlineTableLayout#defaults()}). */
    public Builder layout(AirlineTableLayout layout) {
      given.once("layout");
      this.layout = Objects.requireNonNull(layout, "layout");
      return this;
    }

    /** The bound on each DescribeTable (default 10 s). */
    public Builder timeout(Duration timeout) {
      given.once("timeout");
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be > 0 but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The preflight with these settings. */
    public DynamoPreflight build() {
      return new DynamoPreflight(this);
    }
  }
}
