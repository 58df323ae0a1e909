package io.skymarshal.testkit.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * An SDK interceptor that makes the DynamoDB server's answers look like a throttled or busy
 * DynamoDB's, on the response path of the real client, so everything from the HTTP response on is
 * the production code's:
 * <ul>
 *   <li><b>throttling</b>: the server's HTTP response is turned into {@code 400} with
 *       {@code x-amzn-ErrorType: ProvisionedThroughputExceededException} (in
 *       {@code modifyHttpResponse}), so the SDK's own JSON-protocol error handling builds the
 *       modelled {@code ProvisionedThroughputExceededException}; the server did the read, whose
 *       result is thrown away, as with a real throttle the caller cannot tell;
 *   <li><b>unprocessed keys</b>: part of a BatchGetItem's keys are moved from {@code Responses} to
 *       {@code UnprocessedKeys} (in {@code modifyResponse}), their items removed.
 * </ul>
 * Unlike a rate drawn per call, the faults are a function of the content: a chosen fraction of
 * the distinct requests (by a seeded hash of the request) is throttled on its first
 * {@code attempts} tries, a request retried with the same content counting as the next try; a
 * chosen fraction of the keys (by a seeded hash of table and key) is left unprocessed the first
 * {@code attempts} times it is asked for. So a reader whose retry budget exceeds {@code attempts}
 * reads every key, whatever the order of concurrent requests, and one whose budget does not must
 * report the keys as unprocessed.
 *
 * <p>Use a client whose SDK retries are off (SkyMarshal's {@code DynamoClients} and the testkit's
 * {@code DynamoTestClients} are), so each retry is the reader's own. It remembers every distinct
 * request and key it saw: use one instance per test or run. Thread-safe.
 */
public final class DynamoWireFaults implements ExecutionInterceptor {
  /** The error code DynamoDB throttles reads with. */
  public static final String PROVISIONED_THROUGHPUT_EXCEEDED = "ProvisionedThroughputExceededException";

  private static final ExecutionAttribute<Boolean> THROTTLE = new ExecutionAttribute<>("skymarshal.throttle");

  private final long seed;
  private final Set<String> operations;
  private final double throttleFraction;
  private final int throttleAttempts;
  private final double unprocessedFraction;
  private final int unprocessedAttempts;
  private final Map<SdkRequest, AtomicInteger> tries = new ConcurrentHashMap<>();
  private final Map<List<Object>, AtomicInteger> trims = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong trimmedCalls = new AtomicLong();
  private final AtomicLong trimmedKeys = new AtomicLong();

