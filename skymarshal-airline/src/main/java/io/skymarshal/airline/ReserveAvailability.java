package io.skymarshal.airline;

import java.time.Instant;

/**
 * A reserve (standby) crew member's window of availability.
 *
 * @param crewId the crew member's id
 * @param from   start of availability
 * @param until  end of availability, after {@code from}
 */
public record ReserveAvailability(String crewId, Instant from, Instant until) {

  public ReserveAvailability {
    Checks.text(crewId, "crewId", "reserve availability");
    String self = "reserve availability of " + crewId;
    Checks.required(from, "from", self);
    Checks.required(until, "until", self);
    if (!until.isAfter(from)) {
      throw new IllegalArgumentException("until " + until + " is not after from " + from + " (" + self + ")");
    }
  }

  /** Whether the crew member is available throughout [{@code start}, {@code end}]. */
  public boolean covers(Instant start, Instant end) {
    return !start.isBefore(from) && !end.isAfter(until);
  }
}
