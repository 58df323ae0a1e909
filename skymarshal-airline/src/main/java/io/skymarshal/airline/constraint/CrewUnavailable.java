package io.skymarshal.airline.constraint;

import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import java.util.Objects;
import java.util.Optional;

/**
 * A rostered crew member may not operate the flight: reported sick or unavailable, or not
 * qualified on the aircraft type. A plan breaks it when the flight operates and the crew member
 * is not among {@link ActionPlan#crewReplaced()}; a cancellation keeps it. Immutable.
 *
 * @param crewId the crew member
 * @param reason why, one short line, e.g. "reported sick" or "not qualified on A380"
 */
public record CrewUnavailable(String crewId, String reason) implements BindingConstraint {

  /** The kind in replies and prompts. */
  public static final String KIND = "crew_unavailable";

  public CrewUnavailable {
    Objects.requireNonNull(crewId, "crewId");
    Objects.requireNonNull(reason, "reason");
    if (crewId.isBlank() || reason.isBlank()) {
      throw new IllegalArgumentException("crewId and reason must not be blank");
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String subject() {
    return crewId;
  }

  @Override
  public String describe() {
    return "crew " + crewId + " may not operate: " + reason;
  }

  @Override
  public Optional<String> violationBy(ActionPlan plan) {
    if (!plan.operates() || plan.crewReplaced().contains(crewId)) {
      return Optional.empty();
    }
    return Optional.of("the flight operates with crew " + crewId + " still on it, who may not operate (" + reason + ")");
  }
}
