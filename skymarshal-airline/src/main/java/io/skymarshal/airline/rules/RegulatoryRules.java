package io.skymarshal.airline.rules;

import io.skymarshal.airline.Airport;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.constraint.Curfew;
import io.skymarshal.airline.constraint.Slot;
import io.skymarshal.core.BindingConstraint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Curfews and slots as binding constraints for one flight. Defaults: a 15-minute buffer around
 * each curfew; a departure more than 15 minutes after its scheduled time at a slot-coordinated
 * airport loses its slot. Immutable, thread-safe.
 *
 * @param curfewBuffer  widening of each curfew window on both sides, in [0, 6 h]
 * @param slotTolerance how late a departure may be and keep its slot, >= 0
 */
public record RegulatoryRules(Duration curfewBuffer, Duration slotTolerance) {

  private static final RegulatoryRules DEFAULTS = new RegulatoryRules(Curfew.DEFAULT_BUFFER, Slot.DEFAULT_TOLERANCE);

  public RegulatoryRules {
    Objects.requireNonNull(curfewBuffer, "curfewBuffer");
    Objects.requireNonNull(slotTolerance, "slotTolerance");
    if (slotTolerance.isNegative()) {
      throw new IllegalArgumentException("slotTolerance must be >= 0 but was " + slotTolerance);
    }
  }

  /** The defaults of DOMAIN.md. */
  public static RegulatoryRules defaults() {
    return DEFAULTS;
  }

  /**
   * The constraints {@code flight} must keep: the origin's curfew on its departure, the
   * destination's curfew on its arrival, and its departure slot if the origin is slot-coordinated.
   *
   * @throws IllegalArgumentException if the airports are not the flight's origin and destination
   */
  public List<BindingConstraint> constraints(Flight flight, Airport origin, Airport destination) {
    if (!flight.origin().equals(origin.iata()) || !flight.destination().equals(destination.iata())) {
      throw new IllegalArgumentException("airports " + origin.iata() + "-" + destination.iata() + " are not those of "
          + flight.key() + " (" + flight.origin() + "-" + flight.destination() + ")");
    }
    List<BindingConstraint> out = new ArrayList<>(3);
    origin.curfewWindow().ifPresent(w -> out.add(
        new Curfew(origin.iata(), origin.zone(), w, curfewBuffer, Curfew.Movement.DEPARTURE)));
    destination.curfewWindow().ifPresent(w -> out.add(
        new Curfew(destination.iata(), destination.zone(), w, curfewBuffer, Curfew.Movement.ARRIVAL)));
    if (origin.slotCoordinated()) {
      out.add(Slot.fromSlotTime(origin.iata(), flight.scheduledDeparture(), slotTolerance));
    }
    return out;
  }
}
