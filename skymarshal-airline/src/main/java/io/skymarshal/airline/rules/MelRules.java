package io.skymarshal.airline.rules;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.WorkOrder;
import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.airline.constraint.AircraftRestricted;
import io.skymarshal.core.BindingConstraint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * MEL repair intervals and what an expired item means. Defaults ({@link #defaults()}): category
 * A as stated in the item, B 3 days, C 10 days, D 120 days, counted from when the item was
 * raised. An item past its interval grounds the aircraft (AOG), as does an overdue work order
 * that grounds it. Immutable, thread-safe.
 *
 * @param categoryB repair interval of category B
 * @param categoryC repair interval of category C
 * @param categoryD repair interval of category D
 */
public record MelRules(Duration categoryB, Duration categoryC, Duration categoryD) {

  private static final MelRules DEFAULTS = new MelRules(Duration.ofDays(3), Duration.ofDays(10), Duration.ofDays(120));

  public MelRules {
    for (Duration d : new Duration[] {categoryB, categoryC, categoryD}) {
      Objects.requireNonNull(d, "repair interval");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("repair intervals must be positive but one was " + d);
      }
    }
  }

  /** The defaults of DOMAIN.md. */
  public static MelRules defaults() {
    return DEFAULTS;
  }

  /** The repair interval of {@code item}: stated for category A, by category otherwise. */
  public Duration repairInterval(MelItem item) {
    return switch (item.category()) {
      case A -> item.statedInterval();
      case B -> categoryB;
      case C -> categoryC;
      case D -> categoryD;
    };
  }

  /** When {@code item} must be repaired by. */
  public Instant expiry(MelItem item) {
    return item.raised().plus(repairInterval(item));
  }

  /** Whether {@code item} has expired at {@code at} (at the expiry instant it has). */
  public boolean expiredAt(MelItem item, Instant at) {
    return !at.isBefore(expiry(item));
  }

  /** The time left on {@code item} at {@code at}; negative once expired. */
  public Duration remaining(MelItem item, Instant at) {
    return Duration.between(at, expiry(item));
  }

  /** The aircraft's open items that have expired at {@code at}. */
  public List<MelItem> expiredItems(Aircraft aircraft, Instant at) {
    return aircraft.openMelItems().stream().filter(i -> expiredAt(i, at)).toList();
  }

  /** What maintenance says about {@code aircraft} for a flight at {@code at}. */
  public Airworthiness assess(Aircraft aircraft, Instant at) {
    if (!expiredItems(aircraft, at).isEmpty() || aircraft.openWorkOrders().stream().anyMatch(w -> grounds(w, at))) {
      return Airworthiness.AOG;
    }
    return aircraft.openMelItems().stream().anyMatch(MelItem::restricts)
        ? Airworthiness.RESTRICTED : Airworthiness.AIRWORTHY;
  }

  /**
   * The binding constraints maintenance derives for a flight of {@code aircraft} at {@code at}:
   * grounded until further notice if AOG; else one restriction per restricting MEL item, lasting
   * until the item's expiry (when the aircraft will be grounded anyway unless repaired).
   */
  public List<BindingConstraint> constraints(Aircraft aircraft, Instant at) {
    List<BindingConstraint> out = new ArrayList<>();
    if (assess(aircraft, at) == Airworthiness.AOG) {
      out.add(new AircraftGrounded(aircraft.registration(), null));
      return out;
    }
    for (MelItem i : aircraft.openMelItems()) {
      if (i.restricts()) {
        out.add(new AircraftRestricted(aircraft.registration(), i.restriction(), expiry(i)));
      }
    }
    return out;
  }

  private static boolean grounds(WorkOrder w, Instant at) {
    return w.groundsAircraft() && w.overdueAt(at);
  }
}
