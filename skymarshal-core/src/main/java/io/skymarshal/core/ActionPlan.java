package io.skymarshal.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a decision does to the flight, concretely enough for binding constraints to be checked
 * in code: whether it operates, when it departs and arrives, on which aircraft, which crew are
 * replaced.
 *
 * @param action               the action code, e.g. {@code DELAY}, {@code SWAP_AIRCRAFT}, {@code CANCEL}
 * @param operates             whether the flight still operates (false for a cancellation)
 * @param departure            planned departure; null when it does not operate
 * @param arrival              planned arrival; null when it does not operate
 * @param aircraftRegistration the aircraft it operates with; null when it does not operate
 * @param crewReplaced         ids of crew members taken off the flight
 * @param summary              one line for people, e.g. "delay 3h, depart 17:00Z"
 * @param crewAdded            ids of crew members brought onto the flight (reserves); each must have
 *                             been examined by a SAFETY agent
 */
public record ActionPlan(String action, boolean operates, Instant departure, Instant arrival,
    String aircraftRegistration, Set<String> crewReplaced, String summary, Set<String> crewAdded) {

  public ActionPlan {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(summary, "summary");
    crewReplaced = Set.copyOf(crewReplaced);
    crewAdded = Set.copyOf(crewAdded);
    if (!operates && !crewAdded.isEmpty()) {
      throw new IllegalArgumentException("a plan that does not operate adds no crew but adds " + crewAdded);
    }
    if (operates) {
      Objects.requireNonNull(departure, "departure is required when the flight operates");
      Objects.requireNonNull(arrival, "arrival is required when the flight operates");
      if (arrival.isBefore(departure)) {
        throw new IllegalArgumentException("arrival " + arrival + " is before departure " + departure);
      }
    }
  }

  /** A plan that brings no crew onto the flight. */
  public ActionPlan(String action, boolean operates, Instant departure, Instant arrival, String aircraftRegistration,
      Set<String> crewReplaced, String summary) {
    this(action, operates, departure, arrival, aircraftRegistration, crewReplaced, summary, Set.of());
  }

  /** A plan in which the flight does not operate. */
  public static ActionPlan notOperating(String action, String summary) {
    return new ActionPlan(action, false, null, null, null, Set.of(), summary);
  }
}
