package io.skymarshal.testkit.baseline;

import io.skymarshal.core.Decision;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares decisions with a baseline by the rules of plan property 12: per disruption, the same
 * status and final action, and per agent the same action, a confidence within the tolerance
 * (default 0.1, inclusive) and the same binding constraints (as a set). Every difference is
 * listed, none is hidden. Immutable and thread-safe.
 */
public final class DecisionComparator {
  /** The default confidence tolerance: 0.1. */
  public static final double DEFAULT_TOLERANCE = 0.1;
  // confidences are written with two decimals: 0.1 apart must pass whatever the binary rounding
  private static final double EPSILON = 1e-9;

  private final double tolerance;

  private DecisionComparator(double tolerance) {
    this.tolerance = tolerance;
  }

  /** A comparator with {@link #DEFAULT_TOLERANCE}. */
  public static DecisionComparator standard() {
    return new DecisionComparator(DEFAULT_TOLERANCE);
  }

  /**
   * A comparator allowing confidences {@code tolerance} apart.
   *
   * @throws IllegalArgumentException if negative
   */
  public static DecisionComparator withTolerance(double tolerance) {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0 but was " + tolerance);
    }
    return new DecisionComparator(tolerance);
  }

  /** Compares {@code later} with {@code baseline}, both as decisions. */
  public Comparison compareDecisions(Collection<Decision> baseline, Collection<Decision> later) {
    return compare(baseline.stream().map(DecisionRecord::of).toList(), later.stream().map(DecisionRecord::of).toList());
  }

  /** Compares {@code later} with {@code baseline}, matched by disruption id. */
  public Comparison compare(Collection<DecisionRecord> baseline, Collection<DecisionRecord> later) {
    Map<String, DecisionRecord> byId = new LinkedHashMap<>();
    later.forEach(d -> byId.put(d.disruptionId(), d));
    List<Mismatch> out = new ArrayList<>();
    int compared = 0;
    int matching = 0;
    Set<String> seen = new HashSet<>();
    for (DecisionRecord b : baseline) {
      seen.add(b.disruptionId());
      DecisionRecord l = byId.get(b.disruptionId());
      if (l == null) {
        out.add(new Mismatch(b.disruptionId(), null, "decision", "present", "absent"));
        continue;
      }
      compared++;
      int before = out.size();
      compareOne(b, l, out);
      if (out.size() == before) {
        matching++;
      }
    }
    for (DecisionRecord l : later) {
      if (!seen.contains(l.disruptionId())) {
        out.add(new Mismatch(l.disruptionId(), null, "decision", "absent", "present"));
      }
    }
    return new Comparison(compared, matching, out);
  }

  private void compareOne(DecisionRecord b, DecisionRecord l, List<Mismatch> out) {
    String id = b.disruptionId();
    if (!b.status().equals(l.status())) {
      out.add(new Mismatch(id, null, "status", b.status(), l.status()));
    }
    if (!b.action().equals(l.action())) {
      out.add(new Mismatch(id, null, "action", b.action(), l.action()));
    }
    Map<String, DecisionRecord.AgentRecord> agents = new LinkedHashMap<>();
    l.agents().forEach(a -> agents.put(a.agent(), a));
    for (DecisionRecord.AgentRecord ba : b.agents()) {
      DecisionRecord.AgentRecord la = agents.remove(ba.agent());
      if (la == null) {
        out.add(new Mismatch(id, ba.agent(), "agent", "present", "absent"));
        continue;
      }
      if (!ba.action().equals(la.action())) {
        out.add(new Mismatch(id, ba.agent(), "action", ba.action(), la.action()));
      }
      if (Math.abs(ba.confidence() - la.confidence()) > tolerance + EPSILON) {
        out.add(new Mismatch(id, ba.agent(), "confidence", String.valueOf(ba.confidence()),
            String.valueOf(la.confidence())));
      }
      if (!new HashSet<>(ba.constraints()).equals(new HashSet<>(la.constraints()))) {
        out.add(new Mismatch(id, ba.agent(), "constraints", difference(ba.constraints(), la.constraints()),
            difference(la.constraints(), ba.constraints())));
      }
    }
    agents.keySet().forEach(a -> out.add(new Mismatch(id, a, "agent", "absent", "present")));
  }

  /** What {@code a} has that {@code b} lacks, for the mismatch's text. */
  private static String difference(List<String> a, List<String> b) {
    Set<String> only = new java.util.LinkedHashSet<>(a);
    b.forEach(only::remove);
    return only.isEmpty() ? "(nothing more)" : String.join("; ", only);
  }

  @Override
  public String toString() {
    return "DecisionComparator{tolerance=" + tolerance + "}";
  }

}
