package io.skymarshal.core;

import java.util.Optional;

/**
 * A condition an agent says must hold, such as a crew member's latest legal release, a grounded
 * aircraft or an airport curfew. Each implementation evaluates itself in code against a
 * candidate {@link ActionPlan}: the engine never returns a DECIDED decision whose plan breaks a
 * SAFETY agent's constraint, whatever the model said. Implementations are immutable values.
 */
public interface BindingConstraint {

  /** The constraint's kind, e.g. {@code crew_duty_limit}, {@code aircraft_grounded}, {@code curfew}, {@code slot}. */
  String kind();

  /** What it is about: a crew id, a registration, an airport. */
  String subject();

  /** A compact, one-line statement of the constraint, for prompts and reports. */
  String describe();

  /** Why {@code plan} breaks this constraint, or empty if it keeps it. */
  Optional<String> violationBy(ActionPlan plan);
}
