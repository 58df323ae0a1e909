package io.skymarshal.testkit.dynamo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/**
 * An SDK interceptor that makes a DynamoDB client see what the real service does under load and
 * a local server never does: throttling errors, and BatchGetItem responses with part of the
 * keys moved into {@code UnprocessedKeys} (the items of those keys removed from the response).
 * Faults fall on a chosen fraction of calls, drawn from a seeded random source. Rules can also
 * fail every request that names a chosen key, for partial-failure tests.
 *
 * <p>A throttled or failed request never reaches the server. Register it after a
 * {@link DynamoRequestLog} to log every request the code made. Use a client whose SDK retries
 * are off ({@link DynamoTestClients}) so the code under test sees each fault. Thread-safe.
 */
public final class DynamoFaultInjector implements ExecutionInterceptor {
  /** The error codes DynamoDB uses for throttling. */
  public static final String PROVISIONED_THROUGHPUT_EXCEEDED = "ProvisionedThroughputExceededException";
  public static final String REQUEST_LIMIT_EXCEEDED = "RequestLimitExceeded";
  public static final String THROTTLING = "ThrottlingException";

  private final Random random;
  private final Set<String> operations;
  private final double throttleRate;
  private final List<String> throttleCodes;
  private final double unprocessedRate;
  private final double unprocessedKeyFraction;
  private final List<KeyRule> keyRules;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong trimmedCalls = new AtomicLong();
  private final AtomicLong trimmedKeys = new AtomicLong();

  private DynamoFaultInjector(Builder b) {
    this.random = new Random(b.seed);
    this.operations = Set.copyOf(b.operations);
    this.throttleRate = b.throttleRate;
    this.throttleCodes = List.copyOf(b.throttleCodes);
    this.unprocessedRate = b.unprocessedRate;
    this.unprocessedKeyFraction = b.unprocessedKeyFraction;
    this.keyRules = List.copyOf(b.keyRules);
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
    for (KeyRule rule : keyRules) {
      if (keysOf(context.request()).stream().anyMatch(rule.key)) {
        failed.incrementAndGet();
        throw error(rule.errorCode, op + " failed by a fault rule");
      }
    }
    String code = null;
    synchronized (random) {
      if (throttleRate > 0 && random.nextDouble() < throttleRate) {
        code = throttleCodes.get(random.nextInt(throttleCodes.size()));
      }
    }
    if (code != null) {
      throttled.incrementAndGet();
      throw error(code, "Rate of requests exceeds the allowed throughput (injected)");
    }
  }

