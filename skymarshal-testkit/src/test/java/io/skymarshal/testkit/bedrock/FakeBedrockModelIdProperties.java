package io.skymarshal.testkit.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;

/** Whatever model id or ARN the SDK encodes into the path, the fake decodes the same id. */
class FakeBedrockModelIdProperties {

  private static FakeBedrockServer server;
  private static BedrockRuntimeAsyncClient client;

  @BeforeContainer
  static void start() {
    server = FakeBedrockServer.start();
    server.rule(req -> FakeReply.text(req.modelId()));
    client = BedrockRuntimeAsyncClient.builder().endpointOverride(server.endpoint())
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
        .region(Region.AP_SOUTHEAST_2)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKE", "s")))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @AfterContainer
  static void stop() {
    client.close();
    server.close();
  }

  @Provide
  Arbitrary<String> modelIds() {
    Arbitrary<String> plain = Arbitraries.strings().withChars("abcxyz019.-_:").ofMinLength(1).ofMaxLength(60)
        .filter(s -> !s.equals(".") && !s.equals(".."));
    Arbitrary<String> arn = Arbitraries.strings().alpha().numeric().withChars(".-:").ofMinLength(1).ofMaxLength(40)
        .map(s -> "arn:aws:bedrock:us-east-1:123456789012:inference-profile/" + s);
    return Arbitraries.oneOf(plain, arn);
  }

  @Property(tries = 60)
  void converse_anyModelId_isRecordedAsSent(@ForAll("modelIds") String modelId) {
    String echoed = client.converse(r -> r.modelId(modelId)
            .messages(m -> m.role(ConversationRole.USER).content(ContentBlock.fromText("hi"))))
        .join().output().message().content().get(0).text();

    assertThat(echoed).isEqualTo(modelId);
  }
}
