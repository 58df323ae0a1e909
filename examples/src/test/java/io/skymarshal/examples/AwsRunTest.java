package io.skymarshal.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.testkit.airline.AirlineSamples;
import io.skymarshal.testkit.dynamo.DynamoRequestLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example as CI runs it: --local, through the real AWS SDK to the fake Bedrock and to a
 * dynalite server loaded with the sample airline.
 */
class AwsRunTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
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
  void run_whenLocalTwice_decidesAsTheQuickStartReadingFromDynamo() throws Exception {
    Decision expected = quickStartDecision();
    assertThat(expected.status()).isEqualTo(Decision.Status.DECIDED);
    assertThat(expected.action()).isEqualTo("DELAY");

    List<AwsRun.RunResult> runs = AwsRun.run(AwsRun.Options.parse("--local", "--prefix", "awsrun_", "--runs", "2"), out);

    assertThat(runs).hasSize(2).allSatisfy(r -> {
      Decision d = r.decision();
      assertThat(d.status()).isEqualTo(expected.status());
      assertThat(d.action()).isEqualTo(expected.action());
      assertThat(d.ruling()).isEqualTo(expected.ruling());
      assertThat(d.recommendations()).isEqualTo(expected.recommendations());
      assertThat(d.report().calls()).hasSize(15);
      assertThat(d.report().totalCostUsd()).isPositive();
      // the agents read the airline from the tables: item reads batched, by-flight reads queried
      assertThat(r.requestCounts()).containsKeys("BatchGetItem", "Query");
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
        .contains("DynamoDB requests by the agents: {BatchGetItem=")
        .contains("fake Bedrock served 30 Converse requests")
        .contains("== run 1 of 2: DECIDED DELAY").contains("== run 2 of 2: DECIDED DELAY")
        .contains("global.anthropic.claude-sonnet-4-5-20250929-v1:0")
        .contains("global.anthropic.claude-haiku-4-5-20251001-v1:0")
        .contains("calls reading from the prompt cache");
  }

  @Test
  void run_whenJsonAndDisruptionFile_printsTheDecisionAsJson(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("disruption.json");
    Files.writeString(file, AirlineSamples.sampleDisruptionJson());

    AwsRun.run(AwsRun.Options.parse("--local", "--json", "--disruption", file.toString()), out);

    String text = printed();
    JsonNode node = new ObjectMapper().readTree(text.substring(text.indexOf("\n{") + 1));
    assertThat(node.isObject()).isTrue();
    assertThat(node.toString()).contains("\"DECIDED\"").contains("\"DELAY\"");
  }

  @Test
  void run_whenTheDisruptedFlightIsNotInTheTables_failsSayingHowToLoadIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("disruption.json");
    Files.writeString(file, AirlineSamples.sampleDisruptionJson().replace("\"EY123\"", "\"EY999\""));

    assertThatThrownBy(() -> AwsRun.run(AwsRun.Options.parse("--local", "--disruption", file.toString()), out))
        .isInstanceOf(SkyMarshalException.class)
        .hasMessageContaining("flight EY999")
        .hasMessageContaining("skymarshal_flights")
        .hasMessageContaining("LoadAirline --sample --prefix skymarshal_");
  }

  @Test
  void parse_whenArgumentsAreWrong_failsSayingWhich() {
    assertThatThrownBy(() -> AwsRun.Options.parse("--fast")).hasMessageContaining("'--fast'");
    assertThatThrownBy(() -> AwsRun.Options.parse("--runs")).hasMessageContaining("--runs needs a value");
    assertThatThrownBy(() -> AwsRun.Options.parse("--runs", "0")).hasMessageContaining("> 0");
    assertThatThrownBy(() -> AwsRun.Options.parse("--prefix")).hasMessageContaining("--prefix needs a value");
  }
}
