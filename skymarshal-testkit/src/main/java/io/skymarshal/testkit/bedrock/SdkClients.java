package io.skymarshal.testkit.bedrock;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;

/**
 * The AWS SDK clients {@link FakeBedrockServer} hands out. Kept apart so that the server's own
 * class never needs the SDK to load: a test that talks to the fake with another HTTP client needs
 * no AWS jar. Stateless.
 */
final class SdkClients {

  private SdkClients() {}

  static NettyNioAsyncHttpClient.Builder httpClientBuilder(FakeBedrockServer server) {
    NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
        .protocol(Protocol.HTTP1_1)
        .protocolNegotiation(ProtocolNegotiation.ASSUME_PROTOCOL);
    if (server.isHttps()) {
      http.tlsTrustManagersProvider(server::trustManagers);
    }
    return http;
  }

  static BedrockRuntimeAsyncClientBuilder asyncClientBuilder(FakeBedrockServer server) {
    return BedrockRuntimeAsyncClient.builder()
        .endpointOverride(server.endpoint())
        .httpClientBuilder(httpClientBuilder(server))
        .region(Region.of(FakeBedrockServer.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDFAKEBEDROCK", "fake-bedrock-secret")))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
  }
}
