package io.skymarshal.airline.constraint;

import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The flight's departure slot at a slot-coordinated airport: a departure after
 * {@code latestDeparture} loses the slot. {@code latestDeparture} is the slot time plus the
 * tolerance (default 15 minutes, see {@link #fromSlotTime}). A cancelled flight keeps it.
 * Immutable.
 *
 * @param airport         IATA code of the airport the flight departs from
 * @param latestDeparture the latest departure that keeps the slot
 */
public record Slot(String airport, Instant latestDeparture) implements BindingConstraint {

  /** The kind in replies and prompts. */
  public static final String KIND = "slot";

  /** How late a departure may be and keep its slot, by default: 15 minutes. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(15);

  public Slot {
    Objects.requireNonNull(airport, "airport");
    Objects.requireNonNull(latestDeparture, "latestDeparture");
  }

  /**
   * The slot of a departure planned at {@code slotTime}, kept up to {@code tolerance} late.
   *
   * @throws IllegalArgumentException if {@code tolerance} is negative
   */
  public static Slot fromSlotTime(String airport, Instant slotTime, Duration tolerance) {
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("slot tolerance must be >= 0 but was " + tolerance);
    }
    return new Slot(airport, slotTime.plus(tolerance));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String subject() {
    return airport;
  }

  @Override
  public String describe() {
    return airport + " slot: depart by " + Times.utc(latestDeparture);
  }

  @Override
  public Optional<String> violationBy(ActionPlan plan) {
    if (!plan.operates() || !plan.departure().isAfter(latestDeparture)) {
      return Optional.empty();
    }
    return Optional.of("departure " + Times.utc(plan.departure()) + " is after the latest departure "
        + Times.utc(latestDeparture) + " of the " + airport + " slot: the slot is lost");
  }
}
