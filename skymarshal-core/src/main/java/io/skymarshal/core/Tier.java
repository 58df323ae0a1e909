package io.skymarshal.core;

/**
 * What an agent's opinion weighs. A failing {@link #SAFETY} agent halts the run; a failing
 * {@link #BUSINESS} agent degrades it; the {@link #ARBITRATOR} decides.
 */
public enum Tier {
  /** Crew compliance, maintenance, regulatory: their binding constraints are checked in code. */
  SAFETY,
  /** Network, guest experience, cargo, finance: weighed against each other. */
  BUSINESS,
  /** Picks the decision from the revised recommendations. */
  ARBITRATOR
}
