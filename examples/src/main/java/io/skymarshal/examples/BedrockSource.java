package io.skymarshal.examples;

import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.bedrock.BedrockConfig;
import io.skymarshal.bedrock.BedrockPreflight;
import io.skymarshal.bedrock.ConverseModelClient;
import io.skymarshal.core.Tier;
import io.skymarshal.preflight.PreflightReport;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.FakeReply;
import io.skymarshal.testkit.bedrock.ModelClientRule;
import io.skymarshal.testkit.bedrock.ReplyRule;
import java.util.Locale;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The Bedrock AwsRun calls: on AWS, as {@link BedrockConfig} configures it; with {@code --local},
 * the testkit's fake Bedrock on loopback, answered by the offline model. Either way through the
 * real SDK client. It also gives the preflight of that Bedrock. Used by one thread.
 */
final class BedrockSource implements AutoCloseable {
  /** The region of the fake when the settings name none. */
  static final String LOCAL_REGION = "us-east-1";

  private final BedrockConfig config;
  private final FakeBedrockServer fake;
  private final AwsCredentialsProvider localCredentials;
  private ConverseModelClient client;

  private BedrockSource(BedrockConfig config, FakeBedrockServer fake, AwsCredentialsProvider localCredentials) {
    this.config = config;
    this.fake = fake;
    this.localCredentials = localCredentials;
  }

  /** Bedrock as {@code config} configures it; no client is built until {@link #client()}. */
  static BedrockSource aws(BedrockConfig config) {
    return new BedrockSource(config, null, null);
  }

  /**
   * A fake Bedrock on loopback whose rule answers the preflight's minimal calls with {@code OK}
   * and every other call with the offline model; {@code rule} may wrap that rule (tests inject
   * faults with it).
   */
  static BedrockSource local(BedrockConfig config, UnaryOperator<ReplyRule> rule) {
    ReplyRule offline = ModelClientRule.of(OfflineModel.create());
    ReplyRule answering = request -> BedrockPreflight.PING_PROMPT.equals(request.lastUserText())
        ? FakeReply.text("OK").withUsage(14, 2) : offline.reply(request);
    // HTTPS, as the real endpoint is: --local exercises the production transport
    FakeBedrockServer fake = FakeBedrockServer.startHttps();
    fake.rule(rule.apply(answering));
    return new BedrockSource(config, fake,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
  }

  /** The client the agents call, built on first use; closed by {@link #close()}. */
  ConverseModelClient client() {
    if (client == null) {
      client = fake == null ? config.newClient() : ConverseModelClient.builder()
          .region(region())
          .credentialsProvider(localCredentials)
          .endpointOverride(fake.endpoint())
          .tlsTrustManagersProvider(fake::trustManagers)
          .build();
    }
    return client;
  }

  /** The checks of this Bedrock: region, credentials, endpoint, each routed model. */
  PreflightReport preflight() {
    if (fake == null) {
      return BedrockPreflight.forConfig(config).run();
    }
    return BedrockPreflight.builder().region(region()).credentialsProvider(localCredentials)
        .endpointOverride(fake.endpoint()).routing(config.routing()).modelClient(client()).build().run();
  }

  /** Where the calls go, for the program's header. Holds no credentials. */
  String description() {
    return fake == null ? "Bedrock: " + config
        : "Bedrock: fake at " + fake.endpoint() + ", answered by the offline model, via the AWS SDK";
  }

  /** The model of each tier, in one line. */
  String models() {
    StringBuilder sb = new StringBuilder();
    for (Tier tier : Tier.values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(tier).append('=')
          .append(config.routing().profileFor(tier.name().toLowerCase(Locale.ROOT), tier).modelId());
    }
    return sb.toString();
  }

  /** With {@code --local}, how many Converse requests the fake served; else -1. */
  int fakeRequests() {
    return fake == null ? -1 : fake.requestCount();
  }

  private String region() {
    return config.region().orElse(LOCAL_REGION);
  }

  @Override
  public void close() {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (fake != null) {
        fake.close();
      }
    }
  }
}
