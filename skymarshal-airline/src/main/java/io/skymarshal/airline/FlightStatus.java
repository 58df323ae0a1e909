package io.skymarshal.airline;

/** Where a flight is in its life. */
public enum FlightStatus {
  SCHEDULED, DELAYED, BOARDING, DEPARTED, ARRIVED, CANCELLED, DIVERTED;

  /** Whether the flight has not left yet and can still be delayed, swapped or cancelled. */
  public boolean isChangeable() {
    return this == SCHEDULED || this == DELAYED || this == BOARDING;
  }
}
