package io.skymarshal.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.FakeReply;
import io.skymarshal.testkit.bedrock.RecordedConverse;
import io.skymarshal.testkit.tls.LoopbackCertificate;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production client as a deployment builds it, over TLS as Bedrock speaks it: nothing is set
 * but what a deployment sets in its environment (the region and credentials through the SDK's own
 * chains, the JVM's trust store) and the endpoint, pointed at an HTTPS fake.
 *
 * <p>Regression test for issue 10: with {@code Protocol.HTTP1_1} and no protocol negotiation
 * setting, the SDK took Bedrock Runtime's default ALPN, which its Netty client does not support
 * with HTTP/1.1: every TLS connection was closed and no call ever got a reply.
 */
class ConverseOverTlsTest {

  @TempDir
  Path dir;

  @Test
  void fromEnvironment_whenOnlyTheEndpointPointsAtAnHttpsFake_getsTheReplyOverTls() throws Exception {
    try (FakeBedrockServer server = FakeBedrockServer.startHttps()) {
      server.enqueue(FakeReply.text("cleared over TLS").withUsage(21, 4));
      Path trustStore = server.certificate().writeTrustStore(dir.resolve("fake-bedrock.p12"));
      Map<String, String> deployment = Map.of(
          // what the JVM trusts: the fake's certificate stands in for Amazon's public CA
          "javax.net.ssl.trustStore", trustStore.toString(),
          "javax.net.ssl.trustStorePassword", LoopbackCertificate.TRUST_STORE_PASSWORD,
          "javax.net.ssl.trustStoreType", "PKCS12",
          // the SDK's own region and credential chains, as AWS_REGION and AWS_ACCESS_KEY_ID would
          "aws.region", "eu-west-1",
          "aws.accessKeyId", "AKIDTLSTEST",
          "aws.secretAccessKey", "tls-test-secret",
          // the one SkyMarshal setting
          "skymarshal.bedrock.endpoint", server.endpoint().toString());

      ModelReply reply = withSystemProperties(deployment, () -> {
        BedrockConfig config = BedrockConfig.fromEnvironment();
        try (ConverseModelClient client = config.newClient()) {
          ModelProfile safety = config.routing().profileFor("crew_compliance", Tier.SAFETY);
          return client.call(new ModelRequest("crew_compliance", Tier.SAFETY, Phase.INITIAL, safety,
              "You are a test agent.", false, List.of(Message.user("clear EY123?")), null))
              .get(30, TimeUnit.SECONDS);
        }
      });

      assertThat(server.endpoint().getScheme()).isEqualTo("https");
      assertThat(reply.text()).isEqualTo("cleared over TLS");
      assertThat(reply.usage().inputTokens()).isEqualTo(21);
      RecordedConverse sent = server.takeRequest();
      assertThat(sent.modelId()).isEqualTo("global.anthropic.claude-sonnet-4-5-20250929-v1:0");
      assertThat(sent.header("Authorization")).contains("Credential=AKIDTLSTEST/").contains("/eu-west-1/bedrock/");
    }
  }

  interface Work<T> {
    T run() throws Exception;
  }

  /** Runs {@code work} with {@code properties} set, then puts every property back as it was. */
  static <T> T withSystemProperties(Map<String, String> properties, Work<T> work) throws Exception {
    Map<String, String> before = new HashMap<>();
    properties.keySet().forEach(k -> before.put(k, System.getProperty(k)));
    properties.forEach(System::setProperty);
    try {
      return work.run();
    } finally {
      before.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }
}
