package io.skymarshal.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelRouting;
import io.skymarshal.preflight.PreflightCheck;
import io.skymarshal.preflight.PreflightCheck.Kind;
import io.skymarshal.preflight.PreflightCheck.Problem;
import io.skymarshal.preflight.PreflightCheck.Status;
import io.skymarshal.preflight.PreflightReport;
import io.skymarshal.testkit.bedrock.BedrockFault;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.FakeReply;
import io.skymarshal.testkit.bedrock.RecordedConverse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The Bedrock preflight through the real SDK client against the fake Bedrock. */
class BedrockPreflightTest {

  private static final String SONNET = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";
  private static final String HAIKU = "global.anthropic.claude-haiku-4-5-20251001-v1:0";
  private static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret-never-logged"));

  private static FakeBedrockServer fake;
  private static ConverseModelClient client;

  @BeforeAll
  static void startFake() {
    fake = FakeBedrockServer.start();
    client = TestClients.client(fake);
  }

  @AfterAll
  static void stopFake() {
    client.close();
    fake.close();
  }

  @BeforeEach
  void reset() {
    fake.reset();
  }

  /** A preflight of the fake, building its own client. */
  private static BedrockPreflight.Builder ownClientOnFake() {
    return BedrockPreflight.builder().region(TestClients.REGION).credentialsProvider(CREDENTIALS)
        .endpointOverride(fake.endpoint());
  }

  /** A preflight of the fake through the tests' shared client (closing a client takes about 2 s). */
  private static BedrockPreflight.Builder onFake() {
    return ownClientOnFake().modelClient(client);
  }

