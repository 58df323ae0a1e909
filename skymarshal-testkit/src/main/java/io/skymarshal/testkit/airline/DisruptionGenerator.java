package io.skymarshal.testkit.airline;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Booking;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.Passenger;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Impact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates disruptions of a generated (or any) airline, deterministically from a seed: varied
 * kinds (technical fault / AOG, weather, crew, ATC, bird strike), each about a real flight of
 * the dataset with its registration, a plausible description, an estimated delay, the impact
 * counted from the dataset (bookings, VIPs, connections, cargo, crew), and facts in the style of
 * an operations feed. Stateful: not thread-safe; use one per thread.
 */
public final class DisruptionGenerator {

  /** The kinds of disruption generated, with their type codes. */
  public enum Kind {
    TECHNICAL("aircraft_technical_issue"), WEATHER("weather"), CREW("crew"), ATC("atc"), BIRD_STRIKE("bird_strike");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /** The code in {@link Disruption#type()}. */
    public String code() {
      return code;
    }
  }

  private static final List<String> FAULTS = List.of("Hydraulic system fault detected during pre-flight checks",
      "Engine 2 oil pressure indication fluctuating on start", "Bleed air leak detected in left pylon",
      "Cabin pressurisation controller fault", "Brake temperature sensor failure on main gear",
      "Flap asymmetry warning during taxi-out");
  private static final List<String> WEATHER = List.of("Dense fog, visibility 150 m, low-visibility procedures",
      "Thunderstorms with lightning, ramp operations suspended", "Sandstorm, visibility 800 m",
      "Snow and freezing rain, de-icing queue", "Crosswind gusting 45 kt beyond limits");
  private static final List<String> CREW_ISSUES = List.of("Captain reported sick at briefing",
      "First officer delayed by ground transport", "Purser injured during boarding",
      "Crew would exceed flight duty limit after inbound delay");
  private static final List<String> ATC = List.of("ATC flow restriction in destination FIR",
      "Airspace closure en route, rerouting adds 40 minutes", "ATC strike in overflown country",
      "Runway closure for inspection, capacity halved");

  private final AirlineDataset airline;
  private final Random random;
  private final Map<FlightKey, List<Booking>> bookings = new HashMap<>();
  private final Map<FlightKey, List<CargoShipment>> cargo = new HashMap<>();
  private final Map<FlightKey, CrewRoster> rosters = new HashMap<>();
  private final Map<String, Passenger> passengers = new HashMap<>();
  private int sequence;

  /**
   * A generator over {@code airline}'s flights.
   *
   * @throws IllegalArgumentException if the airline has no flight
   */
  public DisruptionGenerator(AirlineDataset airline, long seed) {
    this.airline = Objects.requireNonNull(airline, "airline");
    if (airline.flights().isEmpty()) {
      throw new IllegalArgumentException("the airline has no flight to disrupt");
    }
    this.random = new Random(seed);
    airline.bookings().forEach(b -> bookings.computeIfAbsent(b.flight(), k -> new ArrayList<>()).add(b));
    airline.cargo().forEach(c -> cargo.computeIfAbsent(c.flight(), k -> new ArrayList<>()).add(c));
    airline.rosters().forEach(r -> rosters.put(r.flight(), r));
    airline.passengers().forEach(p -> passengers.put(p.id(), p));
  }

  /** The next disruption, of a random kind. */
  public Disruption next() {
    return next(Kind.values()[random.nextInt(Kind.values().length)]);
  }

  /** The next disruption, of {@code kind}. */
  public Disruption next(Kind kind) {
    return next(kind, random, ++sequence);
  }

  /** A disruption drawn from {@code random} (for jqwik's random source); does not touch this generator's state. */
  Disruption next(Random random, int sequence) {
    return next(Kind.values()[random.nextInt(Kind.values().length)], random, sequence);
  }

