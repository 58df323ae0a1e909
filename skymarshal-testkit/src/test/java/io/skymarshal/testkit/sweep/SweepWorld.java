package io.skymarshal.testkit.sweep;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.core.Disruption;
import io.skymarshal.testkit.airline.AirlineGenerator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/** A small generated airline and hand-made disruptions of its flights, for the sweep's tests. */
final class SweepWorld {
  static final AirlineDataset AIRLINE = AirlineGenerator.of(
      new AirlineGenerator.Config(3, LocalDate.of(2026, 1, 30), 12, 800)).generate();

  private SweepWorld() {}

  /** The first flight from the hub that has a roster and whose aircraft has a record. */
  static Flight flight() {
    return AIRLINE.flights().stream()
        .filter(f -> f.origin().equals("AUH"))
        .filter(f -> AIRLINE.rosters().stream().anyMatch(r -> r.flight().equals(f.key()) && !r.entries().isEmpty()))
        .filter(f -> AIRLINE.aircraft().stream().anyMatch(a -> a.registration().equals(f.aircraftRegistration())))
        .findFirst().orElseThrow();
  }

  static CrewRoster roster(Flight f) {
    return AIRLINE.rosters().stream().filter(r -> r.flight().equals(f.key())).findFirst().orElseThrow();
  }

  /** A disruption of {@code f}, detected {@code detectedBefore} before its scheduled departure. */
  static Disruption disruption(Flight f, String type, Duration delay, Duration detectedBefore,
      Map<String, String> facts) {
    Disruption.Builder b = Disruption.builder().id("T-" + f.number() + "-" + type).type(type)
        .detectedAt(f.scheduledDeparture().minus(detectedBefore)).flight(f.toFlightRef()).estimatedDelay(delay);
    facts.forEach(b::fact);
    return b.build();
  }

  static Disruption disruption(Flight f, String type, Duration delay, Map<String, String> facts) {
    return disruption(f, type, delay, Duration.ofMinutes(60), facts);
  }
}
