package io.skymarshal.airline.rules;

/** What maintenance says about an aircraft at a time: the maintenance agent's vocabulary. */
public enum Airworthiness {
  /** No open item restricts or grounds it. */
  AIRWORTHY,
  /** It may fly under an operational restriction of an open MEL item. */
  RESTRICTED,
  /** Aircraft on ground: an MEL item's repair interval expired or a grounding work order is overdue. */
  AOG
}
