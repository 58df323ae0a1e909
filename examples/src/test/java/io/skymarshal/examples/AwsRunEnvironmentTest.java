package io.skymarshal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.examples.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AwsRun as a user starts it, in its own JVM with an environment the test controls: no
 * credentials, an invented region, an endpoint nothing listens on. Each gives one message per
 * failure naming the region, the endpoint and what to do, exit status 1, never the SDK's
 * credential-chain dump, a bare UnknownHostException or a stack trace. No network is used: a
 * check that needs a failed one is skipped, and the endpoints are closed loopback ports.
 */
class AwsRunEnvironmentTest {

  @TempDir
  Path home;

  private Subprocess.Result awsRun(Map<String, String> env, String... args) throws Exception {
    return Subprocess.run(AwsRun.class, home, env, args);
  }

  private static void assertNoRawSdkText(Subprocess.Result r) {
    assertThat(r.all()).doesNotContain("AwsCredentialsProviderChain").doesNotContain("UnknownHostException")
        .doesNotContain("SdkClientException").doesNotContain("\tat ");
  }

  @Test
  void run_whenNoCredentials_saysSoOncePerServiceNamingRegionEndpointAndWhatToDo() throws Exception {
    Subprocess.Result r = awsRun(Map.of("AWS_REGION", "us-east-1"));

    assertThat(r.status()).isEqualTo(ExitCode.FAILED);
    assertThat(r.err()).contains("AwsRun: 2 of 18 checks failed; nothing was decided. What to do:")
        .contains("bedrock credentials default chain: FAILED (NO_CREDENTIALS): no credentials to call Bedrock in "
            + "region us-east-1 at https://bedrock-runtime.us-east-1.amazonaws.com")
        .contains("dynamodb credentials default chain: FAILED (NO_CREDENTIALS): no credentials to call DynamoDB in "
            + "region us-east-1 at https://dynamodb.us-east-1.amazonaws.com")
        .contains("what to do: set SKYMARSHAL_AWS_PROFILE (or AWS_PROFILE) to a profile with credentials");
    assertThat(r.err().lines().filter(l -> l.contains("FAILED"))).hasSize(2);
    assertNoRawSdkText(r);
  }

  @Test
  void check_whenTheRegionIsInvented_failsTheRegionNamingTheEndpointAndCallsNothing() throws Exception {
    Subprocess.Result r = awsRun(Map.of("AWS_REGION", "xx-fake-1", "SKYMARSHAL_REGION", "xx-fake-1",
        "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "not-a-secret"), "--check");

    assertThat(r.status()).isEqualTo(ExitCode.FAILED);
    assertThat(r.err()).contains("AwsRun: 2 of 18 checks failed. What to do:")
        .contains("bedrock region xx-fake-1: FAILED (UNKNOWN_REGION): 'xx-fake-1' is not a region the AWS SDK "
            + "knows, so its endpoint https://bedrock-runtime.xx-fake-1.amazonaws.com cannot exist; what to do: set "
            + "SKYMARSHAL_REGION (or AWS_REGION) to a real region id")
        .contains("dynamodb region xx-fake-1: FAILED (UNKNOWN_REGION)")
        .contains("https://dynamodb.xx-fake-1.amazonaws.com");
    // the credentials were found, and where, without showing them
    assertThat(r.out()).contains("resolved from environment variables AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY")
        .doesNotContain("AKIDEXAMPLE").doesNotContain("not-a-secret");
    assertNoRawSdkText(r);
  }

  @Test
  void run_whenNoEndpointAnswers_failsEachEndpointOnceNamingItAndTheRegion() throws Exception {
    String closed = "http://127.0.0.1:" + closedPort();

    Subprocess.Result r = awsRun(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
        "AWS_SECRET_ACCESS_KEY", "not-a-secret", "SKYMARSHAL_BEDROCK_ENDPOINT", closed), "--dynamodb-endpoint", closed);

    assertThat(r.status()).isEqualTo(ExitCode.FAILED);
    assertThat(r.err())
        .contains("bedrock endpoint " + closed + ": FAILED (UNREACHABLE): cannot reach Bedrock at " + closed
            + " (region us-east-1): connection refused; what to do: check that the endpoint override "
            + "(SKYMARSHAL_BEDROCK_ENDPOINT) " + closed + " is right")
        .contains("dynamodb endpoint " + closed + ": FAILED (UNREACHABLE): cannot reach DynamoDB at " + closed
            + " (region us-east-1): connection refused");
    assertThat(r.err().lines().filter(l -> l.contains("FAILED"))).hasSize(2);
    assertNoRawSdkText(r);
  }

  @Test
  void run_whenNoRegionAtAll_saysWhichSettingToSet() throws Exception {
    Subprocess.Result r = awsRun(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "not-a-secret"), "--check");

    assertThat(r.status()).isEqualTo(ExitCode.FAILED);
    assertThat(r.err()).contains("bedrock region (none): FAILED (NO_REGION)")
        .contains("set SKYMARSHAL_REGION (or AWS_REGION)")
        .contains("dynamodb region (none): FAILED (NO_REGION)")
        .contains("set AWS_REGION (or the profile's region)");
    assertNoRawSdkText(r);
  }

  @Test
  void loadAirline_whenTheEndpointDoesNotAnswer_writesNothingAndSaysWhatToDo() throws Exception {
    String closed = "http://127.0.0.1:" + closedPort();

    Subprocess.Result r = Subprocess.run(LoadAirline.class, home, Map.of("AWS_REGION", "eu-west-1",
        "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "not-a-secret"), "--sample", "--endpoint", closed);

    assertThat(r.status()).isEqualTo(ExitCode.FAILED);
    assertThat(r.err()).isEqualTo("LoadAirline: nothing was written, because these checks failed:\n"
        + "  dynamodb endpoint " + closed + ": FAILED (UNREACHABLE): cannot reach DynamoDB at " + closed
        + " (region eu-west-1): connection refused; what to do: check that the endpoint " + closed
        + " is right and its server is running\n");
    assertThat(r.out()).isEmpty();
  }

  private static int closedPort() {
    return io.skymarshal.testkit.net.RefusedPort.port();
  }
}