  private DynamoWireFaults(Builder b) {
    this.seed = b.seed;
    this.operations = Set.copyOf(b.operations);
    this.throttleFraction = b.throttleFraction;
    this.throttleAttempts = b.throttleAttempts;
    this.unprocessedFraction = b.unprocessedFraction;
    this.unprocessedAttempts = b.unprocessedAttempts;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if (!operations.contains(op)) {
      return;
    }
    calls.incrementAndGet();
    int attempt = tries.computeIfAbsent(context.request(), k -> new AtomicInteger()).getAndIncrement();
    boolean throttle = attempt < throttleAttempts && unit(mix(context.request().hashCode())) < throttleFraction;
    attributes.putAttribute(THROTTLE, throttle);
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!Boolean.TRUE.equals(attributes.getAttribute(THROTTLE)) || !context.httpResponse().isSuccessful()) {
      return context.httpResponse();
    }
    throttled.incrementAndGet();
    // the SDK's JSON error-code parser reads this header before the body's __type
    return context.httpResponse().toBuilder().statusCode(400).statusText("Bad Request")
        .putHeader("x-amzn-ErrorType", PROVISIONED_THROUGHPUT_EXCEEDED).build();
  }

  @Override
  public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
    if (unprocessedFraction <= 0 || Boolean.TRUE.equals(attributes.getAttribute(THROTTLE))
        || !(context.response() instanceof BatchGetItemResponse response)
        || !(context.request() instanceof BatchGetItemRequest request)) {
      return context.response();
    }
    Map<String, List<Map<String, AttributeValue>>> chosen = new LinkedHashMap<>();
    int moved = 0;
    for (Map.Entry<String, KeysAndAttributes> e : request.requestItems().entrySet()) {
      List<Map<String, AttributeValue>> left = new ArrayList<>();
      for (Map<String, AttributeValue> key : e.getValue().keys()) {
        List<Object> id = List.of(e.getKey(), key);
        if (unit(mix(id.hashCode())) < unprocessedFraction
            && trims.computeIfAbsent(id, k -> new AtomicInteger()).getAndIncrement() < unprocessedAttempts) {
          left.add(key);
        }
      }
      moved += left.size();
      chosen.put(e.getKey(), left);
    }
    if (moved == 0) {
      return response;
    }
    trimmedCalls.incrementAndGet();
    trimmedKeys.addAndGet(moved);
    return io.skymarshal.testkit.dynamo.UnprocessedKeys.move(request, response, chosen);
  }

  /** Requests of the chosen operations sent, retries included. */
  public long callCount() {
    return calls.get();
  }

  /** Responses turned into a throttling error. */
  public long throttledCount() {
    return throttled.get();
  }

  /** BatchGetItem responses with keys moved into UnprocessedKeys. */
  public long trimmedCallCount() {
    return trimmedCalls.get();
  }

  /** Keys moved into UnprocessedKeys, over all responses. */
  public long trimmedKeyCount() {
    return trimmedKeys.get();
  }

  /** splitmix64 of the seed and a content hash (the SDK's request and attribute classes hash their content). */
  private long mix(int contentHash) {
    long z = seed + 0x9E3779B97F4A7C15L * (contentHash + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  /** Configures {@link DynamoWireFaults}; by default it injects nothing. Not thread-safe. */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();
    private long seed = 42;
    private Set<String> operations = Set.of("BatchGetItem", "Query", "GetItem");
    private double throttleFraction;
    private int throttleAttempts;
    private double unprocessedFraction;
    private int unprocessedAttempts;

    private Builder() {}

    /** The seed of the hash choosing the requests. Default 42. */
    public Builder seed(long seed) {
      given.once("seed");
      this.seed = seed;
      return this;
    }

    /** The operations throttling applies to. Default BatchGetItem, Query and GetItem. */
    public Builder operations(String... names) {
      given.once("operations");
      if (names.length == 0) {
        throw new IllegalArgumentException("operations must name at least one operation");
      }
      this.operations = Set.of(names);
      return this;
    }

    /** Throttles {@code fraction} (0..1) of the distinct requests on their first {@code attempts} tries. */
    public Builder throttle(double fraction, int attempts) {
      given.once("throttle");
      this.throttleFraction = fraction(fraction, "throttle fraction");
      this.throttleAttempts = atLeast0(attempts, "throttle attempts");
      return this;
    }

    /**
     * Moves {@code fraction} (0..1) of the keys into UnprocessedKeys of the BatchGetItem responses
     * that ask for them, the first {@code attempts} times each is asked for.
     */
    public Builder unprocessed(double fraction, int attempts) {
      given.once("unprocessed");
      this.unprocessedFraction = fraction(fraction, "unprocessed fraction");
      this.unprocessedAttempts = atLeast0(attempts, "unprocessed attempts");
      return this;
    }

    public DynamoWireFaults build() {
      return new DynamoWireFaults(this);
    }

    private static double fraction(double v, String name) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(name + " must be in [0, 1] but was " + v);
      }
      return v;
    }

    private static int atLeast0(int v, String name) {
      if (v < 0) {
        throw new IllegalArgumentException(name + " must be >= 0 but was " + v);
      }
      return v;
    }
  }
}