  private Disruption next(Kind kind, Random random, int sequence) {
    Flight f = airline.flights().get(random.nextInt(airline.flights().size()));
    Instant detected = f.scheduledDeparture().minus(Duration.ofMinutes(30 + random.nextInt(211)));
    Disruption.Builder b = Disruption.builder()
        .id(String.format("DISR-%s-%03d", f.date(), sequence))
        .detectedAt(detected)
        .type(kind.code())
        .flight(f.toFlightRef())
        .impact(impact(f.key()));
    switch (kind) {
      case TECHNICAL -> b.severity(pick(random, List.of("high", "critical"))).description(pick(random, FAULTS))
          .estimatedDelay(minutes(random, 60, 360))
          .fact("issue_details.mel_category", pick(random, List.of("Category A", "Category B", "Category C", "not deferrable")))
          .fact("issue_details.requires_maintenance", "true")
          .fact("issue_details.requires_part_replacement", String.valueOf(random.nextBoolean()))
          .fact("constraints.maintenance_window_required_minutes", String.valueOf(60 + 30 * random.nextInt(7)))
          .fact("constraints.alternate_aircraft_available", String.valueOf(random.nextBoolean()));
      case WEATHER -> {
        String airport = random.nextBoolean() ? f.origin() : f.destination();
        Duration delay = minutes(random, 30, 240);
        b.severity(pick(random, List.of("medium", "high"))).description(pick(random, WEATHER) + " at " + airport)
            .estimatedDelay(delay).fact("weather.airport", airport)
            .fact("weather.expected_improvement", detected.plus(delay).toString());
      }
      case CREW -> {
        CrewRoster roster = rosters.get(f.key());
        b.severity(pick(random, List.of("medium", "high"))).description(pick(random, CREW_ISSUES)).estimatedDelay(minutes(random, 30, 180));
        if (roster != null && !roster.entries().isEmpty()) {
          RosterEntry e = roster.entries().get(random.nextInt(roster.entries().size()));
          b.fact("crew.member_id", e.crewId()).fact("crew.position", e.position().name())
              .fact("constraints.crew_ftl_remaining_hours", String.valueOf(
                  Math.round(Duration.between(f.scheduledDeparture(), e.plannedDutyEnd()).toMinutes() / 6.0) / 10.0));
        }
      }
      case ATC -> {
        Duration delay = minutes(random, 20, 120);
        b.severity(pick(random, List.of("low", "medium"))).description(pick(random, ATC)).estimatedDelay(delay)
            .fact("atc.calculated_take_off_time", f.scheduledDeparture().plus(delay).toString())
            .fact("atc.regulation", String.format("%s%02d%c", f.destination(), 1 + random.nextInt(30),
                (char) ('A' + random.nextInt(6))));
      }
      case BIRD_STRIKE -> b.severity("high")
          .description("Bird strike on previous sector during approach; engine borescope inspection required")
          .estimatedDelay(minutes(random, 90, 300)).fact("issue_details.inspection_required", "true");
      default -> throw new IllegalStateException("unhandled kind " + kind);
    }
    return b.build();
  }

  /** The next {@code n} disruptions. */
  public List<Disruption> take(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0 but was " + n);
    }
    List<Disruption> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }

  private Impact impact(FlightKey flight) {
    List<Booking> onFlight = bookings.getOrDefault(flight, List.of());
    int vip = 0;
    int connecting = 0;
    for (Booking bk : onFlight) {
      Passenger p = passengers.get(bk.passengerId());
      if (p != null && p.vip()) {
        vip++;
      }
      if (bk.connects()) {
        connecting++;
      }
    }
    List<CargoShipment> shipments = cargo.getOrDefault(flight, List.of());
    Set<String> special = new TreeSet<>();
    shipments.stream().filter(s -> !s.specialHandling().isEmpty()).forEach(s -> special.add(s.commodity()));
    CrewRoster roster = rosters.get(flight);
    return new Impact(onFlight.size(), vip, connecting, shipments.size(), List.copyOf(special),
        roster == null ? 0 : roster.entries().size());
  }

  private static Duration minutes(Random random, int min, int max) {
    return Duration.ofMinutes(min + 5L * random.nextInt((max - min) / 5 + 1));
  }

  private static <T> T pick(Random random, List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
