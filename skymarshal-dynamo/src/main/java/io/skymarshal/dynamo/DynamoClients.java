package io.skymarshal.dynamo;

import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * Builds the DynamoDB client SkyMarshal's readers and loader expect: the AWS SDK v2 async client
 * with the SDK's own retries OFF, because {@link BatchRetryPolicy} owns retrying (with the SDK's
 * default of up to 9 attempts a call on top, attempts would multiply). Region and credentials
 * come from the SDK's default chains ({@code AWS_REGION}, {@code ~/.aws/config}, instance
 * roles...) unless the customizer sets them.
 */
public final class DynamoClients {
  private DynamoClients() {}

  /** A client from the default region and credential chains, SDK retries off. */
  public static DynamoDbAsyncClient asyncClient() {
    return asyncClient(b -> {});
  }

  /**
   * A client configured by {@code customizer} (region, credentials, endpoint, HTTP client...),
   * then with SDK retries off (replacing any retry strategy the customizer set).
   */
  public static DynamoDbAsyncClient asyncClient(Consumer<DynamoDbAsyncClientBuilder> customizer) {
    Objects.requireNonNull(customizer, "customizer");
    DynamoDbAsyncClientBuilder b = DynamoDbAsyncClient.builder();
    customizer.accept(b);
    // keep what the customizer configured (interceptors, timeouts): the Consumer overload would reset it
    return b.overrideConfiguration(b.overrideConfiguration().toBuilder()
        .retryStrategy(AwsRetryStrategy.doNotRetry()).build()).build();
  }
}
