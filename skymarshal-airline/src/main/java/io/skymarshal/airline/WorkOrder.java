package io.skymarshal.airline;

import java.time.Duration;
import java.time.Instant;

/**
 * Open maintenance work on an aircraft. Immutable.
 *
 * @param id                the work order number
 * @param description       what is to be done
 * @param due               when it must be done by
 * @param estimatedDuration how long the work takes on the ground, positive
 * @param groundsAircraft   whether the aircraft cannot fly while the work is open past {@code due}
 */
public record WorkOrder(String id, String description, Instant due, Duration estimatedDuration,
    boolean groundsAircraft) {

  public WorkOrder {
    Checks.text(id, "id", "work order");
    String self = "work order " + id;
    Checks.required(description, "description", self);
    Checks.required(due, "due", self);
    Checks.positive(estimatedDuration, "estimatedDuration", self);
  }

  /** Whether the work is overdue at {@code now}. */
  public boolean overdueAt(Instant now) {
    return now.isAfter(due);
  }
}
