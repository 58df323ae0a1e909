package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.QuotaExceededException;
import io.skymarshal.model.TokenUsage;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The one naming of failures that logs, metrics and traces share. */
class ErrorTypeTest {

  private static AgentCall call(CallStatus status, String error) {
    return new AgentCall("x", Tier.BUSINESS, Phase.INITIAL, status, 1, 1, 0, "m", TokenUsage.ZERO, 0, false, error);
  }

  @Test
  void agentCall_errorType_isTheExceptionName_orTimeout_orFailed_andNullOnSuccess() {
    assertThat(call(CallStatus.FAILED, "ReplyFormatException: bad reply (after 1 attempt)").errorType())
        .isEqualTo("ReplyFormatException");
    assertThat(call(CallStatus.TIMED_OUT, "timed out after 5 ms (1 attempts)").errorType()).isEqualTo("timeout");
    assertThat(call(CallStatus.FAILED, "no name here").errorType()).isEqualTo("failed");
    assertThat(call(CallStatus.SUCCEEDED, null).errorType()).isNull();
  }

  @Test
  void modelCall_errorTypeOf_namesKinds_localQuota_andTimeouts_throughWrappers() {
    assertThat(ModelCall.errorTypeOf(new CompletionException(
        new ModelException(ModelException.Kind.THROTTLED, "m", "slow down")))).isEqualTo("throttled");
    assertThat(ModelCall.errorTypeOf(new CompletionException(new QuotaExceededException("m", "full"))))
        .isEqualTo("local_quota");
    assertThat(ModelCall.errorTypeOf(new TimeoutExceededException(Timeout.of(Duration.ofSeconds(1)))))
        .isEqualTo("timeout");
    assertThat(ModelCall.errorTypeOf(new IllegalStateException("x"))).isEqualTo("IllegalStateException");
  }
}
