package io.skymarshal.testkit.airline;

import java.time.Duration;
import java.util.Set;

/** The generated airline's aircraft types. */
enum FleetType {
  A380("A380", 498, "A6-AP", "A380", 90),
  B77W("B77W", 328, "A6-ET", "B777", 90),
  B78X("B78X", 328, "A6-BM", "B787", 90),
  B789("B789", 299, "A6-BL", "B787", 80),
  A321("A321", 196, "A6-AE", "A320", 50),
  A320("A320", 158, "A6-EI", "A320", 45);

  final String code;
  final int seats;
  final String registrationPrefix;
  final String pilotFamily;
  final Duration turnaround;

  FleetType(String code, int seats, String registrationPrefix, String pilotFamily, int turnaroundMinutes) {
    this.code = code;
    this.seats = seats;
    this.registrationPrefix = registrationPrefix;
    this.pilotFamily = pilotFamily;
    this.turnaround = Duration.ofMinutes(turnaroundMinutes);
  }

  boolean widebody() {
    return seats > 250;
  }

  /** The aircraft types a pilot of this type's family may fly. */
  Set<String> pilotQualifications() {
    return switch (pilotFamily) {
      case "B787" -> Set.of("B789", "B78X");
      case "A320" -> Set.of("A320", "A321");
      default -> Set.of(code);
    };
  }

  /** Cabin crew needed, the purser included: one per 45 seats, at least four. */
  int cabinCrew() {
    return Math.max(4, (seats + 44) / 45);
  }

  static FleetType forRoute(String destination, double distanceKm, int variant) {
    if (Set.of("LHR", "CDG", "JFK", "SYD").contains(destination)) {
      return A380;
    }
    if (distanceKm > 7500) {
      return B77W;
    }
    if (distanceKm > 5000) {
      return variant % 2 == 0 ? B78X : B77W;
    }
    if (distanceKm > 2500) {
      return B789;
    }
    return distanceKm > 1500 ? A321 : A320;
  }
}
