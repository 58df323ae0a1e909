package io.skymarshal.dynamo;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Booking;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.FlightBookings;
import io.skymarshal.airline.FlightCargo;
import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.dynamo.internal.AirlineSchema;
import io.skymarshal.dynamo.internal.Args;
import io.skymarshal.dynamo.internal.BatchWriter;
import io.skymarshal.dynamo.internal.CrewMappers;
import io.skymarshal.dynamo.internal.DynamoErrors;
import io.skymarshal.dynamo.internal.Retrying;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the airline's tables ({@link AirlineTableLayout}) and writes an {@link AirlineDataset}
 * into them with BatchWriteItem (25 items a request, requests concurrent, unprocessed items and
 * throttling retried under a {@link BatchRetryPolicy}). Works against real DynamoDB (the caller
 * needs {@code dynamodb:CreateTable}, {@code DescribeTable}, {@code BatchWriteItem},
 * {@code DeleteTable}) and against a local server. Blocking; thread-safe; does not close the client.
 */
public final class AirlineLoader {
  private final DynamoDbAsyncClient client;
  private final AirlineTableLayout layout;
  private final BatchRetryPolicy retry;
  private final int maxConcurrency;
  private final Duration tableTimeout;

  private AirlineLoader(Builder b) {
    this.client = b.client;
    this.layout = b.layout;
    this.retry = b.retry;
    this.maxConcurrency = b.maxConcurrency;
    this.tableTimeout = b.tableTimeout;
  }

  public static Builder builder(DynamoDbAsyncClient client) {
    return new Builder(client);
  }

  /** Attempts at creating one table when the error is transient. */
  private static final int CREATE_ATTEMPTS = 3;

  /**
   * Creates every table that does not exist yet and waits until all tables and their indexes are
   * ACTIVE.
   *
   * @throws DynamoWriteException if a table cannot be created or is not ACTIVE within the timeout
   */
  public void createTables() {
    for (CreateTableRequest r : layout.createTableRequests()) {
      // a connection dropped or a throttle is tried again (CreateTable is idempotent here: a table
      // that the first attempt did create answers ResourceInUse, which is success)
      for (int attempt = 1; ; attempt++) {
        try {
          client.createTable(r).join();
          break;
        } catch (RuntimeException e) {
          if (DynamoErrors.unwrap(e) instanceof ResourceInUseException) {
            break;
          }
          if (!DynamoErrors.isRetryable(e) || attempt >= CREATE_ATTEMPTS) {
            throw new DynamoWriteException("could not create table '" + r.tableName() + "': "
                + DynamoErrors.code(e) + (attempt > 1 ? " (after " + attempt + " attempts)" : ""),
                DynamoErrors.isRetryable(e), DynamoErrors.unwrap(e));
          }
        }
      }
    }
    for (String table : layout.tableNames()) {
      awaitActive(table);
    }
  }

  /** Deletes every table of the layout that exists. */
  public void deleteTables() {
    for (String table : layout.tableNames()) {
      try {
        client.deleteTable(b -> b.tableName(table)).join();
      } catch (RuntimeException e) {
        if (!(DynamoErrors.unwrap(e) instanceof ResourceNotFoundException)) {
          throw new DynamoWriteException("could not delete table '" + table + "': " + DynamoErrors.code(e),
              DynamoErrors.isRetryable(e), DynamoErrors.unwrap(e));
        }
      }
    }
  }

