package io.skymarshal.airline;

/**
 * A shipment's temperature control. Time outside control before the shipment is at risk, by
 * default: FRO 1 h, REF 2 h, COL 4 h (see {@link io.skymarshal.airline.rules.ColdChainRules}).
 */
public enum TemperatureClass {
  /** Frozen. */
  FRO,
  /** Refrigerated, 2-8 °C. */
  REF,
  /** Cool. */
  COL,
  /** No temperature control. */
  NONE;

  /** Whether the shipment is temperature-controlled. */
  public boolean isControlled() {
    return this != NONE;
  }
}
