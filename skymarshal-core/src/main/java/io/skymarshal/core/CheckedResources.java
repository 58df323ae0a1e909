package io.skymarshal.core;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The aircraft and crew a SAFETY agent examined in code for a run: a plan may operate only an
 * aircraft, and add only crew, that some SAFETY agent examined; anything else is a violation,
 * whatever the arbitrator says. Examined means read from the airline's data and held to the
 * agent's binding constraints, not necessarily fit: a grounded aircraft is examined and grounded.
 * Immutable; sets keep insertion order.
 *
 * @param aircraft registrations examined
 * @param crew     crew ids examined (rostered crew and eligible reserves)
 */
public record CheckedResources(Set<String> aircraft, Set<String> crew) {

  private static final CheckedResources NONE = new CheckedResources(Set.of(), Set.of());

  public CheckedResources {
    aircraft = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(aircraft, "aircraft")));
    crew = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(crew, "crew")));
  }

  /** Nothing examined. */
  public static CheckedResources none() {
    return NONE;
  }

  /** These aircraft, no crew. */
  public static CheckedResources aircraft(Collection<String> registrations) {
    return new CheckedResources(new LinkedHashSet<>(registrations), Set.of());
  }

  /** These crew, no aircraft. */
  public static CheckedResources crew(Collection<String> crewIds) {
    return new CheckedResources(Set.of(), new LinkedHashSet<>(crewIds));
  }

  /** Everything examined by this or {@code other}. */
  public CheckedResources union(CheckedResources other) {
    Set<String> a = new LinkedHashSet<>(aircraft);
    a.addAll(other.aircraft);
    Set<String> c = new LinkedHashSet<>(crew);
    c.addAll(other.crew);
    return new CheckedResources(a, c);
  }

  /** Whether nothing was examined. */
  public boolean isEmpty() {
    return aircraft.isEmpty() && crew.isEmpty();
  }
}
