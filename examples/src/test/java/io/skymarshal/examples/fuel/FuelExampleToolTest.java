package io.skymarshal.examples.fuel;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.examples.Captured;
import io.skymarshal.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;

class FuelExampleToolTest {

  @Test
  void run_whenItDecides_exitsZero() {
    Captured r = Captured.run(FuelExample::run);

    assertThat(r.status()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("Decision: DECIDED").contains("fuel figures seen by the arbitrator");
  }

  @Test
  void help_printsUsageAndExitsZero_andAnArgumentIsAUsageError() {
    Captured help = Captured.run(FuelExample::run, "--help");
    Captured bad = Captured.run(FuelExample::run, "--json");

    assertThat(help.status()).isEqualTo(ExitCode.OK);
    assertThat(help.out()).startsWith("usage: FuelExample [--help]");
    assertThat(bad.status()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).startsWith("FuelExample: unknown option '--json'").contains("usage: FuelExample");
    assertThat(bad.printedAStackTrace()).isFalse();
  }
}
