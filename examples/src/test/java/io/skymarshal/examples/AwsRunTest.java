package io.skymarshal.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.core.Decision;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example as CI runs it: --local, through the real AWS SDK to the fake Bedrock. */
class AwsRunTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_whenLocalTwice_decidesTheSampleBothTimesThroughTheFakeBedrock() throws Exception {
    List<Decision> decisions = AwsRun.run(AwsRun.Options.parse("--local", "--runs", "2"), out);

    assertThat(decisions).hasSize(2).allSatisfy(d -> {
      assertThat(d.status()).isEqualTo(Decision.Status.DECIDED);
      assertThat(d.action()).isEqualTo("DELAY");
      assertThat(d.report().calls()).hasSize(15);
      assertThat(d.report().totalCostUsd()).isPositive();
    });
    assertThat(printed()).contains("fake Bedrock served 30 Converse requests")
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
  void parse_whenArgumentsAreWrong_failsSayingWhich() {
    assertThatThrownBy(() -> AwsRun.Options.parse("--fast")).hasMessageContaining("'--fast'");
    assertThatThrownBy(() -> AwsRun.Options.parse("--runs")).hasMessageContaining("--runs needs a value");
    assertThatThrownBy(() -> AwsRun.Options.parse("--runs", "0")).hasMessageContaining("> 0");
  }
}
