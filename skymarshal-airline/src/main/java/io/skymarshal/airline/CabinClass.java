package io.skymarshal.airline;

/** The cabin a booking is in. */
public enum CabinClass {
  FIRST, BUSINESS, ECONOMY
}
