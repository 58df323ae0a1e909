package io.skymarshal.airline;

import java.util.List;

/**
 * One aircraft of the fleet with its open maintenance items. Immutable; lists are copied.
 *
 * @param registration   e.g. {@code A6-APA}
 * @param type           e.g. {@code A380}, the type crews must be qualified on
 * @param homeBase       IATA code of its base
 * @param seats          its seat count, positive
 * @param openMelItems   open deferred defects
 * @param openWorkOrders open maintenance work
 */
public record Aircraft(String registration, String type, String homeBase, int seats, List<MelItem> openMelItems,
    List<WorkOrder> openWorkOrders) {

  public Aircraft {
    Checks.text(registration, "registration", "aircraft");
    String self = "aircraft " + registration;
    Checks.text(type, "type", self);
    Checks.iata(homeBase, "homeBase", self);
    if (seats <= 0) {
      throw new IllegalArgumentException("seats must be positive but was " + seats + " (" + self + ")");
    }
    openMelItems = List.copyOf(Checks.required(openMelItems, "openMelItems", self));
    openWorkOrders = List.copyOf(Checks.required(openWorkOrders, "openWorkOrders", self));
  }
}
