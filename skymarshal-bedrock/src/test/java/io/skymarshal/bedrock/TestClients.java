package io.skymarshal.bedrock;

import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Clients on a fake Bedrock (HTTPS, as Bedrock is, unless a test says otherwise), and requests, for the tests. */
final class TestClients {

  static final String REGION = "eu-west-1";

  private TestClients() {}

  static ConverseModelClient client(FakeBedrockServer server) {
    return client(server, ConverseModelClient.DEFAULT_CALL_TIMEOUT);
  }

  /**
   * The production client on {@code server}: only the region, static credentials, the endpoint and,
   * for an HTTPS fake, trust in its certificate differ from a deployment's.
   */
  static ConverseModelClient client(FakeBedrockServer server, Duration callTimeout) {
    ConverseModelClient.Builder b = ConverseModelClient.builder()
        .region(REGION)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDTEST", "test-secret-never-logged")))
        .endpointOverride(server.endpoint())
        .callTimeout(callTimeout)
        .connectTimeout(Duration.ofSeconds(2));
    if (server.isHttps()) {
      b.tlsTrustManagersProvider(server::trustManagers);
    }
    return b.build();
  }

  static ModelRequest request(ModelProfile profile, String system, boolean cache, ReplyFormat format,
      Message... messages) {
    return new ModelRequest("test_agent", Tier.SAFETY, Phase.INITIAL, profile, system, cache,
        List.of(messages), format);
  }

  static ModelRequest request(ModelProfile profile, String userText) {
    return request(profile, "You are a test agent.", false, null, Message.user(userText));
  }
}
