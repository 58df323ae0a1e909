package io.skymarshal.testkit.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** The real AWS SDK client against the fake: the fake's shapes are the ones the SDK understands. */
class FakeBedrockServerSdkTest {

  private static final String MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
  private static final Map<BedrockFault, Class<? extends AwsServiceException>> SDK_TYPES = Map.of(
      BedrockFault.THROTTLING, ThrottlingException.class,
      BedrockFault.MODEL_NOT_READY, ModelNotReadyException.class,
      BedrockFault.SERVICE_QUOTA_EXCEEDED, ServiceQuotaExceededException.class,
      BedrockFault.SERVICE_UNAVAILABLE, ServiceUnavailableException.class,
      BedrockFault.INTERNAL_SERVER, InternalServerException.class,
      BedrockFault.MODEL_TIMEOUT, ModelTimeoutException.class,
      BedrockFault.MODEL_ERROR, ModelErrorException.class,
      BedrockFault.VALIDATION, ValidationException.class,
      BedrockFault.ACCESS_DENIED, AccessDeniedException.class,
      BedrockFault.RESOURCE_NOT_FOUND, ResourceNotFoundException.class);

  private static FakeBedrockServer server;
  private static BedrockRuntimeAsyncClient client;

  @BeforeAll
  static void start() {
    server = FakeBedrockServer.startHttps();
    client = server.newAsyncClient();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  /** The fake's own client with the SDK's default retry strategy instead of none. */
  static BedrockRuntimeAsyncClient retryingClient() {
    return server.asyncClientBuilder().overrideConfiguration(o -> { }).build();
  }

  private static ConverseRequest request(String text) {
    return ConverseRequest.builder().modelId(MODEL)
        .messages(m -> m.role(ConversationRole.USER).content(ContentBlock.fromText(text)))
        .build();
  }

  private static void drain() {
    while (true) {
      try {
        server.takeRequest(java.time.Duration.ofMillis(1));
      } catch (IllegalStateException none) {
        return;
      }
    }
  }

  @Test
  void converse_whenTextReply_sdkParsesContentStopReasonUsageAndMetrics() {
    drain();
    server.enqueue(FakeReply.text("bonjour").withUsage(40, 3).withCache(1000, 0).withLatencyMs(77));

    ConverseResponse resp = client.converse(request("salut")).join();

    assertThat(resp.output().message().content().get(0).text()).isEqualTo("bonjour");
    assertThat(resp.stopReason()).isEqualTo(StopReason.END_TURN);
    assertThat(resp.usage().inputTokens()).isEqualTo(40);
    assertThat(resp.usage().outputTokens()).isEqualTo(3);
    assertThat(resp.usage().cacheReadInputTokens()).isEqualTo(1000);
    assertThat(resp.usage().cacheWriteInputTokens()).isZero();
    assertThat(resp.usage().totalTokens()).isEqualTo(1043);
    assertThat(resp.metrics().latencyMs()).isEqualTo(77);

    RecordedConverse recorded = server.takeRequest();
    assertThat(recorded.modelId()).isEqualTo(MODEL);
    assertThat(recorded.rawPath()).contains("%3A0");
    assertThat(recorded.header("Authorization")).startsWith("AWS4-HMAC-SHA256");
    assertThat(recorded.lastUserText()).isEqualTo("salut");
  }

  @Test
  void converse_whenToolUseReply_sdkGivesTheInputAsDocument() {
    server.enqueue(FakeReply.toolUse("ruling", "{\"action\":\"CANCEL\",\"operates\":false}"));

    ConverseResponse resp = client.converse(request("decide")).join();

    var use = resp.output().message().content().get(0).toolUse();
    assertThat(use.name()).isEqualTo("ruling");
    assertThat(use.input().asMap()).containsEntry("action", Document.fromString("CANCEL"))
        .containsEntry("operates", Document.fromBoolean(false));
    assertThat(resp.stopReason()).isEqualTo(StopReason.TOOL_USE);
  }

  @ParameterizedTest
  @EnumSource(BedrockFault.class)
  void converse_whenFault_sdkThrowsItsModelledExceptionWithStatusAndMessage(BedrockFault fault) {
    server.enqueue(FakeReply.error(fault, "scripted " + fault));

    Throwable thrown = client.converse(request("x")).handle((r, e) -> e).join();

    Throwable cause = thrown instanceof CompletionException ? thrown.getCause() : thrown;
    assertThat(cause).isInstanceOf(SDK_TYPES.get(fault));
    AwsServiceException aws = (AwsServiceException) cause;
    assertThat(aws.statusCode()).isEqualTo(fault.status());
    assertThat(aws.awsErrorDetails().errorCode()).isEqualTo(fault.errorType());
    assertThat(aws.awsErrorDetails().errorMessage()).isEqualTo("scripted " + fault);
  }

  @Test
  void converse_whenSdkRetriesAreOn_sdkRetriesTheThrottleItRecognises() {
    drain();
    int before = server.requestCount();
    try (BedrockRuntimeAsyncClient retrying = retryingClient()) {
      server.enqueue(FakeReply.error(BedrockFault.THROTTLING), FakeReply.text("through"));

      ConverseResponse resp = retrying.converse(request("again")).join();

      assertThat(resp.output().message().content().get(0).text()).isEqualTo("through");
      assertThat(server.requestCount() - before).isEqualTo(2);
    }
  }

  @Test
  void newAsyncClient_talksHttpsToTheFake() {
    server.enqueue(FakeReply.text("over TLS"));

    ConverseResponse resp = client.converse(request("hello")).join();

    assertThat(server.endpoint().getScheme()).isEqualTo("https");
    assertThat(resp.output().message().content().get(0).text()).isEqualTo("over TLS");
  }

  @Test
  void converse_whenTheClientDoesNotTrustTheFakesCertificate_theHandshakeFailsAndNothingIsServed() {
    int before = server.requestCount();
    // the JVM's default trust: the JDK's CA certificates, which never include a fresh loopback certificate
    try (BedrockRuntimeAsyncClient untrusting = server.asyncClientBuilder()
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1)
            .protocolNegotiation(ProtocolNegotiation.ASSUME_PROTOCOL))
        .build()) {
      Throwable thrown = untrusting.converse(request("x")).handle((r, e) -> e).join();

      assertThat(thrown).hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
      assertThat(thrown).hasStackTraceContaining("SSLHandshakeException");
      assertThat(server.requestCount()).isEqualTo(before);
    }
  }

  @Test
  void plainHttpServer_servesAPlainClient() {
    try (FakeBedrockServer plain = FakeBedrockServer.start();
         BedrockRuntimeAsyncClient plainClient = plain.newAsyncClient()) {
      plain.enqueue(FakeReply.text("plain"));

      ConverseResponse resp = plainClient.converse(request("x")).join();

      assertThat(plain.endpoint().getScheme()).isEqualTo("http");
      assertThat(plain.isHttps()).isFalse();
      assertThat(resp.output().message().content().get(0).text()).isEqualTo("plain");
      assertThatThrownBy(plain::trustManagers).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("plain HTTP").hasMessageContaining("builder().https()");
    }
  }
}
