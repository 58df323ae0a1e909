package io.skymarshal.examples.perf;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles and means of a sample. */
public final class Stats {
  private Stats() {}

  /**
   * The {@code p}-th percentile (0 < p <= 100) by the nearest-rank method: the smallest value with
   * at least p % of the sample at or below it; NaN for an empty sample.
   */
  public static double percentile(Collection<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int rank = (int) Math.ceil(p / 100.0 * v.length);
    return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
  }

  public static double mean(Collection<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
