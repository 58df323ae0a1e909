package io.skymarshal.core;

import java.util.List;

/**
 * What is known of a disruption's impact. Counts are never negative.
 *
 * @param passengers           passengers on the flight
 * @param vipPassengers        of whom VIPs
 * @param connectingPassengers of whom connecting onward
 * @param cargoShipments       shipments on the flight
 * @param specialCargo         kinds of special cargo, e.g. "Pharmaceuticals"
 * @param crew                 crew members affected
 */
public record Impact(int passengers, int vipPassengers, int connectingPassengers, int cargoShipments,
    List<String> specialCargo, int crew) {

  /** Nothing known. */
  public static final Impact NONE = new Impact(0, 0, 0, 0, List.of(), 0);

  public Impact {
    if (passengers < 0 || vipPassengers < 0 || connectingPassengers < 0 || cargoShipments < 0 || crew < 0) {
      throw new IllegalArgumentException("impact counts must be >= 0");
    }
    specialCargo = List.copyOf(specialCargo);
  }
}