  /**
   * Writes {@code dataset} into the tables (which must exist), replacing items with the same
   * keys. Roster rows, bookings and cargo carry their place in their flight's list, so reads by
   * flight return them in dataset order.
   *
   * @return items written per table name
   * @throws DynamoWriteException naming the table and the count of items not written, if any
   */
  public Map<String, Integer> load(AirlineDataset dataset) {
    Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
    items.put(layout.flights(), map(dataset.flights(), AirlineItemMappers.flights()::toItem));
    items.put(layout.aircraft(), map(dataset.aircraft(), AirlineItemMappers.aircraft()::toItem));
    items.put(layout.airports(), map(dataset.airports(), AirlineItemMappers.airports()::toItem));
    items.put(layout.crewMembers(), map(dataset.crewMembers(), AirlineItemMappers.crewMembers()::toItem));
    items.put(layout.reserveCrew(), map(dataset.reserveCrews(), AirlineItemMappers.reserveCrew()::toItem));
    items.put(layout.passengers(), map(dataset.passengers(), AirlineItemMappers.passengers()::toItem));
    items.put(layout.costParameters(), map(dataset.costParameters(), AirlineItemMappers.costParameters()::toItem));
    List<Map<String, AttributeValue>> roster = new ArrayList<>();
    for (CrewRoster r : dataset.rosters()) {
      for (int i = 0; i < r.entries().size(); i++) {
        roster.add(CrewMappers.rosterRow(r.flight(), i, r.entries().get(i)));
      }
    }
    items.put(layout.crewRoster(), roster);
    List<Map<String, AttributeValue>> bookings = new ArrayList<>();
    for (FlightBookings fb : dataset.bookingsByFlight().values()) {
      List<Booking> list = fb.bookings();
      for (int i = 0; i < list.size(); i++) {
        bookings.add(withSeq(AirlineItemMappers.bookings().toItem(list.get(i)), i));
      }
    }
    items.put(layout.bookings(), bookings);
    List<Map<String, AttributeValue>> cargo = new ArrayList<>();
    for (FlightCargo fc : dataset.cargoByFlight().values()) {
      List<CargoShipment> list = fc.shipments();
      for (int i = 0; i < list.size(); i++) {
        cargo.add(withSeq(AirlineItemMappers.cargoShipments().toItem(list.get(i)), i));
      }
    }
    items.put(layout.cargo(), cargo);

    Map<String, List<String>> keys = new HashMap<>();
    for (CreateTableRequest r : layout.createTableRequests()) {
      keys.put(r.tableName(), r.keySchema().stream().map(KeySchemaElement::attributeName).toList());
    }
    Map<String, CompletableFuture<BatchWriter.Outcome>> writes = new LinkedHashMap<>();
    items.forEach((table, list) ->
        writes.put(table, BatchWriter.putAll(client, table, keys.get(table), list, maxConcurrency, retry)));
    Map<String, Integer> written = new LinkedHashMap<>();
    DynamoWriteException failure = null;
    for (Map.Entry<String, CompletableFuture<BatchWriter.Outcome>> w : writes.entrySet()) {
      BatchWriter.Outcome o = w.getValue().join();
      written.put(w.getKey(), o.written());
      if (o.failed() > 0) {
        DynamoWriteException e = new DynamoWriteException(o.failed() + " items not written to table '" + w.getKey()
            + "': " + DynamoErrors.code(o.failure()) + ": " + o.failure().getMessage(),
            DynamoErrors.isRetryable(o.failure()) || o.failure() instanceof Retrying.UnprocessedException, o.failure());
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return written;
  }

  private static <T> List<Map<String, AttributeValue>> map(List<T> values, Function<T, Map<String, AttributeValue>> f) {
    List<Map<String, AttributeValue>> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(f.apply(v)));
    return out;
  }

  private static Map<String, AttributeValue> withSeq(Map<String, AttributeValue> item, int seq) {
    Map<String, AttributeValue> m = new HashMap<>(item);
    m.put(AirlineSchema.SEQ, AttributeValue.fromN(Integer.toString(seq)));
    return m;
  }

  private void awaitActive(String table) {
    long deadline = System.nanoTime() + tableTimeout.toNanos();
    long pauseMillis = 10;
    while (true) {
      TableDescription d = client.describeTable(b -> b.tableName(table)).join().table();
      boolean indexesActive = d.globalSecondaryIndexes().stream()
          .map(GlobalSecondaryIndexDescription::indexStatus).allMatch(s -> s == null || s == IndexStatus.ACTIVE);
      if (d.tableStatus() == TableStatus.ACTIVE && indexesActive) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new DynamoWriteException("table '" + table + "' is " + d.tableStatus() + ", not ACTIVE, after "
            + tableTimeout, true, null);
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DynamoWriteException("interrupted while waiting for table '" + table + "'", false, e);
      }
      pauseMillis = Math.min(1000, pauseMillis * 2);
    }
  }

  /** Configures an {@link AirlineLoader}. Not thread-safe. */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();

    private final DynamoDbAsyncClient client;
    private AirlineTableLayout layout = AirlineTableLayout.defaults();
    private BatchRetryPolicy retry = BatchRetryPolicy.defaults();
    private int maxConcurrency = 8;
    private Duration tableTimeout = Duration.ofMinutes(5);

    private Builder(DynamoDbAsyncClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** The tables to create and fill. Default {@link AirlineTableLayout#defaults()}. */
    public Builder layout(AirlineTableLayout layout) {
      given.once("layout");
      this.layout = Objects.requireNonNull(layout, "layout");
      return this;
    }

    /** How unprocessed items and throttling are retried. Default {@link BatchRetryPolicy#defaults()}. */
    public Builder retryPolicy(BatchRetryPolicy retry) {
      given.once("retryPolicy");
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** BatchWriteItem requests in flight at once per table. Default 8. */
    public Builder maxConcurrency(int maxConcurrency) {
      given.once("maxConcurrency");
      this.maxConcurrency = Args.atLeastOne(maxConcurrency, "maxConcurrency");
      return this;
    }

    /** How long {@link #createTables} waits for tables to become ACTIVE. Default 5 minutes. */
    public Builder tableTimeout(Duration tableTimeout) {
      given.once("tableTimeout");
      Objects.requireNonNull(tableTimeout, "tableTimeout");
      if (tableTimeout.isNegative() || tableTimeout.isZero()) {
        throw new IllegalArgumentException("tableTimeout must be positive but was " + tableTimeout);
      }
      this.tableTimeout = tableTimeout;
      return this;
    }

    public AirlineLoader build() {
      return new AirlineLoader(this);
    }
  }

  /** Tables could not be created, or items could not be written. */
  public static final class DynamoWriteException extends SkyMarshalException {
    private static final long serialVersionUID = 1L;

    public DynamoWriteException(String message, boolean retryable, Throwable cause) {
      super(message, retryable, cause);
    }
  }
}
