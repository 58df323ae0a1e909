package io.skymarshal.examples.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.examples.Captured;
import io.skymarshal.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;

/** FaultMatrixMain behaves like the other example programs (its matrix runs in FaultMatrixTest). */
class FaultMatrixMainTest {

  @Test
  void help_printsUsageOptionsAndExitStatusesAndExitsZero() {
    Captured r = Captured.run(FaultMatrixMain::run, "--help");

    assertThat(r.status()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("usage: FaultMatrixMain ").contains("--runs N").contains("--seed S")
        .contains("0  every cell passed").contains("1  a cell failed").contains("2  bad arguments");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void badArguments_sayWhatIsWrongAndExitTwo() {
    Captured r = Captured.run(FaultMatrixMain::run, "--runs", "0");

    assertThat(r.status()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("FaultMatrixMain: ").contains("--runs must be a whole number >= 1 but was '0'")
        .contains("usage: FaultMatrixMain ");
    assertThat(r.printedAStackTrace()).isFalse();
  }
}
