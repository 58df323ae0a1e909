package io.skymarshal.airline;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The crew rostered on one flight: the item of the "roster by flight" table. Immutable.
 *
 * @param flight  the flight
 * @param entries one entry per crew member; a crew member appears at most once
 */
public record CrewRoster(FlightKey flight, List<RosterEntry> entries) {

  public CrewRoster {
    Checks.required(flight, "flight", "crew roster");
    entries = List.copyOf(Checks.required(entries, "entries", "crew roster of " + flight));
    Set<String> seen = new HashSet<>();
    for (RosterEntry e : entries) {
      if (!seen.add(e.crewId())) {
        throw new IllegalArgumentException("crew member " + e.crewId() + " is rostered twice on " + flight);
      }
    }
  }

  /** How many pilots are rostered: the crew size the FDP limit depends on. */
  public int pilotCount() {
    return (int) entries.stream().filter(e -> e.position().isPilot()).count();
  }

  /** The rostered crew ids, in roster order. */
  public List<String> crewIds() {
    return entries.stream().map(RosterEntry::crewId).toList();
  }
}
