package io.skymarshal.bedrock;

import static io.skymarshal.bedrock.TestClients.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelException.Kind;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.testkit.bedrock.BedrockFault;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.FakeReply;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;

/** Every Bedrock error, as the real SDK receives it, becomes the right ModelException. */
class ConverseErrorsTest {

  private static final ModelProfile HAIKU = ModelProfiles.CLAUDE_HAIKU_4_5;

  @RegisterExtension
  static final FakeBedrockFixture bedrock = FakeBedrockFixture.withCallTimeout(Duration.ofMillis(500));

  private ModelException failure() {
    Throwable e = bedrock.client().call(request(HAIKU, "q")).handle((r, t) -> t).join();
    assertThat(e).as("the future fails with the ModelException itself, not a wrapper")
        .isInstanceOf(ModelException.class);
    return (ModelException) e;
  }

  /** The kind each Bedrock error must become; exhaustive, so a fault added to the fake must be classified here. */
  static Kind expectedKind(BedrockFault fault) {
    return switch (fault) {
      case THROTTLING, SERVICE_QUOTA_EXCEEDED -> Kind.THROTTLED;
      case MODEL_NOT_READY, SERVICE_UNAVAILABLE, INTERNAL_SERVER, MODEL_ERROR -> Kind.SERVER_ERROR;
      case MODEL_TIMEOUT -> Kind.TIMEOUT;
      case VALIDATION -> Kind.VALIDATION;
      case ACCESS_DENIED -> Kind.ACCESS_DENIED;
      case RESOURCE_NOT_FOUND -> Kind.UNKNOWN_MODEL;
    };
  }

  @ParameterizedTest
  @EnumSource(BedrockFault.class)
  void call_whenBedrockAnswersError_failsWithKindRetryabilityModelAndRegion(BedrockFault fault) {
    bedrock.server().enqueue(FakeReply.error(fault));

    ModelException e = failure();

    Kind kind = expectedKind(fault);
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.retryable()).isEqualTo(kind.isTransient());
    assertThat(e.modelId()).isEqualTo(HAIKU.modelId());
    assertThat(e.getMessage()).contains(HAIKU.modelId()).contains(TestClients.REGION)
        .contains("test_agent").contains(fault.errorType()).contains(fault.defaultMessage())
        .contains("HTTP " + fault.status())
        // the header's namespace is wire detail, not something to show a person
        .doesNotContain("internal.amazon.com");
    assertThat(e.getCause()).isInstanceOf(AwsServiceException.class);
    assertThat(bedrock.server().requestCount()).as("one attempt: the SDK does not retry").isEqualTo(1);
  }

  /** Regression (issue 10): the fake could not send ModelNotReadyException, so its classification was never tested. */
  @Test
  void call_whenModelNotReady429_failsAsATransientServerError() {
    bedrock.server().enqueue(FakeReply.error(BedrockFault.MODEL_NOT_READY));

    ModelException e = failure();

    assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getCause()).isInstanceOf(ModelNotReadyException.class);
  }

  /** Regression (issue 10): a 400 that is a quota, not a bad request, must be retried and say what to do. */
  @Test
  void call_whenServiceQuotaExceeded400_failsAsThrottledSayingToRequestAnIncrease() {
    bedrock.server().enqueue(FakeReply.error(BedrockFault.SERVICE_QUOTA_EXCEEDED));

    ModelException e = failure();

    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getCause()).isInstanceOf(ServiceQuotaExceededException.class);
    assertThat(e.getMessage()).contains("request an increase in Service Quotas");
  }

  @Test
  void call_whenAccessDenied_messageSaysToEnableModelAccess() {
    bedrock.server().enqueue(FakeReply.error(BedrockFault.ACCESS_DENIED));

    assertThat(failure().getMessage())
        .containsIgnoringCase("enable model access in the Bedrock console")
        .contains("bedrock:InvokeModel");
  }

  @Test
  void call_whenValidationSaysModelIdentifierInvalid_failsAsUnknownModel() {
    bedrock.server().enqueue(
        FakeReply.error(BedrockFault.VALIDATION, "The provided model identifier is invalid."));

    ModelException e = failure();

    assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_MODEL);
    assertThat(e.getMessage()).contains("Check the model id");
  }

  @Test
  void call_whenBareModelIdHasNoOnDemandThroughput_hintsAtInferenceProfiles() {
    bedrock.server().enqueue(FakeReply.error(BedrockFault.VALIDATION, "Invocation of model ID "
        + "anthropic.claude-haiku-4-5-20251001-v1:0 with on-demand throughput isn't supported. Retry "
        + "your request with the ID or ARN of an inference profile that contains this model."));

    ModelException e = failure();

    assertThat(e.kind()).isEqualTo(Kind.VALIDATION);
    assertThat(e.getMessage()).contains("global., us., eu., jp. or au.");
  }

  @Test
  void call_whenReplyNeverComes_failsAsTimeoutAfterTheCallTimeout() {
    bedrock.server().enqueue(FakeReply.noReply());

    ModelException e = failure();

    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("timed out on the client").contains(HAIKU.modelId());
  }

  @Test
  void call_whenNothingListens_failsAsTransientServerErrorSayingItCouldNotReachBedrock() {
    FakeBedrockServer gone = FakeBedrockServer.startHttps();
    ConverseModelClient toNowhere = TestClients.client(gone, Duration.ofSeconds(5));
    gone.close();
    try {
      Throwable e = toNowhere.call(request(HAIKU, "q")).handle((r, t) -> t).join();

      assertThat(e).isInstanceOf(ModelException.class).hasMessageContaining("could not reach Bedrock");
      assertThat(((ModelException) e).kind()).isEqualTo(Kind.SERVER_ERROR);
    } finally {
      toNowhere.close();
    }
  }
}
