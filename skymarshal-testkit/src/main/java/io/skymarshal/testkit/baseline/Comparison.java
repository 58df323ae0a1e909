package io.skymarshal.testkit.baseline;

import java.util.List;

/**
 * The result of comparing a set of decisions with a baseline.
 *
 * @param compared   decisions present in both sets
 * @param matching   of those, the ones with no mismatch
 * @param mismatches every difference, in baseline order; decisions present in one set only are listed too
 */
public record Comparison(int compared, int matching, List<Mismatch> mismatches) {

  public Comparison {
    mismatches = List.copyOf(mismatches);
  }

  /** Whether every decision matched and both sets hold the same disruptions. */
  public boolean allMatch() {
    return mismatches.isEmpty();
  }
}
