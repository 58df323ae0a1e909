package io.skymarshal.airline;

import java.math.BigDecimal;

/**
 * What disruptions cost the airline, for the finance agent. Amounts in US dollars, all >= 0.
 * Immutable.
 *
 * @param id                       the parameter set's id; {@link #DEFAULT_ID} for the airline's default
 * @param delayCostPerMinute       direct operating cost of one minute of delay of one flight (crew, fuel, fees)
 * @param passengerCarePerHour     meals and care per passenger per hour of delay beyond 2 h
 * @param hotelPerPassenger        overnight accommodation per passenger
 * @param reprotectionPerPassenger rebooking a passenger onto another flight
 * @param cancellationFixed        fixed cost of cancelling a flight (besides passengers)
 * @param aircraftSwapFixed        fixed cost of swapping the aircraft
 * @param reserveCrewCallOut       calling out one reserve crew member
 * @param cargoOffloadPerKg        offloading and re-forwarding cargo, per kilogram
 * @param usdPerEur                exchange rate used for EU 261 compensation, in USD per EUR, positive
 */
public record CostParameters(String id, BigDecimal delayCostPerMinute, BigDecimal passengerCarePerHour,
    BigDecimal hotelPerPassenger, BigDecimal reprotectionPerPassenger, BigDecimal cancellationFixed,
    BigDecimal aircraftSwapFixed, BigDecimal reserveCrewCallOut, BigDecimal cargoOffloadPerKg, BigDecimal usdPerEur) {

  /** The id of the airline's default cost parameters. */
  public static final String DEFAULT_ID = "default";

  public CostParameters {
    Checks.text(id, "id", "cost parameters");
    String self = "cost parameters " + id;
    Checks.nonNegative(delayCostPerMinute, "delayCostPerMinute", self);
    Checks.nonNegative(passengerCarePerHour, "passengerCarePerHour", self);
    Checks.nonNegative(hotelPerPassenger, "hotelPerPassenger", self);
    Checks.nonNegative(reprotectionPerPassenger, "reprotectionPerPassenger", self);
    Checks.nonNegative(cancellationFixed, "cancellationFixed", self);
    Checks.nonNegative(aircraftSwapFixed, "aircraftSwapFixed", self);
    Checks.nonNegative(reserveCrewCallOut, "reserveCrewCallOut", self);
    Checks.nonNegative(cargoOffloadPerKg, "cargoOffloadPerKg", self);
    Checks.nonNegative(usdPerEur, "usdPerEur", self);
    if (usdPerEur.signum() == 0) {
      throw new IllegalArgumentException("usdPerEur must be positive (" + self + ")");
    }
  }

  /** Plausible figures for a network carrier, id {@link #DEFAULT_ID}. */
  public static CostParameters defaults() {
    return new CostParameters(DEFAULT_ID, new BigDecimal("101"), new BigDecimal("15"), new BigDecimal("180"),
        new BigDecimal("120"), new BigDecimal("25000"), new BigDecimal("12000"), new BigDecimal("900"),
        new BigDecimal("1.50"), new BigDecimal("1.08"));
  }
}
