package io.skymarshal.testkit.dynamo;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Real AWS SDK v2 DynamoDB clients pointed at a local endpoint ({@link DynaliteServer} or a
 * {@link LatencyProxy} in front of it): region {@link DynaliteServer#REGION}, static test
 * credentials, the SDK's own retries OFF (so that the code under test owns retrying and a fault
 * injected by {@link DynamoFaultInjector} reaches it unretried), and the given interceptors in
 * order. Async clients share one Netty event loop group (two daemon threads), so creating and
 * closing one per test is cheap. Close the clients you get.
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

  private static ClientOverrideConfiguration configuration(ExecutionInterceptor... interceptors) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.doNotRetry())
        .executionInterceptors(List.of(interceptors))
        .build();
  }
}
