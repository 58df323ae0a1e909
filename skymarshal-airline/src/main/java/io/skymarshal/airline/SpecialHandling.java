package io.skymarshal.airline;

/** IATA special handling codes a shipment may carry. */
public enum SpecialHandling {
  /** Perishable. */
  PER,
  /** Dangerous goods. */
  DGR,
  /** Live animals. */
  AVI,
  /** Pharmaceuticals. */
  PIL,
  /** Valuable cargo. */
  VAL,
  /** Human remains. */
  HUM
}
