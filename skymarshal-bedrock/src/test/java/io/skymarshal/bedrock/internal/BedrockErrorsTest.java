package io.skymarshal.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelException.Kind;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelRequest;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/** Translation of what the SDK throws on the client side or with unmodelled error codes. */
class BedrockErrorsTest {

  private static final ModelRequest REQUEST = new ModelRequest("maintenance", Tier.SAFETY,
      Phase.REVISION, ModelProfiles.CLAUDE_SONNET_4_5, "sys", false, List.of(Message.user("q")), null);

  private final BedrockErrors errors = new BedrockErrors("ap-southeast-2");

  private static BedrockRuntimeException service(String code, int status) {
    return (BedrockRuntimeException) BedrockRuntimeException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("from AWS").build())
        .build();
  }

  @Test
  void translate_whenWrappedInCompletionAndExecutionExceptions_unwrapsToTheAwsError() {
    Throwable wrapped = new CompletionException(new ExecutionException(
        ThrottlingException.builder().statusCode(429).message("slow").build()));

    ModelException e = errors.translate(wrapped, REQUEST);

    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
    assertThat(e.getCause()).isInstanceOf(ThrottlingException.class);
    assertThat(e.getMessage()).contains("maintenance").contains("ap-southeast-2")
        .contains(ModelProfiles.CLAUDE_SONNET_4_5.modelId());
  }

  @Test
  void translate_whenAlreadyModelException_returnsItUnchanged() {
    ModelException original = new ModelException(Kind.VALIDATION, "m", "bad");

    assertThat(errors.translate(new CompletionException(original), REQUEST)).isSameAs(original);
  }

  @Test
  void translate_whenSdkCallOrAttemptTimesOutOrTimeoutIsTheCause_isTimeout() {
    assertThat(errors.translate(ApiCallTimeoutException.builder().message("call").build(), REQUEST).kind())
        .isEqualTo(Kind.TIMEOUT);
    assertThat(errors.translate(ApiCallAttemptTimeoutException.builder().message("attempt").build(),
        REQUEST).kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(errors.translate(SdkClientException.builder().message("read")
        .cause(new TimeoutException("read timed out")).build(), REQUEST).kind()).isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void translate_whenConnectionRefused_isTransientServerError() {
    ModelException e = errors.translate(SdkClientException.builder().message("connect")
        .cause(new ConnectException("Connection refused")).build(), REQUEST);

    assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void translate_whenNoCredentials_isAccessDeniedSayingHowToProvideThem() {
    ModelException e = errors.translate(SdkClientException.builder().message("Unable to load "
        + "credentials from any of the providers in the chain AwsCredentialsProviderChain").build(), REQUEST);

    assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
    assertThat(e.getMessage()).contains("default provider chain").contains("AWS_PROFILE");
  }

  @Test
  void translate_whenServiceQuotaExceeded_isThrottledAndSaysToRequestAnIncrease() {
    ModelException e = errors.translate(ServiceQuotaExceededException.builder().statusCode(400)
        .message("quota").build(), REQUEST);

    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
    assertThat(e.getMessage()).contains("Service Quotas");
  }

  @ParameterizedTest
  @CsvSource({
      "UnrecognizedClientException, 403, ACCESS_DENIED", "ExpiredTokenException, 403, ACCESS_DENIED",
      "InvalidSignatureException, 403, ACCESS_DENIED", "TooManyRequestsException, 400, THROTTLED",
      "SomethingNew, 502, SERVER_ERROR", "SomethingNew, 404, UNKNOWN_MODEL", "SomethingNew, 418, OTHER"})
  void translate_whenErrorCodeNotModelled_classifiesByCodeThenStatus(String code, int status, Kind kind) {
    assertThat(errors.translate(service(code, status), REQUEST).kind()).isEqualTo(kind);
  }

  @Test
  void translate_whenUnknownRuntimeException_isOtherAndPermanent() {
    ModelException e = errors.translate(new IllegalStateException("surprise"), REQUEST);

    assertThat(e.kind()).isEqualTo(Kind.OTHER);
    assertThat(e.retryable()).isFalse();
  }

  @Property
  void byStatus_isTransientExactlyFor408429And5xx(@ForAll @IntRange(min = 100, max = 599) int status) {
    boolean transientStatus = status == 408 || status == 429 || status >= 500;

    assertThat(BedrockErrors.byStatus(status).isTransient()).isEqualTo(transientStatus);
  }
}
