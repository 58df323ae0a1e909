package io.skymarshal.airline.constraint;

import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A crew member must be released from duty by {@code latestRelease} (the end of their legal flight
 * duty period). A plan breaks it when the flight operates with that crew member still on it (not in
 * {@link ActionPlan#crewReplaced()}) and the planned arrival plus the post-flight duty is after
 * {@code latestRelease}; releasing exactly at the limit is legal. A cancelled flight keeps it.
 * Immutable.
 *
 * @param crewId         the crew member
 * @param latestRelease  the latest legal end of their duty
 * @param postFlightDuty duty after on-block (default {@link #DEFAULT_POST_FLIGHT_DUTY}), >= 0
 */
public record CrewDutyLimit(String crewId, Instant latestRelease, Duration postFlightDuty) implements BindingConstraint {

  /** The kind in replies and prompts. */
  public static final String KIND = "crew_duty_limit";

  /** Post-flight duty by default: 30 minutes. */
  public static final Duration DEFAULT_POST_FLIGHT_DUTY = Duration.ofMinutes(30);

  public CrewDutyLimit {
    Objects.requireNonNull(crewId, "crewId");
    if (crewId.isBlank()) {
      throw new IllegalArgumentException("crewId must not be blank");
    }
    Objects.requireNonNull(latestRelease, "latestRelease");
    Objects.requireNonNull(postFlightDuty, "postFlightDuty");
    if (postFlightDuty.isNegative()) {
      throw new IllegalArgumentException("postFlightDuty must be >= 0 but was " + postFlightDuty);
    }
  }

  /** The limit with the default post-flight duty of 30 minutes. */
  public CrewDutyLimit(String crewId, Instant latestRelease) {
    this(crewId, latestRelease, DEFAULT_POST_FLIGHT_DUTY);
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
    return "crew " + crewId + " released by " + Times.utc(latestRelease) + " (post-flight "
        + Times.minutes(postFlightDuty) + ")";
  }

  /** The latest arrival that keeps this limit. */
  public Instant latestArrival() {
    return latestRelease.minus(postFlightDuty);
  }

  @Override
  public Optional<String> violationBy(ActionPlan plan) {
    if (!plan.operates() || plan.crewReplaced().contains(crewId)) {
      return Optional.empty();
    }
    Instant release = plan.arrival().plus(postFlightDuty);
    if (!release.isAfter(latestRelease)) {
      return Optional.empty();
    }
    return Optional.of("arrival " + Times.utc(plan.arrival()) + " + " + Times.minutes(postFlightDuty)
        + " post-flight releases crew " + crewId + " at " + Times.utc(release) + ", after the latest legal release "
        + Times.utc(latestRelease) + ", and " + crewId + " is not replaced");
  }
}
