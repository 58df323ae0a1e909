package io.skymarshal.airline;

/** A passenger's loyalty tier, lowest first. */
public enum LoyaltyTier {
  NONE, SILVER, GOLD, PLATINUM
}
