package io.skymarshal.examples.fuel;

import java.util.Objects;

/**
 * The price of jet fuel at an airport, a record of the fuel agent's own table.
 *
 * @param airport   IATA code
 * @param usdPerKg  price in US dollars per kilogram, positive
 * @param tankering whether fuel may be tankered from here (carried for the next sector)
 */
public record FuelPrice(String airport, double usdPerKg, boolean tankering) {
  public FuelPrice {
    Objects.requireNonNull(airport, "airport");
    if (!(usdPerKg > 0)) {
      throw new IllegalArgumentException("usdPerKg must be positive but was " + usdPerKg);
    }
  }
}
