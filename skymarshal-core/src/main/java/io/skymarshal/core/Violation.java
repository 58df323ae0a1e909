package io.skymarshal.core;

import java.util.Objects;

/**
 * A way in which a ruling's plan breaks safety, found in code. Immutable.
 *
 * @param kind    the broken constraint's kind (e.g. {@code aircraft_grounded}), or
 *                {@link #UNCHECKED_AIRCRAFT} / {@link #UNCHECKED_CREW}
 * @param subject what it is about: a registration, a crew id, an airport
 * @param detail  why the plan breaks it, one line
 */
public record Violation(String kind, String subject, String detail) {

  /** The plan operates an aircraft that no SAFETY agent examined. */
  public static final String UNCHECKED_AIRCRAFT = "unchecked_aircraft";

  /** The plan brings onto the flight a crew member that no SAFETY agent examined. */
  public static final String UNCHECKED_CREW = "unchecked_crew";

  public Violation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
  }

  /** The violation of {@code constraint} that {@code detail} describes. */
  public static Violation of(BindingConstraint constraint, String detail) {
    return new Violation(constraint.kind(), constraint.subject(), detail);
  }

  /** e.g. {@code aircraft_grounded A6-APA: departs 15:00Z with A6-APA grounded until 17:00Z}. */
  @Override
  public String toString() {
    return kind + " " + subject + ": " + detail;
  }
}
