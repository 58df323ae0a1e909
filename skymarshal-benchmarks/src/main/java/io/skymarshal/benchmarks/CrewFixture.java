package io.skymarshal.benchmarks;

import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Crew members for the read benchmarks: deterministic, with the field mix of a real roster. */
final class CrewFixture {
  private CrewFixture() {}

  static List<CrewMember> crew(int n) {
    CrewPosition[] positions = CrewPosition.values();
    String[] bases = {"AUH", "LHR", "JFK", "SYD"};
    List<Set<String>> quals = List.of(Set.of("A380"), Set.of("B789", "B78X"), Set.of(), Set.of("A320", "A321"));
    List<CrewMember> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new CrewMember(String.format("C%05d", i), "Crew Member " + i, positions[i % positions.length],
          bases[i % bases.length], quals.get(i % quals.size())));
    }
    return out;
  }
}
