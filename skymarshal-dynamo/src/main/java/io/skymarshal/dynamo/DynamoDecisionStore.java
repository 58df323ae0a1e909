package io.skymarshal.dynamo;

import io.skymarshal.core.Decision;
import io.skymarshal.core.Phase;
import io.skymarshal.core.spi.BuilderSettings;
import io.skymarshal.dynamo.internal.DynamoErrors;
import io.skymarshal.store.Checkpoint;
import io.skymarshal.store.Claim;
import io.skymarshal.store.DecisionKey;
import io.skymarshal.store.DecisionStore;
import io.skymarshal.store.DecisionStoreException;
import io.skymarshal.store.LeaseLostException;
import io.skymarshal.store.StoredDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A {@link DecisionStore} on one DynamoDB table, shared by every instance: one arbitration per
 * disruption document across a fleet. Every write is a conditional {@code UpdateItem}:
 * a claim succeeds only if the document is undecided and unclaimed, claimed by the same owner, or
 * its lease has expired ({@code attribute_not_exists}, owner and expiry conditions); checkpoints,
 * renewals and the decision only while the writer is still the owner (nobody took over). Reads
 * are strongly consistent.
 *
 * <p>The table has one string partition key, {@value #KEY} ({@link #createTableRequest} makes
 * one, on-demand). Items: {@code D#<id>#<hash>} per document (lease owner and expiry in epoch
 * milliseconds, the Phase-1 and Phase-2 checkpoints until the decision is stored, then the
 * decision), and {@code H#<id>} per disruption naming its latest decided document, so a changed
 * document links to the previous one. A checkpoint or decision is a string attribute: DynamoDB's
 * 400 KB item limit bounds them (an airline run's are a few KB).
 *
 * <p>A request that fails in transit (throttling, a server error, a closed connection) is tried up
 * to 3 times, 100 and 200 ms apart: every write is safe to repeat (a claim or checkpoint by the
 * owner is its own again; a repeated completion returns the decision stored the first time).
 *
 * <p>Lease expiry is compared with this instance's {@link Clock} (default {@link Clock#systemUTC()}):
 * instances must keep their clocks in step (NTP) well within the lease. Blocking; thread-safe.
 * Failures are {@link DecisionStoreException}s, retryable for throttling, server errors and broken
 * connections; a write without the lease is a {@link LeaseLostException}.
 */
public final class DynamoDecisionStore implements DecisionStore {
  /** The partition key attribute. */
  public static final String KEY = "pk";
  /** Tries of a request that fails in transit (throttled, 5xx, connection closed). */
  private static final int ATTEMPTS = 3;
  private static final String DISRUPTION_ID = "disruptionId";
  private static final String HASH = "documentHash";
  private static final String OWNER = "leaseOwner";
  private static final String EXPIRY = "leaseExpiresAt";
  private static final String STATUS = "status";
  private static final String ACTION = "action";
  private static final String REVIEW = "needsReview";
  private static final String JSON = "decisionJson";
  private static final String DECIDED_BY = "decidedBy";
  private static final String DECIDED_AT = "decidedAt";
  private static final String PREVIOUS = "previousHash";
  private static final String LATEST = "latestHash";
  /**
   * Writes by the owner of an undecided document: the owner is the fence (a takeover changes it);
   * an expired lease nobody took over is still its owner's.
   */
  private static final String HOLDS_LEASE = "attribute_exists(#pk) AND attribute_not_exists(#json) AND #owner = :owner";

  private final DynamoDbAsyncClient client;
  private final String table;
  private final Clock clock;

  private DynamoDecisionStore(Builder b) {
    this.client = b.client;
    this.table = b.table;
    this.clock = b.clock;
  }

  /** A builder for a store on {@code table} through {@code client}; the client stays the caller's to close. */
  public static Builder builder(DynamoDbAsyncClient client, String table) {
    return new Builder(client, table);
  }

  /** A request that creates a table for this store: partition key {@value #KEY} (string), on-demand billing. */
  public static CreateTableRequest createTableRequest(String table) {
    return CreateTableRequest.builder().tableName(table)
        .keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName(KEY).attributeType(ScalarAttributeType.S).build())
        .billingMode(BillingMode.PAY_PER_REQUEST).build();
  }

  @Override
  public Claim claim(DecisionKey key, String owner, Duration lease) {
    check(key, owner);
    checkLease(lease);
    Map<String, AttributeValue> last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      Instant now = clock.instant();
      Instant expiry = now.plus(lease);
      Map<String, String> names = names("#pk", KEY, "#json", JSON, "#owner", OWNER, "#expiry", EXPIRY, "#id",
          DISRUPTION_ID, "#hash", HASH);
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":owner", s(owner));
      values.put(":now", n(now.toEpochMilli()));
      values.put(":expiry", n(expiry.toEpochMilli()));
      values.put(":id", s(key.disruptionId()));
      values.put(":hash", s(key.documentHash()));
      try {
        UpdateItemResponse r = call("UpdateItem", () -> client.updateItem(UpdateItemRequest.builder().tableName(table)
            .key(Map.of(KEY, s(itemKey(key))))
            .updateExpression("SET #owner = :owner, #expiry = :expiry, #id = :id, #hash = :hash")
            .conditionExpression("attribute_not_exists(#json) AND (attribute_not_exists(#pk) OR #owner = :owner"
                + " OR #expiry <= :now)")
            .expressionAttributeNames(names).expressionAttributeValues(values)
            .returnValues(ReturnValue.ALL_OLD).build()));
        Map<String, AttributeValue> old = r.hasAttributes() ? r.attributes() : Map.of();
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (Phase p : List.of(Phase.INITIAL, Phase.REVISION)) {
          AttributeValue v = old.get(checkpointAttribute(p));
          if (v != null && v.s() != null) {
            checkpoints.add(new Checkpoint(p, v.s()));
          }
        }
        Optional<String> takenOver = Optional.ofNullable(old.get(OWNER)).map(AttributeValue::s)
            .filter(o -> !o.equals(owner));
        return new Claim.Acquired(key, owner, Instant.ofEpochMilli(expiry.toEpochMilli()), checkpoints, takenOver,
            previousHash(key));
      } catch (ConditionalCheckFailedException e) {
        last = get(itemKey(key));
        if (last != null && last.containsKey(JSON)) {
          return new Claim.Decided(decision(key, last));
        }
        if (last != null && expiry(last).isAfter(clock.instant())) {
          return new Claim.Held(key, last.get(OWNER).s(), expiry(last));
        }
        // the lease expired (or the item went) between the write and the read: claim again
      }
    }
    if (last == null) {
      throw new DecisionStoreException("claim of " + key + " in " + table + " kept failing its condition", true);
    }
    return new Claim.Held(key, last.get(OWNER).s(), expiry(last));
  }

  @Override
  public void renew(DecisionKey key, String owner, Duration lease) {
    check(key, owner);
    checkLease(lease);
    Instant now = clock.instant();
    holderWrite(key, owner, "SET #expiry = :expiry", Map.of("#expiry", EXPIRY), Map.of(":expiry", n(now.plus(lease).toEpochMilli())));
  }

  @Override
  public void checkpoint(DecisionKey key, String owner, Checkpoint checkpoint) {
    check(key, owner);
    Objects.requireNonNull(checkpoint, "checkpoint");
    holderWrite(key, owner, "SET #cp = :cp", Map.of("#cp", checkpointAttribute(checkpoint.phase())),
        Map.of(":cp", s(checkpoint.payload())));
  }

  @Override
  public StoredDecision complete(DecisionKey key, String owner, StoredDecision decision) {
    check(key, owner);
    Objects.requireNonNull(decision, "decision");
    if (!decision.key().equals(key) || !decision.decidedBy().equals(owner)) {
      throw new IllegalArgumentException("the decision is about " + decision.key() + " by " + decision.decidedBy()
          + ", not " + key + " by " + owner);
    }
    Instant now = clock.instant();
    Optional<String> previous = previousHash(key);
    Map<String, String> names = new HashMap<>(names("#status", STATUS, "#action", ACTION, "#review", REVIEW,
        "#by", DECIDED_BY, "#at", DECIDED_AT, "#cp1", checkpointAttribute(Phase.INITIAL),
        "#cp2", checkpointAttribute(Phase.REVISION)));
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":status", s(decision.status().name()));
    values.put(":action", s(decision.action()));
    values.put(":review", AttributeValue.fromBool(decision.needsReview()));
    values.put(":json", s(decision.json()));
    values.put(":by", s(owner));
    values.put(":at", n(now.toEpochMilli()));
    String update = "SET #status = :status, #action = :action, #review = :review, #json = :json, #by = :by, #at = :at";
    if (previous.isPresent()) {
      names.put("#prev", PREVIOUS);
      values.put(":prev", s(previous.get()));
      update += ", #prev = :prev";
    }
    StoredDecision stored;
    try {
      holderWrite(key, owner, update + " REMOVE #cp1, #cp2", names, values);
      stored = new StoredDecision(key, decision.status(), decision.action(), decision.needsReview(), decision.json(),
          owner, Instant.ofEpochMilli(now.toEpochMilli()), previous);
    } catch (LeaseLostException e) {
      // a completion tried again after its answer was lost: the first one stands
      Map<String, AttributeValue> item = get(itemKey(key));
      if (item == null || !item.containsKey(JSON) || !owner.equals(item.get(DECIDED_BY).s())) {
        throw e;
      }
      stored = decision(key, item);
    }
    // the disruption's latest document: a changed document decided later links to this one
    call("UpdateItem", () -> client.updateItem(UpdateItemRequest.builder().tableName(table)
        .key(Map.of(KEY, s(headKey(key.disruptionId()))))
        .updateExpression("SET #latest = :hash, #at = :at")
        .expressionAttributeNames(Map.of("#latest", LATEST, "#at", DECIDED_AT))
        .expressionAttributeValues(Map.of(":hash", s(key.documentHash()), ":at", n(now.toEpochMilli()))).build()));
    return stored;
  }

  @Override
  public void release(DecisionKey key, String owner) {
    check(key, owner);
    long now = clock.millis();
    try {
      call("UpdateItem", () -> client.updateItem(UpdateItemRequest.builder().tableName(table)
          .key(Map.of(KEY, s(itemKey(key))))
          .updateExpression("SET #expiry = :now")
          .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#json) AND #owner = :owner")
          .expressionAttributeNames(names("#pk", KEY, "#json", JSON, "#owner", OWNER, "#expiry", EXPIRY))
          .expressionAttributeValues(Map.of(":owner", s(owner), ":now", n(now))).build()));
    } catch (ConditionalCheckFailedException e) {
      // not the holder (or decided): nothing to release
    }
  }

  @Override
  public Optional<StoredDecision> find(DecisionKey key) {
    Objects.requireNonNull(key, "key");
    Map<String, AttributeValue> item = get(itemKey(key));
    return item == null || !item.containsKey(JSON) ? Optional.empty() : Optional.of(decision(key, item));
  }

  /** The table this store writes. */
  public String table() {
    return table;
  }

  private void holderWrite(DecisionKey key, String owner, String update, Map<String, String> moreNames,
      Map<String, AttributeValue> moreValues) {
    Map<String, String> names = new HashMap<>(names("#pk", KEY, "#json", JSON, "#owner", OWNER));
    names.putAll(moreNames);
    Map<String, AttributeValue> values = new HashMap<>(moreValues);
    values.put(":owner", s(owner));
    try {
      call("UpdateItem", () -> client.updateItem(UpdateItemRequest.builder().tableName(table)
          .key(Map.of(KEY, s(itemKey(key)))).updateExpression(update).conditionExpression(HOLDS_LEASE)
          .expressionAttributeNames(names).expressionAttributeValues(values).build()));
    } catch (ConditionalCheckFailedException e) {
      throw new LeaseLostException(key, owner, why(get(itemKey(key)), owner));
    }
  }

  private String why(Map<String, AttributeValue> item, String owner) {
    if (item == null) {
      return "it was never claimed";
    }
    if (item.containsKey(JSON)) {
      return "its decision is stored";
    }
    return "it is held by " + item.get(OWNER).s();
  }

  private Optional<String> previousHash(DecisionKey key) {
    Map<String, AttributeValue> head = get(headKey(key.disruptionId()));
    if (head == null || !head.containsKey(LATEST)) {
      return Optional.empty();
    }
    String latest = head.get(LATEST).s();
    return latest.equals(key.documentHash()) ? Optional.empty() : Optional.of(latest);
  }

  private Map<String, AttributeValue> get(String pk) {
    var r = call("GetItem", () -> client.getItem(b -> b.tableName(table).key(Map.of(KEY, s(pk))).consistentRead(true)));
    return r.hasItem() && !r.item().isEmpty() ? r.item() : null;
  }

  private static StoredDecision decision(DecisionKey key, Map<String, AttributeValue> item) {
    return new StoredDecision(key, Decision.Status.valueOf(item.get(STATUS).s()), item.get(ACTION).s(),
        item.get(REVIEW).bool(), item.get(JSON).s(), item.get(DECIDED_BY).s(),
        Instant.ofEpochMilli(Long.parseLong(item.get(DECIDED_AT).n())),
        Optional.ofNullable(item.get(PREVIOUS)).map(AttributeValue::s));
  }

  private static Instant expiry(Map<String, AttributeValue> item) {
    return Instant.ofEpochMilli(Long.parseLong(item.get(EXPIRY).n()));
  }

  /**
   * Waits for the SDK's future; a failed condition is passed on as it is (the callers decide what
   * it means), any other failure becomes a {@link DecisionStoreException}.
   */
  private <T> T call(String operation, Supplier<CompletableFuture<T>> request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return request.get().join();
      } catch (RuntimeException e) {
        Throwable c = DynamoErrors.unwrap(e);
        if (c instanceof ConditionalCheckFailedException ccf) {
          throw ccf;
        }
        boolean retryable = DynamoErrors.isRetryable(c);
        if (!retryable || attempt == ATTEMPTS) {
          throw new DecisionStoreException(operation + " on " + table + " failed" + (attempt > 1 ? " " + attempt
              + " times" : "") + ": " + DynamoErrors.code(c) + ": " + c.getMessage(), retryable, c);
        }
        // every write here is safe to repeat (see complete): try again after a short pause
        try {
          Thread.sleep(50L << attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new DecisionStoreException(operation + " on " + table + " interrupted", false, ie);
        }
      }
    }
  }

  private static String itemKey(DecisionKey key) {
    return "D#" + key.disruptionId() + "#" + key.documentHash();
  }

  private static String headKey(String disruptionId) {
    return "H#" + disruptionId;
  }

  private static String checkpointAttribute(Phase phase) {
    return "checkpoint_" + phase.name();
  }

  private static Map<String, String> names(String... pairs) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }

  private static void check(DecisionKey key, String owner) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(owner, "owner");
  }

  private static void checkLease(Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive but was " + lease);
    }
  }

  /**
   * Builds a {@link DynamoDecisionStore}. Not thread-safe; each setting once. Defaults: the
   * system UTC clock.
   */
  public static final class Builder {
    private final BuilderSettings given = new BuilderSettings();
    private final DynamoDbAsyncClient client;
    private final String table;
    private Clock clock = Clock.systemUTC();

    private Builder(DynamoDbAsyncClient client, String table) {
      this.client = Objects.requireNonNull(client, "client");
      Objects.requireNonNull(table, "table");
      if (!table.matches("[a-zA-Z0-9_.-]{3,255}")) {
        throw new IllegalArgumentException("table must be a DynamoDB table name ([a-zA-Z0-9_.-]{3,255}) but was '"
            + table + "'");
      }
      this.table = table;
    }

    /** The clock leases expire by; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      Objects.requireNonNull(clock, "clock");
      given.once("clock");
      this.clock = clock;
      return this;
    }

    public DynamoDecisionStore build() {
      return new DynamoDecisionStore(this);
    }
  }
}
