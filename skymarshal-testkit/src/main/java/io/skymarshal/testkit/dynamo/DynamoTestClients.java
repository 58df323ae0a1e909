package io.skymarshal.testkit.dynamo;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Real AWS SDK v2 DynamoDB clients pointed at a local endpoint ({@link DynaliteServer} or a
 * {@link LatencyProxy} in front of it): region {@link DynaliteServer#REGION}, static test
 * credentials, the SDK's own retries OFF (so that the code under test owns retrying and a fault
 * injected by {@link DynamoFaultInjector} reaches it unretried), and the given interceptors in
 * order. Async clients share one Netty event loop group (two daemon threads), so creating and
 * closing one per test is cheap. Given a {@link DynaliteServer} that speaks HTTPS, a client trusts
 * that server's certificate (and nothing else). Close the clients you get.
 */
public final class DynamoTestClients {
  private static final SdkEventLoopGroup EVENT_LOOPS = SdkEventLoopGroup.builder().numberOfThreads(2).build();
  private DynamoTestClients() {}

  /** An async client on {@code endpoint} with {@code interceptors}. */
  public static DynamoDbAsyncClient async(URI endpoint, ExecutionInterceptor... interceptors) {
    return DynamoDbAsyncClient.builder()
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(EVENT_LOOPS))
        .endpointOverride(endpoint)
        .region(Region.of(DynaliteServer.REGION))
        .credentialsProvider(credentials())
        .overrideConfiguration(configuration(interceptors))
        .build();
  }

  /** An async client on {@code server}, trusting its certificate if it speaks HTTPS, with {@code interceptors}. */
  public static DynamoDbAsyncClient async(DynaliteServer server, ExecutionInterceptor... interceptors) {
    Objects.requireNonNull(server, "server");
    NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder().eventLoopGroup(EVENT_LOOPS);
    if (server.isTls()) {
      http.tlsTrustManagersProvider(server::trustManagers);
    }
    return DynamoDbAsyncClient.builder()
        .httpClientBuilder(http)
        .endpointOverride(server.endpoint())
        .region(Region.of(DynaliteServer.REGION))
        .credentialsProvider(credentials())
        .overrideConfiguration(configuration(interceptors))
        .build();
  }

  /**
   * A blocking client on {@code server}, trusting its certificate if it speaks HTTPS, with
   * {@code interceptors}. Its HTTP client is the SDK's default blocking one (whichever is on the
   * class path), given the trust as the SDK gives its own defaults.
   */
  public static DynamoDbClient sync(DynaliteServer server, ExecutionInterceptor... interceptors) {
    Objects.requireNonNull(server, "server");
    if (!server.isTls()) {
      return sync(server.endpoint(), interceptors);
    }
    return DynamoDbClient.builder()
        .httpClientBuilder(new TrustingHttpClient(server::trustManagers))
        .endpointOverride(server.endpoint())
        .region(Region.of(DynaliteServer.REGION))
        .credentialsProvider(credentials())
        .overrideConfiguration(configuration(interceptors))
        .build();
  }

  /** A blocking client on {@code endpoint} with {@code interceptors}. */
  public static DynamoDbClient sync(URI endpoint, ExecutionInterceptor... interceptors) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(DynaliteServer.REGION))
        .credentialsProvider(credentials())
        .overrideConfiguration(configuration(interceptors))
        .build();
  }

  /** The static credentials dynalite accepts. */
  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(DynaliteServer.ACCESS_KEY_ID, DynaliteServer.SECRET_ACCESS_KEY));
  }

  /** The SDK's default blocking HTTP client (found as the SDK finds it), with trust settings of our own. */
  private static final class TrustingHttpClient implements SdkHttpClient.Builder<TrustingHttpClient> {
    private final TlsTrustManagersProvider trust;

    TrustingHttpClient(TlsTrustManagersProvider trust) {
      this.trust = trust;
    }

    @Override
    public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
      SdkHttpService service = ServiceLoader.load(SdkHttpService.class).findFirst()
          .orElseThrow(() -> new IllegalStateException("no blocking SDK HTTP client on the class path "
              + "(software.amazon.awssdk:apache5-client, apache-client or url-connection-client)"));
      AttributeMap ours = AttributeMap.builder()
          .put(SdkHttpConfigurationOption.TLS_TRUST_MANAGERS_PROVIDER, trust).build();
      return service.createHttpClientBuilder().buildWithDefaults(ours.merge(serviceDefaults));
    }
  }

  private static ClientOverrideConfiguration configuration(ExecutionInterceptor... interceptors) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.doNotRetry())
        .executionInterceptors(List.of(interceptors))
        .build();
  }
}
