package io.skymarshal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.examples.cli.ExitCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

  private record Result(int status, String out, String err) {
    String all() {
      return out + err;
    }
  }

  /** Runs AwsRun with {@code args} in a JVM whose AWS settings are only {@code env}. */
  private Result awsRun(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AwsRun.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("SKYMARSHAL_"));
    // no profile file, no instance metadata: the default chains find only what env gives
    e.put("HOME", home.toString());
    e.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
    e.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
    e.put("AWS_EC2_METADATA_DISABLED", "true");
    e.putAll(env);
    pb.redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("AwsRun did not end");
    }
    return new Result(p.exitValue(), java.nio.file.Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
        java.nio.file.Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private static void assertNoRawSdkText(Result r) {
    assertThat(r.all()).doesNotContain("AwsCredentialsProviderChain").doesNotContain("UnknownHostException")
        .doesNotContain("SdkClientException").doesNotContain("\tat ");
  }

  @Test
  void run_whenNoCredentials_saysSoOncePerServiceNamingRegionEndpointAndWhatToDo() throws Exception {
    Result r = awsRun(Map.of("AWS_REGION", "us-east-1"));

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
    Result r = awsRun(Map.of("AWS_REGION", "xx-fake-1", "SKYMARSHAL_REGION", "xx-fake-1",
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

    Result r = awsRun(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
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
    Result r = awsRun(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "not-a-secret"), "--check");

    assertThat(r.status()).isEqualTo(ExitCode.FAILED);
    assertThat(r.err()).contains("bedrock region (none): FAILED (NO_REGION)")
        .contains("set SKYMARSHAL_REGION (or AWS_REGION)")
        .contains("dynamodb region (none): FAILED (NO_REGION)")
        .contains("set AWS_REGION (or the profile's region)");
    assertNoRawSdkText(r);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
