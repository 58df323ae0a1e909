package io.skymarshal.airline.constraint;

import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An aircraft may not fly before {@code until} (AOG), or not at all when {@code until} is null.
 * A plan breaks it when the flight operates with that registration and departs before
 * {@code until}, or operates without naming its aircraft (it then cannot be shown to keep the
 * grounding). Immutable.
 *
 * @param registration the grounded aircraft
 * @param until        when it may fly again; null for "until further notice"
 */
public record AircraftGrounded(String registration, Instant until) implements BindingConstraint {

  /** The kind in replies and prompts. */
  public static final String KIND = "aircraft_grounded";

  public AircraftGrounded {
    Objects.requireNonNull(registration, "registration");
    if (registration.isBlank()) {
      throw new IllegalArgumentException("registration must not be blank");
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
    return registration + " grounded " + (until == null ? "until further notice" : "until " + Times.utc(until));
  }

  /** Whether the aircraft is grounded at {@code t}. */
  public boolean groundedAt(Instant t) {
    return until == null || t.isBefore(until);
  }

  @Override
  public Optional<String> violationBy(ActionPlan plan) {
    if (!plan.operates()) {
      return Optional.empty();
    }
    if (plan.aircraftRegistration() == null) {
      return Optional.of("the plan operates without naming its aircraft while " + describe());
    }
    if (registration.equals(plan.aircraftRegistration()) && groundedAt(plan.departure())) {
      return Optional.of("departs " + Times.utc(plan.departure()) + " with " + describe());
    }
    return Optional.empty();
  }
}
