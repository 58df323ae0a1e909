package io.skymarshal.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.bedrock.BedrockConfig;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.examples.cli.ExitCode;
import io.skymarshal.preflight.PreflightCheck;
import io.skymarshal.preflight.PreflightCheck.Kind;
import io.skymarshal.preflight.PreflightCheck.Problem;
import io.skymarshal.preflight.PreflightReport;
import io.skymarshal.testkit.airline.AirlineSamples;
import io.skymarshal.testkit.bedrock.BedrockFault;
import io.skymarshal.testkit.bedrock.FakeReply;
import io.skymarshal.testkit.bedrock.ReplyRule;
import io.skymarshal.testkit.dynamo.DynamoRequestLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The example as CI runs it: --local, through the real AWS SDK to the fake Bedrock and to a
 * dynalite server loaded with the sample airline; with the preflight first, or --check alone.
 */
class AwsRunTest {

  private static final String HAIKU = "global.anthropic.claude-haiku-4-5-20251001-v1:0";
  // no SKYMARSHAL_* settings, whatever the environment of the build
  private static final BedrockConfig CONFIG = BedrockConfig.from(Map.of(), new Properties());

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String errors() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  private AwsRun.Outcome execute(UnaryOperator<ReplyRule> rule, String... args) throws Exception {
    return AwsRun.execute(AwsRun.Options.parse(args), CONFIG, rule, out, err);
  }

  private AwsRun.Outcome execute(String... args) throws Exception {
    return execute(UnaryOperator.identity(), args);
  }

  // what the offline quick start decides for the same sample, from memory
  private static Decision quickStartDecision() {
    try (Orchestrator orchestrator = Orchestrator.builder()
        .agents(AirlineAgents.all())
        .arbitrator(AirlineAgents.arbitrator())
        .modelClient(OfflineModel.create())
        .data(AirlineData.inMemory(AirlineSamples.ey123Airline()))
        .build()) {
      return orchestrator.run(AirlineSamples.ey123Disruption());
    }
  }

  @Test
  void run_whenLocalTwice_checksThenDecidesAsTheQuickStartReadingFromDynamo() throws Exception {
    Decision expected = quickStartDecision();
    assertThat(expected.status()).isEqualTo(Decision.Status.DECIDED);
    assertThat(expected.action()).isEqualTo("DELAY");

    AwsRun.Outcome outcome = execute("--local", "--prefix", "awsrun_", "--runs", "2");

    assertThat(outcome.exitStatus()).isEqualTo(ExitCode.OK);
    assertThat(outcome.preflight()).hasValueSatisfying(p -> assertThat(p.passed()).as(p.table()).isTrue());
    List<AwsRun.RunResult> runs = outcome.runs();
    assertThat(runs).hasSize(2).allSatisfy(r -> {
      Decision d = r.decision();
      assertThat(d.status()).isEqualTo(expected.status());
      assertThat(d.action()).isEqualTo(expected.action());
      assertThat(d.ruling()).isEqualTo(expected.ruling());
      assertThat(d.recommendations()).isEqualTo(expected.recommendations());
      assertThat(d.report().calls()).hasSize(15);
      assertThat(d.report().totalCostUsd()).isPositive();
      // the agents read the airline from the tables: item reads batched, by-flight reads queried
      assertThat(r.requestCounts()).containsKeys("BatchGetItem", "Query").doesNotContainKey("DescribeTable");
      assertThat(r.dynamoRequests()).extracting(DynamoRequestLog.Entry::request).allSatisfy(req -> {
        if (req instanceof BatchGetItemRequest b) {
          assertThat(b.requestItems().keySet()).allMatch(t -> t.startsWith("awsrun_"));
        } else if (req instanceof QueryRequest q) {
          assertThat(q.tableName()).startsWith("awsrun_");
        }
      });
    });
    assertThat(runs.get(0).dynamoRequests()).anySatisfy(e -> assertThat(e.request())
        .isInstanceOfSatisfying(BatchGetItemRequest.class,
            b -> assertThat(b.requestItems()).containsKey("awsrun_flights")));
    assertThat(printed()).contains("dynalite at http://127.0.0.1:").contains("tables awsrun_*")
        .contains("18 checks: 18 passed, 0 failed, 0 skipped")
        .contains("DynamoDB requests by the agents: {BatchGetItem=")
        // 2 minimal calls of the preflight, one per model id, then 15 calls a run
        .contains("fake Bedrock served 32 Converse requests")
        .contains("== run 1 of 2: DECIDED DELAY").contains("== run 2 of 2: DECIDED DELAY")
        .contains("global.anthropic.claude-sonnet-4-5-20250929-v1:0")
        .contains(HAIKU)
        .contains("calls reading from the prompt cache");
    assertThat(errors()).isEmpty();
  }

  @Test
  void check_whenLocal_printsEveryCheckAndDecidesNothing() throws Exception {
    AwsRun.Outcome outcome = execute("--local", "--check", "--prefix", "awscheck_");

    assertThat(outcome.exitStatus()).isEqualTo(ExitCode.OK);
    assertThat(outcome.runs()).isEmpty();
    PreflightReport report = outcome.preflight().orElseThrow();
    assertThat(report.checks()).extracting(PreflightCheck::service).containsOnly("bedrock", "dynamodb");
    assertThat(report.checks()).filteredOn(c -> c.kind() == Kind.MODEL).extracting(PreflightCheck::subject)
        .containsExactly("global.anthropic.claude-sonnet-4-5-20250929-v1:0", HAIKU);
    assertThat(report.checks()).filteredOn(c -> c.kind() == Kind.TABLE).hasSize(10);
    assertThat(printed()).containsPattern("bedrock +model +" + HAIKU.replace(".", "\\.") + " +passed +answered")
        .containsPattern("dynamodb +table +awscheck_flights +passed +ACTIVE")
        .doesNotContain("== run");
  }

