package io.skymarshal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.examples.cli.ExitCode;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every example program behaves like a tool: --help prints its usage and exits 0; bad arguments
 * print what is wrong and the usage and exit 2, never a stack trace; the deciding programs exit
 * 0 on a decision and 3, saying so, when no decision was made.
 */
class ToolBehaviourTest {

  private static final Map<String, Captured.Program> PROGRAMS = Map.of(
      "QuickStart", QuickStart::run,
      "AwsRun", AwsRun::run,
      "LoadAirline", LoadAirline::run,
      "PromptTokens", PromptTokens::run,
      "PerformanceSuite", PerformanceSuite::run);

  @ParameterizedTest
  @CsvSource({"QuickStart", "AwsRun", "LoadAirline", "PromptTokens", "PerformanceSuite"})
  void help_printsUsageOptionsAndExitStatusesAndExitsZero(String program) {
    Captured r = Captured.run(PROGRAMS.get(program), "--help");

    assertThat(r.status()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("usage: " + program + " ").contains("options:").contains("--help")
        .contains("exit status:").contains("2  bad arguments").contains("1  failed");
    assertThat(r.err()).isEmpty();
    assertThat(Captured.run(PROGRAMS.get(program), "-h").out()).isEqualTo(r.out());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "QuickStart   | --fast                  | unknown option '--fast'",
      "QuickStart   | --disruption            | --disruption needs a value: --disruption FILE",
      "QuickStart   | --json --json           | --json was given twice",
      "QuickStart   | sample.json             | unexpected argument 'sample.json'",
      "AwsRun       | --runs 0                | --runs must be a whole number >= 1 but was '0'",
      "AwsRun       | --runs two              | --runs must be a whole number >= 1 but was 'two'",
      "AwsRun       | --prefix                | --prefix needs a value",
      "AwsRun       | --prefix a/b            | --prefix: table name prefix may hold only",
      "AwsRun       | --check --no-check      | --check and --no-check exclude each other",
      "AwsRun       | --dynamodb-endpoint x   | --dynamodb-endpoint must be a URL",
      "AwsRun       | --local=yes             | --local takes no value but was given 'yes'",
      "LoadAirline  | --seed x                | --seed must be a whole number",
      "LoadAirline  | --endpoint :/           | --endpoint must be a URL",
      "LoadAirline  | --delete --sample       | --delete loads nothing",
      "PromptTokens | --disruptions 0         | --disruptions must be a whole number >= 1 but was '0'",
      "PromptTokens | --write                 | --write needs a value",
      "PerformanceSuite | --disruptions 0     | --disruptions must be a whole number >= 1 but was '0'",
      "PerformanceSuite | --time-scale 2      | --time-scale must be a number in (0, 1] but was '2'",
      "PerformanceSuite | --without fast      | no lever 'fast'"})
  void badArguments_sayWhatIsWrongPrintTheUsageAndExitTwo(String program, String args, String message) {
    Captured r = Captured.run(PROGRAMS.get(program), args.trim().split(" +"));

    assertThat(r.status()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith(program + ": ").contains(message).contains("usage: " + program + " ");
    assertThat(r.out()).isEmpty();
    assertThat(r.printedAStackTrace()).isFalse();
  }

  @Test
  void quickStart_whenItDecides_exitsZero() {
    Captured r = Captured.run(QuickStart::run);

    assertThat(r.status()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("DECIDED");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void quickStart_whenTheRunIsReferred_exitsThreeSayingAPersonMustAct(@TempDir Path dir) throws Exception {
    // a flight date the sample airline has no schedule for: crew legality cannot be shown
    Path file = dir.resolve("elsewhen.json");
    Files.writeString(file, AirlineSamples.sampleDisruptionJson().replace("2026-01-30T14:00:00Z", "2026-02-03T14:00:00Z")
        .replace("2026-01-30T18:30:00Z", "2026-02-03T18:30:00Z"));

    Captured r = Captured.run(QuickStart::run, "--json", "--disruption", file.toString());

    assertThat(r.status()).isEqualTo(ExitCode.NO_DECISION);
    assertThat(r.err()).startsWith("QuickStart: REFERRED: no decision was made, a person must act: SAFETY agent");
    assertThat(r.out()).contains("\"REFERRED\"");
  }

  @Test
  void quickStart_whenTheDocumentIsMissingOrBroken_exitsOneNamingIt(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"flight\": 1}");

    Captured missing = Captured.run(QuickStart::run, "--disruption", dir.resolve("none.json").toString());
    Captured bad = Captured.run(QuickStart::run, "--disruption", broken.toString());

    assertThat(missing.status()).isEqualTo(ExitCode.FAILED);
    assertThat(missing.err()).isEqualTo("QuickStart failed: no such file: " + dir.resolve("none.json") + "\n");
    assertThat(bad.status()).isEqualTo(ExitCode.FAILED);
    assertThat(bad.err()).startsWith("QuickStart failed: ");
    assertThat(missing.printedAStackTrace() || bad.printedAStackTrace()).isFalse();
  }
}
