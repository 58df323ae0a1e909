package io.skymarshal.dynamo;

import io.skymarshal.dynamo.internal.AirlineSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The airline's DynamoDB tables: their names (a prefix plus a fixed name) and keys, and the
 * global secondary indexes the agents query. All attributes are strings; every table is
 * on-demand (PAY_PER_REQUEST); indexes project all attributes.
 *
 * <table>
 *   <caption>Tables</caption>
 *   <tr><th>table</th><th>key</th><th>index (partition, sort)</th><th>serves</th></tr>
 *   <tr><td>flights</td><td>flight_number, flight_date</td><td>aircraft-day-index (aircraft_day)</td>
 *       <td>flight by number and date (the key: BatchGetItem); an aircraft's flights of a day</td></tr>
 *   <tr><td>crew_roster</td><td>crew_id, flight_key</td><td>flight-index (flight_key, crew_id)</td>
 *       <td>roster by flight; a crew member's duties</td></tr>
 *   <tr><td>bookings</td><td>booking_id</td><td>flight-index (flight_key, booking_id)</td><td>bookings by flight</td></tr>
 *   <tr><td>cargo</td><td>awb</td><td>flight-index (flight_key, awb)</td><td>cargo shipments by AWB and by flight</td></tr>
 *   <tr><td>crew_members</td><td>crew_id</td><td></td><td>crew members</td></tr>
 *   <tr><td>passengers</td><td>passenger_id</td><td></td><td>passengers</td></tr>
 *   <tr><td>aircraft, airports, reserve_crew, cost_parameters</td><td>registration, iata, base, id</td><td></td><td></td></tr>
 * </table>
 * {@code flight_key} is {@code EY123#2026-01-30}, {@code aircraft_day} {@code A6-APA#2026-01-30}.
 * Immutable and thread-safe.
 */
public final class AirlineTableLayout {
  /** The index of the roster, bookings and cargo tables by flight. */
  public static final String FLIGHT_INDEX = "flight-index";
  /** The index of the flights table by aircraft and day. */
  public static final String AIRCRAFT_DAY_INDEX = "aircraft-day-index";

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]*");

  private final String prefix;

  private AirlineTableLayout(String prefix) {
    this.prefix = prefix;
  }

  /** The layout with table names prefixed {@code skymarshal_}. */
  public static AirlineTableLayout defaults() {
    return withPrefix("skymarshal_");
  }

  /**
   * The layout with table names prefixed {@code prefix} (e.g. one per environment or test).
   *
   * @throws IllegalArgumentException if the prefix holds characters a table name may not
   */
  public static AirlineTableLayout withPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (!PREFIX.matcher(prefix).matches() || prefix.length() > 200) {
      throw new IllegalArgumentException("table name prefix may hold only letters, digits, _ . - (at most 200) but was '"
          + prefix + "'");
    }
    return new AirlineTableLayout(prefix);
  }

  public String prefix() {
    return prefix;
  }

  public String flights() {
    return prefix + "flights";
  }

  public String aircraft() {
    return prefix + "aircraft";
  }

  public String airports() {
    return prefix + "airports";
  }

  public String crewMembers() {
    return prefix + "crew_members";
  }

  public String crewRoster() {
    return prefix + "crew_roster";
  }

  public String reserveCrew() {
    return prefix + "reserve_crew";
  }

  public String passengers() {
    return prefix + "passengers";
  }

  public String bookings() {
    return prefix + "bookings";
  }

  public String cargo() {
    return prefix + "cargo";
  }

  public String costParameters() {
    return prefix + "cost_parameters";
  }

  /** Every table's name. */
  public List<String> tableNames() {
    return List.of(flights(), aircraft(), airports(), crewMembers(), crewRoster(), reserveCrew(), passengers(),
        bookings(), cargo(), costParameters());
  }

  /** The requests that create every table with its keys and indexes. */
  public List<CreateTableRequest> createTableRequests() {
    List<CreateTableRequest> out = new ArrayList<>();
    out.add(table(flights(), AirlineSchema.FLIGHT_NUMBER, AirlineSchema.FLIGHT_DATE,
        index(AIRCRAFT_DAY_INDEX, AirlineSchema.AIRCRAFT_DAY, null)));
    out.add(table(aircraft(), AirlineSchema.REGISTRATION, null, null));
    out.add(table(airports(), AirlineSchema.IATA, null, null));
    out.add(table(crewMembers(), AirlineSchema.CREW_ID, null, null));
    out.add(table(crewRoster(), AirlineSchema.CREW_ID, AirlineSchema.FLIGHT_KEY,
        index(FLIGHT_INDEX, AirlineSchema.FLIGHT_KEY, AirlineSchema.CREW_ID)));
    out.add(table(reserveCrew(), AirlineSchema.BASE, null, null));
    out.add(table(passengers(), AirlineSchema.PASSENGER_ID, null, null));
    out.add(table(bookings(), AirlineSchema.BOOKING_ID, null,
        index(FLIGHT_INDEX, AirlineSchema.FLIGHT_KEY, AirlineSchema.BOOKING_ID)));
    out.add(table(cargo(), AirlineSchema.AWB, null, index(FLIGHT_INDEX, AirlineSchema.FLIGHT_KEY, AirlineSchema.AWB)));
    out.add(table(costParameters(), AirlineSchema.ID, null, null));
    return out;
  }

  private static CreateTableRequest table(String name, String hash, String range, GlobalSecondaryIndex index) {
    List<KeySchemaElement> keys = new ArrayList<>(List.of(key(hash, KeyType.HASH)));
    List<String> attributes = new ArrayList<>(List.of(hash));
    if (range != null) {
      keys.add(key(range, KeyType.RANGE));
      attributes.add(range);
    }
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name).keySchema(keys)
        .billingMode(BillingMode.PAY_PER_REQUEST);
    if (index != null) {
      index.keySchema().forEach(k -> {
        if (!attributes.contains(k.attributeName())) {
          attributes.add(k.attributeName());
        }
      });
      b.globalSecondaryIndexes(index);
    }
    b.attributeDefinitions(attributes.stream().map(a -> AttributeDefinition.builder().attributeName(a)
        .attributeType(ScalarAttributeType.S).build()).toList());
    return b.build();
  }

  private static GlobalSecondaryIndex index(String name, String hash, String range) {
    List<KeySchemaElement> keys = new ArrayList<>(List.of(key(hash, KeyType.HASH)));
    if (range != null) {
      keys.add(key(range, KeyType.RANGE));
    }
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys)
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  @Override
  public String toString() {
    return "AirlineTableLayout[prefix=" + prefix + "]";
  }
}
