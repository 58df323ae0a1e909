package io.skymarshal.airline;

/** A crew member's position on board. */
public enum CrewPosition {
  CAPTAIN(true), FIRST_OFFICER(true), SECOND_OFFICER(true), PURSER(false), CABIN_CREW(false);

  private final boolean pilot;

  CrewPosition(boolean pilot) {
    this.pilot = pilot;
  }

  /** Whether the position is on the flight deck: pilots count towards the FDP crew size. */
  public boolean isPilot() {
    return pilot;
  }
}
