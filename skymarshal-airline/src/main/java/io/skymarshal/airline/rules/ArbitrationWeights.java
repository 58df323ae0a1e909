package io.skymarshal.airline.rules;

/**
 * How the arbitrator balances goals once every safety constraint holds. Defaults: safety 40,
 * cost 20, passengers 20, network 20; a ruling with confidence below 0.5 goes to a person.
 * Weights are relative: {@link #score} normalises them. Immutable, thread-safe.
 *
 * @param safety              weight of the safety margin
 * @param cost                weight of the cost
 * @param passengers          weight of the passengers' experience
 * @param network             weight of the network's integrity
 * @param escalationThreshold confidence below which a person decides, in [0, 1]
 */
public record ArbitrationWeights(double safety, double cost, double passengers, double network,
    double escalationThreshold) {

  private static final ArbitrationWeights DEFAULTS = new ArbitrationWeights(40, 20, 20, 20, 0.5);

  public ArbitrationWeights {
    for (double w : new double[] {safety, cost, passengers, network}) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and >= 0 but were " + safety + ", " + cost + ", "
            + passengers + ", " + network);
      }
    }
    if (!(safety + cost + passengers + network > 0)) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    if (!(escalationThreshold >= 0 && escalationThreshold <= 1)) {
      throw new IllegalArgumentException("escalationThreshold must be in [0, 1] but was " + escalationThreshold);
    }
  }

  /** The defaults of DOMAIN.md. */
  public static ArbitrationWeights defaults() {
    return DEFAULTS;
  }

  /**
   * The weighted score of an option from its scores per goal, each in [0, 1] (1 best); the
   * result is in [0, 1].
   *
   * @throws IllegalArgumentException if a score is outside [0, 1]
   */
  public double score(double safetyScore, double costScore, double passengerScore, double networkScore) {
    double[] s = {safetyScore, costScore, passengerScore, networkScore};
    for (double v : s) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException("goal scores must be in [0, 1] but one was " + v);
      }
    }
    double total = safety + cost + passengers + network;
    return (safety * safetyScore + cost * costScore + passengers * passengerScore + network * networkScore) / total;
  }

  /** Whether a ruling of {@code confidence} must go to a person. */
  public boolean escalates(double confidence) {
    return confidence < escalationThreshold;
  }
}
