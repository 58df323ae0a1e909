package io.skymarshal.bedrock;

import io.skymarshal.bedrock.internal.BedrockErrors;
import io.skymarshal.bedrock.internal.ConverseReplies;
import io.skymarshal.bedrock.internal.ConverseRequests;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelConfigurationException;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * A {@link ModelClient} on the Amazon Bedrock Runtime Converse API, through the AWS SDK v2 async
 * client (Netty, non-blocking: a call in flight holds no thread).
 *
 * <p>Each request becomes one {@code Converse} call: the system prompt (followed by a
 * {@code cachePoint} when the request asks to cache it and the model caches at all), the
 * messages, {@code inferenceConfig} with the profile's max tokens and temperature, and, when the
 * request has a {@link io.skymarshal.model.ReplyFormat}, a forced tool with the format's JSON
 * schema whose input becomes {@link ModelReply#text()}. Usage maps one to one:
 * Bedrock's {@code inputTokens} already excludes cache reads and writes.
 *
 * <p>One attempt per call: the SDK's own retries are off ({@code AwsRetryStrategy.doNotRetry()})
 * so they do not multiply with the engine's retry policy. Failures complete the future with a
 * {@link ModelException} (never an AWS type, never a {@code CompletionException} wrapper) whose
 * kind says whether retrying may help; its message names the model id and region. Cancelling the
 * returned future cancels the HTTP call.
 *
 * <p>Transport: HTTP/1.1 over TLS, the protocol assumed rather than negotiated by ALPN (the SDK's
 * Netty client supports ALPN only with HTTP/2); TLS trusts the JVM's default trust store unless
 * {@link Builder#tlsTrustManagersProvider} says otherwise.
 *
 * <p>Credentials come from the SDK's default provider chain unless set; they are never logged.
 * Thread-safe; share one instance and {@link #close()} it when done.
 */
public final class ConverseModelClient implements ModelClient, AutoCloseable {

  /** Default bound on one call, end to end: above the slowest tier's 90 s so the engine's own timeout fires first. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(120);
  /** Default bound on opening a connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Default number of calls the client keeps in flight at once; more wait for a connection. */
  public static final int DEFAULT_MAX_CONCURRENCY = 64;

  private static final Logger LOG = LoggerFactory.getLogger(ConverseModelClient.class);

  private final BedrockRuntimeAsyncClient sdk;
  private final boolean ownsSdk;
  private final BedrockErrors errors;

  private ConverseModelClient(BedrockRuntimeAsyncClient sdk, boolean ownsSdk, String region) {
    this.sdk = sdk;
    this.ownsSdk = ownsSdk;
    this.errors = new BedrockErrors(region);
  }

  /** A builder with the defaults above, the default credential chain and the default region chain. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client on an SDK client you configured yourself. You keep ownership: {@link #close()} does
   * not close it. Turn its retries off ({@code AwsRetryStrategy.doNotRetry()}) if the engine
   * retries, or attempts multiply.
   */
  public static ConverseModelClient wrapping(BedrockRuntimeAsyncClient client) {
    Objects.requireNonNull(client, "client");
    String region;
    try {
      Region r = client.serviceClientConfiguration().region();
      region = r == null ? "unknown" : r.id();
    } catch (UnsupportedOperationException e) {
      // hand-written implementations (test doubles) need not expose their configuration
      region = "unknown";
    }
    return new ConverseModelClient(client, false, region);
  }

  @Override
  public CompletableFuture<ModelReply> call(ModelRequest request) {
    Objects.requireNonNull(request, "request");
    CompletableFuture<ConverseResponse> sdkCall;
    try {
      ConverseRequest converse = ConverseRequests.toConverse(request);
      sdkCall = sdk.converse(converse);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(errors.translate(e, request));
    }
    CompletableFuture<ModelReply> result = new CompletableFuture<>();
    sdkCall.whenComplete((response, error) -> {
      if (error != null) {
        result.completeExceptionally(errors.translate(error, request));
        return;
      }
      try {
        ModelReply reply = ConverseReplies.toReply(request, response);
        LOG.debug("agent {} model {}: stop {} usage {}", request.agent(), reply.modelId(),
            reply.stopReason(), reply.usage());
        result.complete(reply);
      } catch (RuntimeException e) {
        result.completeExceptionally(errors.unreadableReply(e, request));
      }
    });
    result.whenComplete((reply, error) -> {
      if (error instanceof CancellationException) {
        sdkCall.cancel(true);
      }
    });
    return result;
  }

  /** The AWS region this client calls, e.g. {@code us-east-1}. */
  public String region() {
    return errors.region();
  }

  /** Closes the SDK client and its connections, unless this client {@link #wrapping wraps} one you own. */
  @Override
  public void close() {
    if (ownsSdk) {
      sdk.close();
    }
  }

  @Override
  public String toString() {
    return "ConverseModelClient{region=" + errors.region() + "}";
  }

  /**
   * Builds a {@link ConverseModelClient}. Not thread-safe. Each setter checks its argument at once.
   * Defaults: region from the SDK's default region chain ({@code AWS_REGION}, profile), credentials
   * from the default provider chain, call timeout 120 s, connect timeout 5 s,
   * 64 concurrent calls.
   */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();

    private Region region;
    private AwsCredentialsProvider credentials;
    private URI endpointOverride;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
    private TlsTrustManagersProvider trustManagers;

    private Builder() {}

    /** The AWS region, e.g. {@code "us-east-1"}. */
    public Builder region(String region) {
      given.once("region");
      Objects.requireNonNull(region, "region");
      if (region.isBlank()) {
        throw new IllegalArgumentException("region must not be blank");
      }
      this.region = Region.of(region.trim());
      return this;
    }

    /** Credentials for signing; by default the SDK's default provider chain. Never logged. */
    public Builder credentialsProvider(AwsCredentialsProvider credentials) {
      given.once("credentialsProvider");
      this.credentials = Objects.requireNonNull(credentials, "credentialsProvider");
      return this;
    }

    /** Another endpoint than Bedrock's public one: a VPC endpoint, or a fake Bedrock in tests. */
    public Builder endpointOverride(URI endpoint) {
      given.once("endpointOverride");
      Objects.requireNonNull(endpoint, "endpointOverride");
      if (endpoint.getScheme() == null || endpoint.getHost() == null) {
        throw new IllegalArgumentException("endpointOverride needs a scheme and host, e.g. "
            + "http://127.0.0.1:8080, but was " + endpoint);
      }
      this.endpointOverride = endpoint;
      return this;
    }

    /** The most one call may take, end to end (connection, request, waiting for the model, reply). */
    public Builder callTimeout(Duration timeout) {
      given.once("callTimeout");
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /** The most opening a connection may take. */
    public Builder connectTimeout(Duration timeout) {
      given.once("connectTimeout");
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How many calls may be in flight at once; more wait for a free connection. */
    public Builder maxConcurrency(int calls) {
      given.once("maxConcurrency");
      if (calls <= 0) {
        throw new IllegalArgumentException("maxConcurrency must be > 0 but was " + calls);
      }
      this.maxConcurrency = calls;
      return this;
    }

    /**
     * Whom to trust for TLS instead of the JVM's default trust store ({@code javax.net.ssl.trustStore},
     * else the JDK's CA certificates): a private CA in front of a VPC endpoint, or a test server's
     * certificate ({@code .tlsTrustManagersProvider(fakeBedrock::trustManagers)}).
     */
    public Builder tlsTrustManagersProvider(TlsTrustManagersProvider provider) {
      given.once("tlsTrustManagersProvider");
      this.trustManagers = Objects.requireNonNull(provider, "tlsTrustManagersProvider");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws ModelConfigurationException if no region is set and none can be found
     */
    public ConverseModelClient build() {
      Region resolved = region != null ? region : defaultRegion();
      NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
          .connectionTimeout(connectTimeout)
          // Converse sends nothing until the model has finished, so a read timeout shorter than
          // the call timeout would cut off every long answer.
          .readTimeout(callTimeout)
          .writeTimeout(callTimeout)
          .connectionAcquisitionTimeout(callTimeout)
          .maxConcurrency(maxConcurrency)
          // The SDK's HTTP/2 default for this service serves bidirectional streaming, which
          // Converse does not use; HTTP/1.1 also passes every proxy and the testkit's fake.
          .protocol(Protocol.HTTP1_1)
          // HTTP/1.1 must be assumed, not negotiated: Bedrock Runtime's service defaults turn on
          // ALPN, and the SDK's Netty client closes every TLS connection set up for ALPN with
          // HTTP/1.1 ("ALPN with HTTP1 is not yet supported"), so no call would get a reply.
          .protocolNegotiation(ProtocolNegotiation.ASSUME_PROTOCOL);
      if (trustManagers != null) {
        http.tlsTrustManagersProvider(trustManagers);
      }
      var b = BedrockRuntimeAsyncClient.builder()
          .region(resolved)
          .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build())
          .httpClientBuilder(http)
          .overrideConfiguration(o -> o
              .retryStrategy(AwsRetryStrategy.doNotRetry())
              .apiCallTimeout(callTimeout)
              .apiCallAttemptTimeout(callTimeout));
      if (endpointOverride != null) {
        b.endpointOverride(endpointOverride);
      }
      LOG.debug("Bedrock Converse client: region {}, endpoint {}, call timeout {}", resolved.id(),
          endpointOverride == null ? "default" : endpointOverride, callTimeout);
      return new ConverseModelClient(b.build(), true, resolved.id());
    }

    private static Region defaultRegion() {
      try {
        return new DefaultAwsRegionProviderChain().getRegion();
      } catch (SdkClientException e) {
        throw new ModelConfigurationException("no AWS region for Bedrock: set SKYMARSHAL_REGION or "
            + "AWS_REGION, a region in your AWS profile, or ConverseModelClient.builder().region(...)");
      }
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be > 0 but was " + d);
      }
      return d;
    }
  }
}
