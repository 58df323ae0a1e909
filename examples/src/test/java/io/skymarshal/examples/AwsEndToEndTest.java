package io.skymarshal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.bedrock.BedrockPreflight;
import io.skymarshal.examples.cli.ExitCode;
import io.skymarshal.testkit.bedrock.BedrockFault;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.FakeReply;
import io.skymarshal.testkit.dynamo.DynaliteServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LoadAirline then AwsRun --check as a user runs them against AWS, in their own JVMs with their
 * settings in the environment and credentials from the SDK's default chain; only the endpoints
 * are local (a dynalite and the fake Bedrock of this JVM), so the path that builds the clients
 * from the settings is the one tested.
 */
class AwsEndToEndTest {
  private static final String HAIKU = "global.anthropic.claude-haiku-4-5-20251001-v1:0";

  @TempDir
  Path home;

  @Test
  void loadThenCheck_whenEverythingIsThere_passesEveryCheck_andFailsTheModelBedrockDenies() throws Exception {
    DynaliteServer dynamo = DynaliteServer.shared();
    String prefix = "e2e" + ProcessHandle.current().pid() + "_";
    try (FakeBedrockServer bedrock = FakeBedrockServer.start()) {
      // the first check's two calls (Sonnet, then Haiku) are answered; from the second check on, Haiku is denied
      bedrock.rule(r -> !BedrockPreflight.PING_PROMPT.equals(r.lastUserText())
          ? FakeReply.error(BedrockFault.VALIDATION, "only the preflight calls this fake")
          : r.modelId().equals(HAIKU) && bedrock.requestCount() > 2
              ? FakeReply.error(BedrockFault.ACCESS_DENIED, "You don't have access to the model with the specified model ID.")
              : FakeReply.text("OK"));
      Map<String, String> env = Map.of("AWS_REGION", DynaliteServer.REGION,
          "AWS_ACCESS_KEY_ID", DynaliteServer.ACCESS_KEY_ID, "AWS_SECRET_ACCESS_KEY", DynaliteServer.SECRET_ACCESS_KEY,
          "SKYMARSHAL_BEDROCK_ENDPOINT", bedrock.endpoint().toString());
      String endpoint = dynamo.endpoint().toString();

      Subprocess.Result load = Subprocess.run(LoadAirline.class, home, env, "--sample", "--prefix", prefix,
          "--endpoint", endpoint);
      Subprocess.Result check = Subprocess.run(AwsRun.class, home, env, "--check", "--prefix", prefix,
          "--dynamodb-endpoint", endpoint);
      Subprocess.Result denied = Subprocess.run(AwsRun.class, home, env, "--check", "--prefix", prefix,
          "--dynamodb-endpoint", endpoint);
      Subprocess.Result delete = Subprocess.run(LoadAirline.class, home, env, "--delete", "--prefix", prefix,
          "--endpoint", endpoint);

      assertThat(load.status()).as(load.all()).isEqualTo(ExitCode.OK);
      assertThat(load.out()).contains(prefix + "flights");
      assertThat(check.status()).as(check.all()).isEqualTo(ExitCode.OK);
      assertThat(check.out()).contains("18 checks: 18 passed, 0 failed, 0 skipped")
          .contains("resolved from environment variables AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY")
          .containsPattern("bedrock +endpoint +" + bedrock.endpoint() + " +passed");
      assertThat(check.err()).isEmpty();
      assertThat(denied.status()).isEqualTo(ExitCode.FAILED);
      assertThat(denied.err()).contains("AwsRun: 1 of 18 checks failed. What to do:")
          .contains("bedrock model " + HAIKU + ": FAILED (ACCESS_DENIED)")
          .contains("enable access to this model in the Bedrock console (Model access) of us-east-1");
      assertThat(delete.status()).as(delete.all()).isEqualTo(ExitCode.OK);
    }
  }
}