  @Override
  public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
    if (!(context.response() instanceof BatchGetItemResponse response)
        || !(context.request() instanceof BatchGetItemRequest request)
        || unprocessedRate <= 0) {
      return context.response();
    }
    Map<String, List<Map<String, AttributeValue>>> chosen = new LinkedHashMap<>();
    int moved = 0;
    synchronized (random) {
      if (random.nextDouble() >= unprocessedRate) {
        return response;
      }
      for (Map.Entry<String, KeysAndAttributes> e : request.requestItems().entrySet()) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> key : e.getValue().keys()) {
          if (random.nextDouble() < unprocessedKeyFraction) {
            keys.add(key);
          }
        }
        if (keys.isEmpty() && moved == 0 && !e.getValue().keys().isEmpty()) {
          keys.add(e.getValue().keys().get(random.nextInt(e.getValue().keys().size())));
        }
        moved += keys.size();
        chosen.put(e.getKey(), keys);
      }
    }
    trimmedCalls.incrementAndGet();
    trimmedKeys.addAndGet(moved);
    return UnprocessedKeys.move(request, response, chosen);
  }

  private static List<Map<String, AttributeValue>> keysOf(SdkRequest request) {
    if (request instanceof BatchGetItemRequest b) {
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      b.requestItems().values().forEach(ka -> keys.addAll(ka.keys()));
      return keys;
    }
    if (request instanceof GetItemRequest g) {
      return List.of(g.key());
    }
    return List.of();
  }

  /**
   * The exception DynamoDB's client raises for {@code errorCode}: the modelled subclass for
   * provisioned throughput and request limit, a {@link DynamoDbException} with the code
   * otherwise. Status 400, except 500 for {@code InternalServerError}.
   */
  public static DynamoDbException error(String errorCode, String message) {
    int status = "InternalServerError".equals(errorCode) ? 500 : 400;
    AwsErrorDetails details = AwsErrorDetails.builder()
        .errorCode(errorCode)
        .errorMessage(message)
        .serviceName("DynamoDb")
        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
        .build();
    DynamoDbException.Builder b = switch (errorCode) {
      case PROVISIONED_THROUGHPUT_EXCEEDED -> ProvisionedThroughputExceededException.builder();
      case REQUEST_LIMIT_EXCEEDED -> RequestLimitExceededException.builder();
      default -> DynamoDbException.builder();
    };
    return (DynamoDbException) b.awsErrorDetails(details).statusCode(status).message(message).build();
  }

  /** Calls of the chosen operations seen (each attempt counts). */
  public long callCount() {
    return calls.get();
  }

  /** Calls failed with a throttling error by the random rate. */
  public long throttledCount() {
    return throttled.get();
  }

  /** Calls failed by a key rule. */
  public long failedCount() {
    return failed.get();
  }

  /** BatchGetItem responses that had keys moved into UnprocessedKeys. */
  public long trimmedCallCount() {
    return trimmedCalls.get();
  }

  /** Keys moved into UnprocessedKeys, over all responses. */
  public long trimmedKeyCount() {
    return trimmedKeys.get();
  }

  private record KeyRule(Predicate<Map<String, AttributeValue>> key, String errorCode) {}

  /** Configures a {@link DynamoFaultInjector}; by default it injects nothing. Not thread-safe. */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();

    private long seed = 42;
    private final Set<String> operations = new LinkedHashSet<>(Set.of("BatchGetItem"));
    private double throttleRate;
    private final List<String> throttleCodes = new ArrayList<>(
        List.of(PROVISIONED_THROUGHPUT_EXCEEDED, REQUEST_LIMIT_EXCEEDED, THROTTLING));
    private double unprocessedRate;
    private double unprocessedKeyFraction;
    private final List<KeyRule> keyRules = new ArrayList<>();

    private Builder() {}

    /** The seed of the random source deciding which calls get a fault. Default 42. */
    public Builder seed(long seed) {
      given.once("seed");
      this.seed = seed;
      return this;
    }

    /**
     * The operations (e.g. {@code BatchGetItem}, {@code GetItem}, {@code Query}) that throttling
     * and key rules apply to. Default {@code BatchGetItem} only.
     */
    public Builder operations(String... names) {
      given.once("operations");
      if (names.length == 0) {
        throw new IllegalArgumentException("operations must name at least one operation");
      }
      operations.clear();
      for (String n : names) {
        operations.add(Objects.requireNonNull(n, "operation"));
      }
      return this;
    }

    /**
     * Fails {@code rate} of the calls (0..1) with a throttling error, its code drawn from
     * {@code codes} (default: all three DynamoDB throttling codes).
     */
    public Builder throttle(double rate, String... codes) {
      given.once("throttle");
      this.throttleRate = fraction("throttle rate", rate);
      if (codes.length > 0) {
        throttleCodes.clear();
        throttleCodes.addAll(List.of(codes));
      }
      return this;
    }

    /**
     * Trims {@code rate} of the BatchGetItem responses (0..1): each requested key moves into
     * {@code UnprocessedKeys} with probability {@code keyFraction}, at least one key a trimmed call.
     */
    public Builder unprocessed(double rate, double keyFraction) {
      given.once("unprocessed");
      this.unprocessedRate = fraction("unprocessed rate", rate);
      this.unprocessedKeyFraction = fraction("unprocessed key fraction", keyFraction);
      return this;
    }

    /** Fails, with {@code errorCode}, every call that asks for a key matching {@code key}. */
    public Builder failKeys(Predicate<Map<String, AttributeValue>> key, String errorCode) {
      given.once("failKeys");
      keyRules.add(new KeyRule(Objects.requireNonNull(key, "key"), Objects.requireNonNull(errorCode, "errorCode")));
      return this;
    }

    public DynamoFaultInjector build() {
      return new DynamoFaultInjector(this);
    }

    private static double fraction(String name, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(name + " must be in [0, 1] but was " + v);
      }
      return v;
    }
  }
}
