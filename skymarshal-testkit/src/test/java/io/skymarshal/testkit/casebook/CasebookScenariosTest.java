package io.skymarshal.testkit.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The built-in casebook, one dynamic test per scenario, run through the public API on the offline
 * model with the same checks as {@link CasebookMain}. A scenario that fails is a safety
 * requirement the engine does not yet meet: the message is the scenario's result line.
 */
class CasebookScenariosTest {
  private static final CasebookRunner RUNNER = new CasebookRunner();

  @TestFactory
  Stream<DynamicTest> builtInScenarios() {
    return Casebook.builtIn().scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
      CaseResult result = RUNNER.run(s);
      assertThat(result.passed()).as(result.line()).isTrue();
    }));
  }
}
