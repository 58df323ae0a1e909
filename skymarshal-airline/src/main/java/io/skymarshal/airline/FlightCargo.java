package io.skymarshal.airline;

import java.util.List;

/**
 * The cargo on one flight: the item of the "cargo by flight" table. Immutable.
 *
 * @param flight    the flight
 * @param shipments its shipments, each on {@code flight}
 */
public record FlightCargo(FlightKey flight, List<CargoShipment> shipments) {

  public FlightCargo {
    Checks.required(flight, "flight", "flight cargo");
    shipments = List.copyOf(Checks.required(shipments, "shipments", "cargo of " + flight));
    for (CargoShipment s : shipments) {
      if (!s.flight().equals(flight)) {
        throw new IllegalArgumentException("shipment " + s.awb() + " is on " + s.flight() + ", not on " + flight);
      }
    }
  }

  /** Total weight in kilograms. */
  public double totalWeightKg() {
    return shipments.stream().mapToDouble(CargoShipment::weightKg).sum();
  }
}