  @Test
  void check_whenBedrockDeniesAccessToOneModel_failsSayingWhatToDoAndExitsOne() throws Exception {
    UnaryOperator<ReplyRule> denyHaiku = rule -> request -> request.modelId().equals(HAIKU)
        ? FakeReply.error(BedrockFault.ACCESS_DENIED, "You don't have access to the model with the specified model ID.")
        : rule.reply(request);

    AwsRun.Outcome check = execute(denyHaiku, "--local", "--check", "--prefix", "awsdeny_");
    AwsRun.Outcome run = execute(denyHaiku, "--local", "--prefix", "awsdeny2_");

    assertThat(check.exitStatus()).isEqualTo(ExitCode.FAILED);
    assertThat(check.preflight().orElseThrow().failures()).singleElement().satisfies(c -> {
      assertThat(c.subject()).isEqualTo(HAIKU);
      assertThat(c.problem()).isEqualTo(Problem.ACCESS_DENIED);
    });
    assertThat(printed()).containsPattern("bedrock +model +" + HAIKU.replace(".", "\\.") + " +FAILED +refused")
        .contains("    what to do: enable access to this model in the Bedrock console (Model access) of us-east-1");
    assertThat(errors()).contains("AwsRun: 1 of 18 checks failed. What to do:")
        .contains("AwsRun: 1 of 18 checks failed; nothing was decided. What to do:")
        .contains("bedrock model " + HAIKU + ": FAILED (ACCESS_DENIED)");
    // without --check the same failure stops the program before anything is decided
    assertThat(run.exitStatus()).isEqualTo(ExitCode.FAILED);
    assertThat(run.runs()).isEmpty();
  }

  @Test
  void run_whenASafetyAgentCannotCallItsModel_haltsExitsThreeAndSaysAPersonMustAct() throws Exception {
    // the preflight's minimal calls pass; every call of the maintenance agent is refused
    UnaryOperator<ReplyRule> failMaintenance = rule -> request -> request.forcedTool().orElse("")
        .equals("maintenance_reply") ? FakeReply.error(BedrockFault.ACCESS_DENIED) : rule.reply(request);

    AwsRun.Outcome outcome = execute(failMaintenance, "--local", "--prefix", "awshalt_");

    assertThat(outcome.exitStatus()).isEqualTo(ExitCode.NO_DECISION);
    assertThat(outcome.runs()).singleElement()
        .satisfies(r -> assertThat(r.decision().status()).isEqualTo(Decision.Status.HALTED));
    assertThat(printed()).contains("== run 1 of 1: HALTED");
    assertThat(errors()).startsWith("AwsRun: run 1 of 1: HALTED: no decision was made, a person must act: "
        + "SAFETY agent maintenance");
  }

  @Test
  void run_whenJsonAndDisruptionFile_printsOnlyTheDecisionAsJsonOnStandardOutput(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("disruption.json");
    Files.writeString(file, AirlineSamples.sampleDisruptionJson());

    AwsRun.Outcome outcome = execute("--local", "--json", "--disruption", file.toString(), "--prefix", "awsjson_");

    assertThat(outcome.exitStatus()).isEqualTo(ExitCode.OK);
    JsonNode node = new ObjectMapper().readTree(printed());
    assertThat(node.isObject()).isTrue();
    assertThat(node.toString()).contains("\"DECIDED\"").contains("\"DELAY\"");
    // the header and the preflight table go to standard error, keeping standard output JSON
    assertThat(errors()).contains("dynalite at").contains("18 checks: 18 passed");
  }

  @Test
  void run_whenTheDisruptedFlightIsNotInTheTables_failsSayingHowToLoadIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("disruption.json");
    Files.writeString(file, AirlineSamples.sampleDisruptionJson().replace("\"EY123\"", "\"EY999\""));

    assertThatThrownBy(() -> execute("--local", "--no-check", "--disruption", file.toString()))
        .isInstanceOf(SkyMarshalException.class)
        .hasMessageContaining("flight EY999")
        .hasMessageContaining("skymarshal_flights")
        .hasMessageContaining("LoadAirline --sample --prefix skymarshal_");
  }

  @Test
  void parse_readsEveryOption() throws Exception {
    AwsRun.Options o = AwsRun.Options.parse("--check", "--prefix=p_", "--runs", "3", "--dynamodb-endpoint",
        "http://127.0.0.1:4567", "--disruption", "d.json", "--json");

    assertThat(o.check()).isTrue();
    assertThat(o.local()).isFalse();
    assertThat(o.prefix()).isEqualTo("p_");
    assertThat(o.runs()).isEqualTo(3);
    assertThat(o.dynamoEndpoint()).hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(4567));
    assertThat(o.disruptionFile()).contains(Path.of("d.json"));
    assertThat(o.json()).isTrue();
    assertThatThrownBy(() -> AwsRun.Options.parse("--local", "--dynamodb-endpoint", "http://h:1"))
        .hasMessageContaining("--local starts its own DynamoDB");
  }
}
