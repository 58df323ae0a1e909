package io.skymarshal.testkit.casebook;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.core.Disruption;
import java.util.List;
import java.util.Objects;

/**
 * One case of the casebook, read from a scenario file: a disruption, the airline data it is decided
 * on (the EY123 sample with the file's patches applied) and the outcomes allowed, as checks that
 * must all hold. Immutable.
 *
 * @param name        unique in a casebook; the file's name without {@code .json}
 * @param description one line: what happens and what is safe
 * @param source      the file it was read from (a path, or a classpath resource name)
 * @param disruption  the disruption to decide
 * @param patches     the changes to the sample airline, in order
 * @param airline     the sample airline with {@code patches} applied
 * @param checks      the allowed outcomes: every check must hold
 */
public record Scenario(String name, String description, String source, Disruption disruption,
    List<AirlinePatch> patches, AirlineDataset airline, List<Check> checks) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(disruption, "disruption");
    patches = List.copyOf(patches);
    Objects.requireNonNull(airline, "airline");
    checks = List.copyOf(checks);
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("scenario " + name + " checks nothing");
    }
  }

  /** What the checks may consult. */
  public CaseContext context() {
    return new CaseContext(disruption, airline);
  }

  @Override
  public String toString() {
    return name;
  }
}
