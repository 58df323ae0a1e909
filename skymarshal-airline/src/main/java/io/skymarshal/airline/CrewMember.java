package io.skymarshal.airline;

import java.util.Set;

/**
 * One crew member. Immutable; the set is copied.
 *
 * @param id             e.g. {@code C10234}
 * @param name           full name
 * @param position       the position they fly in
 * @param base           IATA code of their base
 * @param qualifications aircraft types they are qualified on (e.g. {@code A380}); empty for none
 */
public record CrewMember(String id, String name, CrewPosition position, String base, Set<String> qualifications) {

  public CrewMember {
    Checks.text(id, "id", "crew member");
    String self = "crew member " + id;
    Checks.required(name, "name", self);
    Checks.required(position, "position", self);
    Checks.iata(base, "base", self);
    qualifications = Set.copyOf(Checks.required(qualifications, "qualifications", self));
  }

  /** Whether they may operate {@code aircraftType}. */
  public boolean isQualifiedOn(String aircraftType) {
    return qualifications.contains(aircraftType);
  }
}
