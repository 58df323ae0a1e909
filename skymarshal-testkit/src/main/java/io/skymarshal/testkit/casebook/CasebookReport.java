package io.skymarshal.testkit.casebook;

import java.util.List;

/**
 * The results of a casebook run, in scenario order. Immutable.
 *
 * @param results one per scenario
 */
public record CasebookReport(List<CaseResult> results) {

  public CasebookReport {
    results = List.copyOf(results);
  }

  /** How many scenarios passed. */
  public int passed() {
    return (int) results.stream().filter(CaseResult::passed).count();
  }

  /** How many scenarios failed. */
  public int failed() {
    return results.size() - passed();
  }

  /** Whether every scenario passed. */
  public boolean allPassed() {
    return failed() == 0;
  }

  /** {@code Casebook: N passed, M failed}. */
  public String summary() {
    return "Casebook: " + passed() + " passed, " + failed() + " failed";
  }
}
