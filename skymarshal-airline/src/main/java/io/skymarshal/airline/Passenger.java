package io.skymarshal.airline;

import java.util.Set;

/**
 * A passenger. Immutable; the set is copied.
 *
 * @param id           e.g. {@code P000123}
 * @param name         full name
 * @param tier         loyalty tier
 * @param vip          whether the passenger is flagged VIP
 * @param specialNeeds special service request codes, e.g. {@code WCHR}, {@code UMNR}, {@code MEDA}; empty for none
 */
public record Passenger(String id, String name, LoyaltyTier tier, boolean vip, Set<String> specialNeeds) {

  public Passenger {
    Checks.text(id, "id", "passenger");
    String self = "passenger " + id;
    Checks.required(name, "name", self);
    Checks.required(tier, "tier", self);
    specialNeeds = Set.copyOf(Checks.required(specialNeeds, "specialNeeds", self));
  }
}
