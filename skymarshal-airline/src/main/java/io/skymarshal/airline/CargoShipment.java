package io.skymarshal.airline;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * One cargo shipment on one flight. Immutable; the set is copied.
 *
 * @param awb              air waybill number, e.g. {@code 607-12345675}
 * @param flight           the flight it is loaded on
 * @param commodity        what it is, e.g. "Pharmaceuticals"; free text
 * @param weightKg         weight in kilograms, positive
 * @param specialHandling  special handling codes; empty for general cargo
 * @param temperature      temperature control
 * @param declaredValueUsd declared value in US dollars, >= 0
 */
public record CargoShipment(String awb, FlightKey flight, String commodity, double weightKg,
    Set<SpecialHandling> specialHandling, TemperatureClass temperature, BigDecimal declaredValueUsd) {

  public CargoShipment {
    Checks.text(awb, "awb", "cargo shipment");
    String self = "shipment " + awb;
    Checks.required(flight, "flight", self);
    Checks.required(commodity, "commodity", self);
    if (!(weightKg > 0) || Double.isInfinite(weightKg)) {
      throw new IllegalArgumentException("weightKg must be positive and finite but was " + weightKg + " (" + self + ")");
    }
    Checks.required(specialHandling, "specialHandling", self);
    specialHandling = specialHandling.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(specialHandling));
    Checks.required(temperature, "temperature", self);
    Checks.nonNegative(declaredValueUsd, "declaredValueUsd", self);
  }

  /** Whether it carries {@code code}. */
  public boolean has(SpecialHandling code) {
    return specialHandling.contains(code);
  }
}
