package io.skymarshal.testkit.sweep;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.core.Disruption;
import java.util.Objects;

/**
 * One world of the sweep: an airline's data as the engine will read it, a disruption document,
 * the mutation that made them hostile, and the ground truth derived from both. Immutable.
 *
 * @param mutation   the mutation's name, e.g. {@code fault:hydraulic+no_estimate}; the sweep tallies by it
 * @param detail     one line: what exactly was changed
 * @param dataset    the airline's data (the generated one, or a copy with a record removed)
 * @param disruption the disruption document
 * @param truth      {@link GroundTruth#of}{@code (dataset, disruption)}
 */
public record Variant(String mutation, String detail, AirlineDataset dataset, Disruption disruption, GroundTruth truth) {

  public Variant {
    Objects.requireNonNull(mutation, "mutation");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(disruption, "disruption");
    Objects.requireNonNull(truth, "truth");
  }

  /** A variant of {@code disruption} in {@code dataset}, its ground truth derived here. */
  public static Variant of(String mutation, String detail, AirlineDataset dataset, Disruption disruption) {
    return new Variant(mutation, detail, dataset, disruption, GroundTruth.of(dataset, disruption));
  }
}
