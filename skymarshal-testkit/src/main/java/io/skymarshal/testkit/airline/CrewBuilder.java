package io.skymarshal.testkit.airline;

import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewPosition;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.ReserveAvailability;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.airline.rules.CrewRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Crews the schedule: one duty for both legs of a short round trip, one per leg of a long one,
 * each with the fewest pilots whose FDP limit covers the duty. Some duties start earlier (a
 * standby or positioning before), leaving them within an hour of their limit; every planned
 * duty stays legal. Adds reserve crew at the hub and two outstations.
 */
final class CrewBuilder {
  private static final Duration SHORT_ROUND_TRIP_BLOCK = Duration.ofMinutes(270);
  private static final double NEAR_LIMIT_SHARE = 0.15;
  private static final List<String> ALL_TYPES = List.of("A380", "B77W", "B78X", "B789", "A321", "A320");

  private final Random random;
  private final CrewRules rules;
  private int nextId = 10001;
  final List<CrewMember> members = new ArrayList<>();
  final Map<io.skymarshal.airline.FlightKey, CrewRoster> rosters = new LinkedHashMap<>();
  final List<ReserveCrew> reserves = new ArrayList<>();

  CrewBuilder(Random random, CrewRules rules) {
    this.random = random;
    this.rules = rules;
  }

  CrewBuilder crew(List<ScheduleBuilder.RoundTrip> trips) {
    for (ScheduleBuilder.RoundTrip t : trips) {
      if (t.out().blockTime().compareTo(SHORT_ROUND_TRIP_BLOCK) <= 0) {
        duty(List.of(t.out(), t.back()), t.type(), Duration.ofMinutes(60), t.out().origin());
      } else {
        duty(List.of(t.out()), t.type(), Duration.ofMinutes(90), t.out().origin());
        duty(List.of(t.back()), t.type(), Duration.ofMinutes(75), t.out().origin());
      }
    }
    return this;
  }

  CrewBuilder reserves(LocalDate date, String hub, List<String> outstations) {
    Instant day = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    List<ReserveAvailability> atHub = new ArrayList<>();
    for (FleetType type : List.of(FleetType.A380, FleetType.B77W, FleetType.B789, FleetType.A320)) {
      for (int i = 0; i < 2; i++) {
        Instant from = day.plus(Duration.ofHours(12L * i));
        atHub.add(available(member(CrewPosition.CAPTAIN, type, hub), from));
        atHub.add(available(member(CrewPosition.FIRST_OFFICER, type, hub), from));
      }
    }
    for (int i = 0; i < 16; i++) {
      FleetType type = FleetType.values()[i % FleetType.values().length];
      atHub.add(available(member(i % 8 == 0 ? CrewPosition.PURSER : CrewPosition.CABIN_CREW, type, hub),
          day.plus(Duration.ofHours(12L * (i % 2)))));
    }
    reserves.add(new ReserveCrew(hub, atHub));
    for (String base : outstations) {
      List<ReserveAvailability> out = new ArrayList<>();
      out.add(new ReserveAvailability(member(CrewPosition.CAPTAIN, FleetType.A380, base).id(), day,
          day.plus(Duration.ofHours(24))));
      out.add(new ReserveAvailability(member(CrewPosition.FIRST_OFFICER, FleetType.A380, base).id(), day,
          day.plus(Duration.ofHours(24))));
      for (int i = 0; i < 4; i++) {
        out.add(new ReserveAvailability(member(CrewPosition.CABIN_CREW, FleetType.A380, base).id(), day,
            day.plus(Duration.ofHours(24))));
      }
      reserves.add(new ReserveCrew(base, out));
    }
    return this;
  }

  private ReserveAvailability available(CrewMember m, Instant from) {
    return new ReserveAvailability(m.id(), from, from.plus(Duration.ofHours(12)));
  }

  private void duty(List<Flight> legs, FleetType type, Duration reportLead, String base) {
    Instant start = legs.get(0).scheduledDeparture().minus(reportLead);
    Instant end = legs.get(legs.size() - 1).scheduledArrival().plus(rules.postFlightDuty());
    Duration length = Duration.between(start, end);
    int pilots = 2;
    while (pilots < 4 && rules.fdpLimit(pilots).compareTo(length) < 0) {
      pilots++;
    }
    if (random.nextDouble() < NEAR_LIMIT_SHARE) {
      Duration margin = Duration.ofMinutes(random.nextInt(61));
      Duration extra = rules.fdpLimit(pilots).minus(length).minus(margin);
      if (!extra.isNegative()) {
        start = start.minus(extra);
      }
    }
    List<RosterEntry> entries = new ArrayList<>();
    for (int p = 0; p < pilots; p++) {
      CrewPosition pos = p == 0 ? CrewPosition.CAPTAIN : p == 1 ? CrewPosition.FIRST_OFFICER : CrewPosition.SECOND_OFFICER;
      entries.add(new RosterEntry(member(pos, type, base).id(), pos, start, end));
    }
    for (int c = 0; c < type.cabinCrew(); c++) {
      CrewPosition pos = c == 0 ? CrewPosition.PURSER : CrewPosition.CABIN_CREW;
      entries.add(new RosterEntry(member(pos, type, base).id(), pos, start, end));
    }
    for (Flight f : legs) {
      rosters.put(f.key(), new CrewRoster(f.key(), entries));
    }
  }

  private CrewMember member(CrewPosition position, FleetType type, String base) {
    Set<String> qualifications;
    if (position.isPilot()) {
      qualifications = type.pilotQualifications();
    } else {
      Set<String> q = new LinkedHashSet<>();
      q.add(type.code);
      q.add(ALL_TYPES.get(random.nextInt(ALL_TYPES.size())));
      qualifications = q;
    }
    CrewMember m = new CrewMember("C" + nextId++, Names.person(random), position, base, qualifications);
    members.add(m);
    return m;
  }
}
