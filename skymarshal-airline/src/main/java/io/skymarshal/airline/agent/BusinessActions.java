package io.skymarshal.airline.agent;

import java.util.List;

/** The vocabulary the four business agents and the arbitrator share. */
final class BusinessActions {
  static final String DELAY = "DELAY";
  static final String SWAP = "SWAP_AIRCRAFT";
  static final String CANCEL = "CANCEL";
  static final String PROCEED = "PROCEED";
  static final List<String> ALL = List.of(DELAY, SWAP, CANCEL, PROCEED);

  private BusinessActions() {}
}
