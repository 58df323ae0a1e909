package io.skymarshal.testkit.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasebookMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(String... args) {
    return CasebookMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> lines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static void write(Path dir, String name, String statuses) throws IOException {
    String reference = Casebook.builtIn().scenario("reference-ey123-hydraulic-180").orElseThrow().source();
    String json = new String(CasebookMainTest.class.getClassLoader()
        .getResourceAsStream(reference.substring("classpath:".length())).readAllBytes(), StandardCharsets.UTF_8);
    int expect = json.indexOf("\"expect\"");
    Files.writeString(dir.resolve(name + ".json"), json.substring(0, expect)
            .replace("\"reference-ey123-hydraulic-180\"", "\"" + name + "\"")
        + "\"expect\": [{\"check\": \"status\", \"any_of\": " + statuses + "}]}");
  }

  @Test
  void main_printsALinePerScenarioAndTheSummary_exitingOneWhenOneFailed(@TempDir Path dir) throws IOException {
    write(dir, "any-status", "[\"DECIDED\", \"DEGRADED\", \"REFERRED\", \"HALTED\"]");
    write(dir, "no-status", "[\"DEGRADED\"]");
    int status = main("--no-built-in", "--dir", dir.toString());
    assertThat(lines()).hasSize(3);
    assertThat(lines().get(0)).startsWith("PASS any-status ");
    assertThat(lines().get(1)).startsWith("FAIL no-status ").contains(" -- failed status: status is ");
    assertThat(lines().get(2)).isEqualTo("Casebook: 1 passed, 1 failed");
    assertThat(status).isEqualTo(1);
  }

  @Test
  void main_onlyPassingScenarios_exitsZero(@TempDir Path dir) throws IOException {
    write(dir, "any-status", "[\"DECIDED\", \"DEGRADED\", \"REFERRED\", \"HALTED\"]");
    assertThat(main("--no-built-in", "--dir", dir.toString())).isZero();
    assertThat(lines()).containsExactly(lines().get(0), "Casebook: 1 passed, 0 failed");
  }

  @Test
  void main_only_runsTheNamedBuiltInScenario() {
    main("--only", "slot-lost");
    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).matches("(PASS|FAIL) slot-lost .*");
    assertThat(lines().get(1)).matches("Casebook: [01] passed, [01] failed");
  }

  @Test
  void main_badArgumentsOrFiles_exitTwoWithAMessage(@TempDir Path dir) throws IOException {
    assertThat(main("--frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --frobnicate").contains("usage:");
    assertThat(main("--only", "no-such-case")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no scenario named no-such-case");
    Files.writeString(dir.resolve("broken.json"), "{");
    assertThat(main("--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("scenario file " + dir.resolve("broken.json"));
    assertThat(out.size()).isZero();
  }
}
