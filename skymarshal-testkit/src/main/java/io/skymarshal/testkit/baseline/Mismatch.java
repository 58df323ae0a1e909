package io.skymarshal.testkit.baseline;

import java.util.Objects;

/**
 * One way a decision differs from its baseline.
 *
 * @param disruptionId the disruption
 * @param agent        the agent, or {@code null} for the decision itself
 * @param field        what differs: {@code status}, {@code action}, {@code confidence}, {@code constraints},
 *                     {@code agent} (present in one set only) or {@code decision} (present in one set only)
 * @param expected     the baseline's value
 * @param actual       the later value
 */
public record Mismatch(String disruptionId, String agent, String field, String expected, String actual) {

  public Mismatch {
    Objects.requireNonNull(disruptionId, "disruptionId");
    Objects.requireNonNull(field, "field");
  }

  @Override
  public String toString() {
    return disruptionId + (agent == null ? "" : " " + agent) + " " + field + ": expected " + expected + ", got " + actual;
  }
}
