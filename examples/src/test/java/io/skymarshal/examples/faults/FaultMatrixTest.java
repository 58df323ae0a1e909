package io.skymarshal.examples.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.core.Decision.Status;
import io.skymarshal.testkit.dynamo.DynaliteServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix in the build: every cell must keep its outcome classes with no unhandled
 * exception, no unsafe decision and nothing lost; and the matrix must be able to fail.
 */
class FaultMatrixTest {

  @Test
  void everyCell_underItsFaults_keepsItsOutcomeClasses_withNothingUnhandledUnsafeOrLost() {
    FaultMatrixResult r = FaultMatrix.run(FaultMatrix.Config.defaults(), DynaliteServer.sharedTls());

    String table = printed(r);
    assertThat(r.failedCells()).as(table).isEmpty();
    assertThat(r.cells()).as(table).hasSize(FaultCell.all(FaultMatrix.BASE_POLICY).size());
    for (CellResult c : r.cells()) {
      int outcomes = c.statuses().values().stream().mapToInt(Integer::intValue).sum();
      assertThat(outcomes + c.unhandled() + c.lostRuns()).as(c.cell().name()).isEqualTo(c.submitted());
      assertThat(c.keysAsked()).as(c.cell().name()).isPositive();
    }
    assertThat(table).contains("Fault matrix: 20 cells, 20 passed, 0 failed");
  }

  @Test
  void aCell_fails_whenAnOutcomeIsOutsideItsClasses_orNotAsBaseline_orWhenItInjectsNothing() {
    FaultCell baseline = new FaultCell("no fault", EnumSet.allOf(Status.class), true, false, b -> b, d -> d, e -> e,
        "the runs to compare with");
    FaultCell wrong = new FaultCell("hung crew_compliance, DECIDED expected", EnumSet.of(Status.DECIDED), false, true,
        b -> b.hang("crew_compliance"), d -> d,
        e -> e.agentPolicy("crew_compliance", FaultMatrix.BASE_POLICY.withTimeout(FaultCell.HUNG_TIMEOUT)),
        "a wrong expectation");
    FaultCell idle = new FaultCell("faulted, but no fault", EnumSet.allOf(Status.class), false, true, b -> b, d -> d,
        e -> e, "injects nothing");
    FaultCell drifting = new FaultCell("hung network, as baseline expected", EnumSet.allOf(Status.class), true, true,
        b -> b.hang("network"), d -> d,
        e -> e.agentPolicy("network", FaultMatrix.BASE_POLICY.withTimeout(FaultCell.HUNG_TIMEOUT)),
        "a wrong expectation: a hung BUSINESS agent degrades the decision");

    FaultMatrixResult r = FaultMatrix.run(FaultMatrix.Config.defaults().withRuns(2), DynaliteServer.sharedTls(),
        List.of(baseline, wrong, idle, drifting));

    String table = printed(r);
    assertThat(r.passed()).as(table).isFalse();
    assertThat(r.cells().get(0).passed()).as(table).isTrue();
    assertThat(r.cells().get(1).unexpected()).as(table).containsExactly(Status.HALTED);
    assertThat(r.cells().get(2).idle()).as(table).isTrue();
    // of the two disruptions, the second is referred with or without the hung agent
    assertThat(r.cells().get(3).drift()).as(table).isEqualTo(1);
    assertThat(table).contains("FAIL [HALTED]").contains("no fault was injected: the cell tested nothing")
        .contains("FAIL 1 not as baseline").contains("Fault matrix: 4 cells, 1 passed, 3 failed");
  }

  private static String printed(FaultMatrixResult r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    r.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
