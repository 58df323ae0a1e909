package io.skymarshal.airline;

import java.time.Duration;
import java.time.Instant;

/**
 * An open deferred defect of an aircraft under its Minimum Equipment List. Immutable.
 *
 * @param id             the item's reference, e.g. {@code MEL-29-01}
 * @param category       its repair category
 * @param description    what is deferred, e.g. "Hydraulic system 2 low-pressure light"
 * @param raised         when it was deferred: the repair interval runs from here
 * @param statedInterval category A only: the repair interval stated in the item (required for A;
 *                       must be null for B, C and D, whose intervals are fixed by category)
 * @param restriction    the operational restriction while open, e.g. "no ETOPS"; empty when none
 */
public record MelItem(String id, MelCategory category, String description, Instant raised, Duration statedInterval,
    String restriction) {

  public MelItem {
    Checks.text(id, "id", "MEL item");
    String self = "MEL item " + id;
    Checks.required(category, "category", self);
    Checks.required(description, "description", self);
    Checks.required(raised, "raised", self);
    Checks.required(restriction, "restriction", self);
    if (category == MelCategory.A) {
      Checks.positive(statedInterval, "statedInterval (category A)", self);
    } else if (statedInterval != null) {
      throw new IllegalArgumentException("statedInterval is only for category A; category " + category
          + " has a fixed repair interval (" + self + ")");
    }
  }

  /** An item of category B, C or D with no operational restriction. */
  public static MelItem of(String id, MelCategory category, String description, Instant raised) {
    return new MelItem(id, category, description, raised, null, "");
  }

  /** Whether the item restricts operation while open. */
  public boolean restricts() {
    return !restriction.isEmpty();
  }
}