  private static PreflightCheck check(PreflightReport report, Kind kind, String subject) {
    return report.checks().stream().filter(c -> c.kind() == kind && c.subject().equals(subject)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " check of " + subject + " in\n" + report.table()));
  }

  private static List<RecordedConverse> requests() {
    List<RecordedConverse> out = new ArrayList<>();
    for (int i = fake.requestCount(); i > 0; i--) {
      out.add(fake.takeRequest());
    }
    return out;
  }

  @Test
  void run_whenEveryModelAnswers_passesEachCheckCallingEachModelIdOnce() {
    fake.rule(r -> FakeReply.text("OK").withUsage(14, 2));

    PreflightReport report = ownClientOnFake().build().run();

    assertThat(report.passed()).as(report.table()).isTrue();
    assertThat(report.checks()).extracting(PreflightCheck::kind)
        .containsExactly(Kind.REGION, Kind.CREDENTIALS, Kind.ENDPOINT, Kind.MODEL, Kind.MODEL);
    assertThat(report.checks()).allMatch(c -> c.status() == Status.PASSED && c.service().equals("bedrock"));
    assertThat(check(report, Kind.REGION, "eu-west-1").detail()).contains("known to the AWS SDK");
    assertThat(check(report, Kind.CREDENTIALS, "StaticCredentialsProvider").detail())
        .contains("StaticCredentialsProvider").doesNotContain("AKIDTEST").doesNotContain("secret");
    assertThat(check(report, Kind.ENDPOINT, fake.endpoint().toString()).detail()).contains("eu-west-1");
    assertThat(check(report, Kind.MODEL, SONNET).detail()).contains("safety, arbitrator").contains("14 tokens in");
    assertThat(check(report, Kind.MODEL, HAIKU).detail()).contains("business");
    // the minimal call: one user message, the ping prompt, a small output limit, no system prompt, no tool
    List<RecordedConverse> sent = requests();
    assertThat(sent).extracting(RecordedConverse::modelId).containsExactlyInAnyOrder(SONNET, HAIKU);
    assertThat(sent).allSatisfy(r -> {
      assertThat(r.lastUserText()).isEqualTo(BedrockPreflight.PING_PROMPT);
      assertThat(r.maxTokens()).hasValue(BedrockPreflight.PING_MAX_TOKENS);
      assertThat(r.systemTexts()).isEmpty();
      assertThat(r.toolNames()).isEmpty();
    });
  }

  @Test
  void run_whenBedrockDeniesAccessToOneModel_failsThatModelSayingToEnableAccess() {
    fake.rule(r -> r.modelId().equals(HAIKU)
        ? FakeReply.error(BedrockFault.ACCESS_DENIED, "You don't have access to the model with the specified model ID.")
        : FakeReply.text("OK"));

    PreflightReport report = onFake().build().run();

    assertThat(report.passed()).isFalse();
    assertThat(report.failures()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Kind.MODEL);
      assertThat(c.subject()).isEqualTo(HAIKU);
      assertThat(c.problem()).isEqualTo(Problem.ACCESS_DENIED);
      assertThat(c.detail()).contains("eu-west-1").contains("AccessDeniedException").contains("HTTP 403")
          .contains("don't have access");
      assertThat(c.remedy()).contains("Model access").contains("eu-west-1").contains("bedrock:InvokeModel");
    });
    assertThat(check(report, Kind.MODEL, SONNET).status()).isEqualTo(Status.PASSED);
    assertThat(check(report, Kind.ENDPOINT, fake.endpoint().toString()).status()).isEqualTo(Status.PASSED);
    assertThat(report.table()).contains("FAILED").contains("what to do: enable access to this model");
  }

  @Test
  void run_whenAModelIsUnknownOrThrottled_failsItWithThatProblem() {
    fake.rule(r -> r.modelId().equals(HAIKU) ? FakeReply.error(BedrockFault.RESOURCE_NOT_FOUND)
        : FakeReply.error(BedrockFault.THROTTLING));

    PreflightReport report = onFake().build().run();

    assertThat(check(report, Kind.MODEL, HAIKU).problem()).isEqualTo(Problem.NOT_FOUND);
    assertThat(check(report, Kind.MODEL, HAIKU).remedy()).contains("model id");
    assertThat(check(report, Kind.MODEL, SONNET).problem()).isEqualTo(Problem.THROTTLED);
    assertThat(check(report, Kind.MODEL, SONNET).remedy()).contains("Service Quotas");
    // the endpoint answered, even if with errors
    assertThat(check(report, Kind.ENDPOINT, fake.endpoint().toString()).status()).isEqualTo(Status.PASSED);
  }

  @Test
  void run_whenTheRoutingHasAnAgentOfItsOwn_callsItsModelTooNamingTheAgent() {
    String opus = "global.anthropic.claude-opus-4-5-20251101-v1:0";
    fake.rule(r -> FakeReply.text("OK"));
    ModelRouting routing = BedrockModels.defaultRouting(InferenceGeography.GLOBAL).toBuilder()
        .agent("fuel", ModelProfiles.CLAUDE_SONNET_4_5.withModelId(opus)).knownAgent("fuel", Tier.BUSINESS).build();

    PreflightReport report = onFake().routing(routing).build().run();

    assertThat(report.passed()).as(report.table()).isTrue();
    assertThat(check(report, Kind.MODEL, opus).detail()).contains("agent fuel");
    assertThat(requests()).hasSize(3);
  }

  @Test
  void run_whenTheRegionIsInvented_failsTheRegionAndCallsNothing() {
    PreflightReport report = BedrockPreflight.builder().region("xx-fake-1").credentialsProvider(CREDENTIALS).build()
        .run();

    PreflightCheck region = report.checks().get(0);
    assertThat(region.problem()).isEqualTo(Problem.UNKNOWN_REGION);
    assertThat(region.subject()).isEqualTo("xx-fake-1");
    assertThat(region.detail()).contains("'xx-fake-1' is not a region the AWS SDK knows, so its endpoint https://bedrock-runtime.xx-fake-1.amazonaws.com cannot exist");
    assertThat(region.remedy()).contains("SKYMARSHAL_REGION").contains("us-east-1");
    assertThat(report.failures()).hasSize(1);
    PreflightCheck endpoint = report.checks().get(2);
    assertThat(endpoint.kind()).isEqualTo(Kind.ENDPOINT);
    assertThat(endpoint.subject()).isEqualTo("https://bedrock-runtime.xx-fake-1.amazonaws.com");
    assertThat(endpoint.status()).isEqualTo(Status.SKIPPED);
    assertThat(endpoint.detail()).contains("region check failed");
    assertThat(report.checks().subList(3, 5)).allMatch(c -> c.kind() == Kind.MODEL && c.status() == Status.SKIPPED);
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void run_whenNoCredentialsResolve_failsCredentialsNamingRegionAndEndpoint() {
    AwsCredentialsProvider none = () -> {
      throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
    };

    PreflightReport withNone = BedrockPreflight.builder().region("us-east-1").credentialsProvider(none)
        .endpointOverride(fake.endpoint()).build().run();

    assertThat(withNone.failures()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Kind.CREDENTIALS);
      assertThat(c.problem()).isEqualTo(Problem.NO_CREDENTIALS);
      assertThat(c.detail()).contains("us-east-1").contains(fake.endpoint().toString());
    });
    assertThat(withNone.checks()).filteredOn(c -> c.kind() == Kind.MODEL)
        .allSatisfy(c -> assertThat(c.detail()).contains("credentials check failed"));
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void run_whenTheEndpointRefusesConnections_failsTheEndpointOnceNamingItAndTheRegion() throws IOException {
    URI closed = closedPort();

    // a refusal is immediate; the long bound only keeps a loaded machine's slow client start from
    // turning it into "no answer"
    PreflightReport report = BedrockPreflight.builder().region("us-east-1").credentialsProvider(CREDENTIALS)
        .endpointOverride(closed).timeout(java.time.Duration.ofSeconds(60)).build().run();

    assertThat(report.failures()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Kind.ENDPOINT);
      assertThat(c.problem()).isEqualTo(Problem.UNREACHABLE);
      assertThat(c.detail()).isEqualTo("cannot reach Bedrock at " + closed + " (region us-east-1): connection refused");
      assertThat(c.remedy()).contains("SKYMARSHAL_BEDROCK_ENDPOINT").contains(closed.toString());
    });
    assertThat(report.checks()).filteredOn(c -> c.kind() == Kind.MODEL).hasSize(2)
        .allMatch(c -> c.status() == Status.SKIPPED && c.detail().contains("endpoint cannot be reached"));
  }

  @Test
  void run_whenTheFirstModelNeverAnswers_failsTheEndpointAfterTheTimeout() {
    PreflightReport report = BedrockPreflight.builder().region("us-east-1").credentialsProvider(CREDENTIALS)
        .modelClient(request -> new CompletableFuture<>()).timeout(Duration.ofMillis(50)).build().run();

    assertThat(report.failures()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Kind.ENDPOINT);
      assertThat(c.subject()).isEqualTo("https://bedrock-runtime.us-east-1.amazonaws.com");
      assertThat(c.detail()).contains("no answer within 50 ms");
    });
  }

  @Test
  void builder_whenASettingIsWrongOrRepeated_failsNamingIt() {
    assertThatThrownBy(() -> BedrockPreflight.builder().region(" ")).hasMessageContaining("region");
    assertThatThrownBy(() -> BedrockPreflight.builder().timeout(Duration.ZERO)).hasMessageContaining("timeout");
    assertThatThrownBy(() -> BedrockPreflight.builder().region("us-east-1").region("eu-west-1"))
        .hasMessageContaining("region was already set");
    assertThatThrownBy(() -> BedrockPreflight.builder().awsProfile("p").credentialsProvider(CREDENTIALS))
        .hasMessageContaining("awsProfile is set");
    assertThatThrownBy(() -> BedrockPreflight.builder().endpointOverride(URI.create("localhost")))
        .hasMessageContaining("scheme and host");
  }

  private static URI closedPort() {
    return io.skymarshal.testkit.net.RefusedPort.httpUri();
  }
}
