package io.skymarshal.testkit.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionComparatorTest {

  private static DecisionRecord decision(String id, String action, double crewConf, String... constraints) {
    return new DecisionRecord(id, "DECIDED", action, List.of(
        new DecisionRecord.AgentRecord("crew_compliance", "APPROVED", crewConf, List.of(constraints)),
        new DecisionRecord.AgentRecord("network", "DELAY", 0.7, List.of())));
  }

  @Test
  void compare_sameDecisions_allMatch() {
    Comparison c = DecisionComparator.standard().compare(List.of(decision("d1", "DELAY", 0.9, "a", "b")),
        List.of(decision("d1", "DELAY", 0.9, "b", "a")));

    assertThat(c.compared()).isEqualTo(1);
    assertThat(c.matching()).isEqualTo(1);
    assertThat(c.allMatch()).isTrue();
  }

  @Test
  void compare_confidenceExactlyATenthApart_matches_andMoreDoesNot() {
    DecisionComparator cmp = DecisionComparator.standard();

    assertThat(cmp.compare(List.of(decision("d1", "DELAY", 0.9)), List.of(decision("d1", "DELAY", 0.8))).allMatch())
        .isTrue();
    Comparison off = cmp.compare(List.of(decision("d1", "DELAY", 0.9)), List.of(decision("d1", "DELAY", 0.79)));
    assertThat(off.mismatches()).singleElement().satisfies(m -> {
      assertThat(m.agent()).isEqualTo("crew_compliance");
      assertThat(m.field()).isEqualTo("confidence");
    });
  }

  @Test
  void compare_listsEveryDifference_finalAction_constraints_andDisruptionsInOneSetOnly() {
    Comparison c = DecisionComparator.standard().compare(
        List.of(decision("d1", "DELAY", 0.9, "a", "b"), decision("d2", "DELAY", 0.9)),
        List.of(decision("d1", "CANCEL", 0.9, "a"), decision("d3", "DELAY", 0.9)));

    assertThat(c.compared()).isEqualTo(1);
    assertThat(c.matching()).isZero();
    assertThat(c.mismatches()).extracting(Mismatch::disruptionId, Mismatch::field).containsExactly(
        tuple("d1", "action"), tuple("d1", "constraints"), tuple("d2", "decision"), tuple("d3", "decision"));
    assertThat(c.mismatches().get(1).expected()).isEqualTo("b");
  }

  @Test
  void store_savesAndLoadsRecords_andRejectsAnotherFormat(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/baseline.json");
    List<DecisionRecord> records = List.of(decision("d1", "DELAY", 0.85, "crew_duty_limit: C1 until 12:00"));

    BaselineStore.saveRecords(file, records);

    assertThat(BaselineStore.load(file)).isEqualTo(records);
    Files.writeString(file, "{\"format\":9,\"decisions\":[]}");
    assertThatThrownBy(() -> BaselineStore.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 9");
  }

  @Test
  void withTolerance_rejectsANegativeTolerance() {
    assertThatThrownBy(() -> DecisionComparator.withTolerance(-0.1)).isInstanceOf(IllegalArgumentException.class);
  }
}
