package io.skymarshal.airline;

/**
 * Minimum Equipment List repair categories. Category A's repair interval is stated in each item;
 * B, C and D have fixed intervals (defaults 3, 10 and 120 days, see
 * {@link io.skymarshal.airline.rules.MelRules}).
 */
public enum MelCategory {
  A, B, C, D
}
