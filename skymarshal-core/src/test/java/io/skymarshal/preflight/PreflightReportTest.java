package io.skymarshal.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.preflight.PreflightCheck.Kind;
import io.skymarshal.preflight.PreflightCheck.Problem;
import io.skymarshal.preflight.PreflightCheck.Status;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class PreflightReportTest {

  private static final PreflightCheck REGION = PreflightCheck.passed("bedrock", Kind.REGION, "us-east-1",
      "known to the AWS SDK");
  private static final PreflightCheck DENIED = PreflightCheck.failed("bedrock", Kind.MODEL, "global.m",
      Problem.ACCESS_DENIED, "refused in region us-east-1", "enable model access");
  private static final PreflightCheck SKIPPED = PreflightCheck.skipped("dynamodb", Kind.TABLE, "t_flights",
      "not tried: the credentials check failed");

  @Test
  void check_whenOutcomeAndProblemDisagree_isRejected() {
    assertThatThrownBy(() -> new PreflightCheck("s", Kind.MODEL, "m", Status.FAILED, Problem.NONE, "d", "r"))
        .hasMessageContaining("problem exactly when it failed");
    assertThatThrownBy(() -> new PreflightCheck("s", Kind.MODEL, "m", Status.PASSED, Problem.NOT_FOUND, "d", ""))
        .hasMessageContaining("problem exactly when it failed");
    assertThatThrownBy(() -> PreflightCheck.failed("s", Kind.MODEL, "m", Problem.NOT_FOUND, "d", " "))
        .hasMessageContaining("says what to do exactly when it failed");
    assertThatThrownBy(() -> new PreflightCheck("s", Kind.MODEL, "m", Status.SKIPPED, Problem.NONE, "d", "r"))
        .hasMessageContaining("says what to do exactly when it failed");
    assertThatThrownBy(() -> PreflightCheck.passed("s", Kind.MODEL, "", "d")).hasMessageContaining("subject");
  }

  @Test
  void check_toString_isOneLineWithWhatToDoForAFailure() {
    assertThat(DENIED).hasToString("bedrock model global.m: FAILED (ACCESS_DENIED): refused in region us-east-1; "
        + "what to do: enable model access");
    assertThat(REGION).hasToString("bedrock region us-east-1: passed: known to the AWS SDK");
    assertThat(SKIPPED.toString()).contains("skipped").doesNotContain("\n");
  }

  @Test
  void report_whenAnyCheckFailed_hasNotPassedAndListsTheFailures() {
    PreflightReport report = PreflightReport.of(REGION, DENIED).plus(PreflightReport.of(SKIPPED));

    assertThat(report.passed()).isFalse();
    assertThat(report.failures()).containsExactly(DENIED);
    assertThat(report.summary()).isEqualTo("3 checks: 1 passed, 1 failed, 1 skipped");
    assertThat(PreflightReport.of(REGION, SKIPPED).passed()).isTrue();
    assertThat(PreflightReport.of().passed()).isTrue();
  }

  @Test
  void table_hasARowPerCheckAlignedAndWhatToDoUnderEachFailure() {
    String table = PreflightReport.of(REGION, DENIED, SKIPPED).table();

    assertThat(table.lines()).containsExactly(
        "service   check   subject    result   detail",
        "bedrock   region  us-east-1  passed   known to the AWS SDK",
        "bedrock   model   global.m   FAILED   refused in region us-east-1",
        "    what to do: enable model access",
        "dynamodb  table   t_flights  skipped  not tried: the credentials check failed");
  }

  @Test
  void transportFailure_namesTheCauseAnSdkWrapped() {
    assertThat(TransportFailure.describe(new CompletionException(new RuntimeException("Unable to execute HTTP request",
        new UnknownHostException("bedrock-runtime.xx-fake-1.amazonaws.com: Name or service not known")))))
        .hasValue("host bedrock-runtime.xx-fake-1.amazonaws.com not found (DNS)");
    assertThat(TransportFailure.describe(new RuntimeException(new ConnectException("Connection refused"))))
        .hasValue("connection refused");
    assertThat(TransportFailure.describe(new RuntimeException(new ConnectException("connection timed out: /10.0.0.1"))))
        .hasValue("connecting timed out");
    assertThat(TransportFailure.describe(new RuntimeException(new SSLHandshakeException("PKIX path building failed"))))
        .hasValue("TLS failed: PKIX path building failed");
    assertThat(TransportFailure.describe(new RuntimeException(new IOException("The connection was closed"))))
        .hasValue("I/O error: The connection was closed");
    assertThat(TransportFailure.describe(new IllegalStateException("a service error"))).isEmpty();
  }
}
