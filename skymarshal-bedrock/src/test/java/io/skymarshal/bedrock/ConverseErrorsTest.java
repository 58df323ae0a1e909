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
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

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

  @ParameterizedTest
  @CsvSource({
      "THROTTLING, THROTTLED", "SERVICE_UNAVAILABLE, SERVER_ERROR", "INTERNAL_SERVER, SERVER_ERROR",
      "MODEL_ERROR, SERVER_ERROR", "MODEL_TIMEOUT, TIMEOUT", "VALIDATION, VALIDATION",
      "ACCESS_DENIED, ACCESS_DENIED", "RESOURCE_NOT_FOUND, UNKNOWN_MODEL"})
  void call_whenBedrockAnswersError_failsWithKindRetryabilityModelAndRegion(BedrockFault fault, Kind kind) {
    bedrock.server().enqueue(FakeReply.error(fault));

    ModelException e = failure();

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.retryable()).isEqualTo(kind.isTransient());
    assertThat(e.modelId()).isEqualTo(HAIKU.modelId());
    assertThat(e.getMessage()).contains(HAIKU.modelId()).contains(TestClients.REGION)
        .contains("test_agent").contains(fault.errorType()).contains(fault.defaultMessage());
    assertThat(e.getCause()).isInstanceOf(AwsServiceException.class);
    assertThat(bedrock.server().requestCount()).as("one attempt: the SDK does not retry").isEqualTo(1);
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
