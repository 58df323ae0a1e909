package io.skymarshal.airline.agent;

import java.util.List;

/** The vocabulary the four business agents and the arbitrator share; a business agent of your own may use it. */
public final class BusinessActions {
  /** Delay the flight. */
  public static final String DELAY = "DELAY";
  /** Operate the flight with another aircraft. */
  public static final String SWAP = "SWAP_AIRCRAFT";
  /** Cancel the flight. */
  public static final String CANCEL = "CANCEL";
  /** Operate on schedule. */
  public static final String PROCEED = "PROCEED";
  /** All four, in this order: DELAY, SWAP_AIRCRAFT, CANCEL, PROCEED. */
  public static final List<String> ALL = List.of(DELAY, SWAP, CANCEL, PROCEED);

  private BusinessActions() {}
}
