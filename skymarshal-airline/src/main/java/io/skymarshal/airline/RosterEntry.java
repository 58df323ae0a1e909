package io.skymarshal.airline;

import java.time.Duration;
import java.time.Instant;

/**
 * One crew member's duty on a flight.
 *
 * @param crewId           the crew member's id
 * @param position         the position flown on this duty
 * @param dutyStart        report time: the flight duty period runs from here
 * @param plannedDutyEnd   planned end of duty (on-block plus post-flight duty), after {@code dutyStart}
 */
public record RosterEntry(String crewId, CrewPosition position, Instant dutyStart, Instant plannedDutyEnd) {

  public RosterEntry {
    Checks.text(crewId, "crewId", "roster entry");
    String self = "roster entry of " + crewId;
    Checks.required(position, "position", self);
    Checks.required(dutyStart, "dutyStart", self);
    Checks.required(plannedDutyEnd, "plannedDutyEnd", self);
    if (!plannedDutyEnd.isAfter(dutyStart)) {
      throw new IllegalArgumentException("plannedDutyEnd " + plannedDutyEnd + " is not after dutyStart " + dutyStart
          + " (" + self + ")");
    }
  }

  /** The planned duty length. */
  public Duration plannedDuty() {
    return Duration.between(dutyStart, plannedDutyEnd);
  }
}
