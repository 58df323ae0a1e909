package io.skymarshal.airline.constraint;

import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An aircraft may fly before {@code until} only under an operational restriction, such as
 * "no ETOPS" (from an open MEL item). Code cannot see a plan's routing, so the plan must say it
 * applies the restriction: a plan breaks this constraint when it operates the aircraft (or an
 * unnamed one) departing before {@code until} and its {@link ActionPlan#summary()} does not quote
 * the restriction (case and spacing ignored). A plan that swaps to another aircraft, departs
 * after {@code until} or cancels keeps it. Immutable.
 *
 * @param registration the restricted aircraft
 * @param restriction  the restriction, e.g. "no ETOPS"; not blank
 * @param until        when the restriction ends; null for "until further notice"
 */
public record AircraftRestricted(String registration, String restriction, Instant until) implements BindingConstraint {

  /** The kind in replies and prompts. */
  public static final String KIND = "aircraft_restricted";

  public AircraftRestricted {
    Objects.requireNonNull(registration, "registration");
    Objects.requireNonNull(restriction, "restriction");
    if (registration.isBlank() || restriction.isBlank()) {
      throw new IllegalArgumentException("registration and restriction must not be blank");
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String subject() {
    return registration;
  }

  @Override
  public String describe() {
    return registration + " restricted: " + restriction + (until == null ? "" : " until " + Times.utc(until));
  }

  @Override
  public Optional<String> violationBy(ActionPlan plan) {
    if (!plan.operates()) {
      return Optional.empty();
    }
    boolean thisAircraft = plan.aircraftRegistration() == null || registration.equals(plan.aircraftRegistration());
    boolean inForce = until == null || plan.departure().isBefore(until);
    if (!thisAircraft || !inForce || normalize(plan.summary()).contains(normalize(restriction))) {
      return Optional.empty();
    }
    return Optional.of("operates " + (plan.aircraftRegistration() == null ? "an unnamed aircraft" : registration)
        + " departing " + Times.utc(plan.departure()) + " without stating the restriction '" + restriction
        + "' in its summary");
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
  }
}
