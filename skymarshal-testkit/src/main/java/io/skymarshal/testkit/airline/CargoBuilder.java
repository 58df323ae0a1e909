package io.skymarshal.testkit.airline;

import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.SpecialHandling;
import io.skymarshal.airline.TemperatureClass;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Loads cargo: general cargo and, for a share of shipments, special handling and a temperature class. */
final class CargoBuilder {
  private static final String AIRLINE_PREFIX = "607";

  private final Random random;
  private int serial = 1_000_000;
  final List<CargoShipment> shipments = new ArrayList<>();

  CargoBuilder(Random random) {
    this.random = random;
  }

  CargoBuilder load(List<Flight> flights, java.util.Map<String, Integer> seatsByRegistration) {
    for (Flight f : flights) {
      boolean widebody = seatsByRegistration.get(f.aircraftRegistration()) > 250;
      int count = widebody ? 5 + random.nextInt(21) : random.nextInt(7);
      for (int i = 0; i < count; i++) {
        shipments.add(shipment(f, widebody));
      }
    }
    return this;
  }

  private CargoShipment shipment(Flight f, boolean widebody) {
    double kind = random.nextDouble();
    Set<SpecialHandling> codes = EnumSet.noneOf(SpecialHandling.class);
    TemperatureClass temperature = TemperatureClass.NONE;
    String commodity;
    double valuePerKg = 8;
    if (kind < 0.08) {
      codes.add(SpecialHandling.PIL);
      temperature = random.nextBoolean() ? TemperatureClass.REF : TemperatureClass.COL;
      commodity = "Pharmaceuticals";
      valuePerKg = 400;
    } else if (kind < 0.18) {
      codes.add(SpecialHandling.PER);
      temperature = random.nextInt(3) == 0 ? TemperatureClass.FRO : TemperatureClass.COL;
      commodity = temperature == TemperatureClass.FRO ? "Frozen seafood" : "Fresh produce";
      valuePerKg = 12;
    } else if (kind < 0.23) {
      codes.add(SpecialHandling.DGR);
      commodity = "Lithium batteries";
      valuePerKg = 60;
    } else if (kind < 0.25) {
      codes.add(SpecialHandling.AVI);
      commodity = "Live animals";
      valuePerKg = 100;
    } else if (kind < 0.27) {
      codes.add(SpecialHandling.VAL);
      commodity = "Valuables";
      valuePerKg = 20_000;
    } else if (kind < 0.275) {
      codes.add(SpecialHandling.HUM);
      commodity = "Human remains";
      valuePerKg = 0;
    } else {
      commodity = "General cargo";
    }
    double weight = Math.round((widebody ? 50 + random.nextDouble() * 2950 : 20 + random.nextDouble() * 480) * 10) / 10.0;
    BigDecimal value = BigDecimal.valueOf(Math.round(weight * valuePerKg));
    return new CargoShipment(awb(), f.key(), commodity, weight, codes, temperature, value);
  }

  // An air waybill number: the airline prefix, a 7-digit serial and its modulo-7 check digit.
  private String awb() {
    int s = serial++;
    return AIRLINE_PREFIX + "-" + s + (s % 7);
  }
}
