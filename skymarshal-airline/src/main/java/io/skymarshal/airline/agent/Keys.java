package io.skymarshal.airline.agent;

import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.RotationKey;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.SkyMarshalException;

/** The keys a disruption's flight is read by. */
final class Keys {

  private Keys() {}

  /**
   * @throws SkyMarshalException if the flight number is not a valid airline flight number
   */
  static FlightKey flight(Disruption d) {
    try {
      return new FlightKey(d.flight().flightNumber(), d.flight().date());
    } catch (IllegalArgumentException e) {
      throw new SkyMarshalException("disruption " + d.id() + ": " + e.getMessage(), false, e);
    }
  }

  /** The rotation of the disrupted aircraft on the flight's date, or null if no registration is known. */
  static RotationKey rotation(Disruption d) {
    String reg = d.flight().aircraftRegistration();
    return reg == null || reg.isBlank() ? null : new RotationKey(reg, d.flight().date());
  }
}
