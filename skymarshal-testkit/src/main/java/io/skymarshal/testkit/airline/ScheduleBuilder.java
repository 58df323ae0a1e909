package io.skymarshal.testkit.airline;

import io.skymarshal.airline.Airport;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.constraint.Curfew;
import io.skymarshal.airline.rules.Eu261;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds a hub-and-spoke day: round trips from the hub, timed so that no scheduled movement
 * falls in a curfew (buffer included), flown by aircraft that chain round trips when the ground
 * time allows.
 */
final class ScheduleBuilder {
  private static final int[] BANK_MINUTES_UTC = {30, 240, 600, 960, 1260};
  private static final double CRUISE_KMH = 830;

  /** One round trip from the hub and the aircraft type flying it. */
  record RoundTrip(Flight out, Flight back, FleetType type) {}

  /** One aircraft and when it is back at the hub. */
  private static final class Tail {
    final String registration;
    final FleetType type;
    Instant availableAt;

    Tail(String registration, FleetType type, Instant availableAt) {
      this.registration = registration;
      this.type = type;
      this.availableAt = availableAt;
    }
  }

  private final Random random;
  private final LocalDate date;
  private final Airport hub;
  private final List<Airport> destinations;
  private final int roundTrips;
  final List<RoundTrip> trips = new ArrayList<>();
  final Map<String, FleetType> aircraft = new LinkedHashMap<>();

  ScheduleBuilder(Random random, LocalDate date, Airport hub, List<Airport> destinations, int roundTrips) {
    this.random = random;
    this.date = date;
    this.hub = hub;
    this.destinations = destinations;
    this.roundTrips = roundTrips;
  }

  ScheduleBuilder build() {
    int[] frequency = frequencies();
    record Planned(Airport to, FleetType type, Instant departure) {}
    List<Planned> planned = new ArrayList<>();
    Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    for (int d = 0; d < destinations.size(); d++) {
      Airport to = destinations.get(d);
      double km = Eu261.greatCircleKm(hub, to);
      FleetType type = FleetType.forRoute(to.iata(), km, d);
      int firstBank = random.nextInt(BANK_MINUTES_UTC.length);
      for (int f = 0; f < frequency[d]; f++) {
        int bank = BANK_MINUTES_UTC[(firstBank + f * 2) % BANK_MINUTES_UTC.length];
        Instant wanted = dayStart.plus(Duration.ofMinutes(bank + 5L * random.nextInt(19)));
        Instant departure = legalDeparture(wanted, dayStart, to, type, blockTime(km));
        if (departure != null) {
          planned.add(new Planned(to, type, departure));
        }
      }
    }
    planned.sort(Comparator.comparing(Planned::departure).thenComparing(p -> p.to().iata()));
    Map<FleetType, List<Tail>> fleet = new LinkedHashMap<>();
    int number = 201;
    for (Planned p : planned) {
      Duration block = blockTime(Eu261.greatCircleKm(hub, p.to()));
      Instant outArrival = p.departure().plus(block);
      Instant backDeparture = outArrival.plus(p.type().turnaround);
      Instant backArrival = backDeparture.plus(block).plus(Duration.ofMinutes(10));
      Tail tail = assign(fleet, p.type(), p.departure(), backArrival);
      Flight out = Flight.scheduled("EY" + number, hub.iata(), p.to().iata(), p.departure(), outArrival,
          tail.registration, p.type().code);
      Flight back = Flight.scheduled("EY" + (number + 1), p.to().iata(), hub.iata(), backDeparture, backArrival,
          tail.registration, p.type().code);
      trips.add(new RoundTrip(out, back, p.type()));
      number += 2;
    }
    return this;
  }

  /** Block time: 30 minutes of taxi, climb and descent plus cruise, rounded up to 5 minutes. */
  static Duration blockTime(double km) {
    long minutes = 30 + (long) Math.ceil(km / CRUISE_KMH * 60);
    return Duration.ofMinutes((minutes + 4) / 5 * 5);
  }

  // Frequencies per destination summing to the wanted number of round trips: short routes
  // are flown more often than long ones, as a network carrier does.
  private int[] frequencies() {
    int[] f = new int[destinations.size()];
    if (roundTrips < f.length) {
      // too few round trips to serve every destination once: serve a seeded choice of them
      List<Integer> order = new ArrayList<>();
      for (int d = 0; d < f.length; d++) {
        order.add(d);
      }
      Collections.shuffle(order, random);
      order.subList(0, roundTrips).forEach(d -> f[d] = 1);
      return f;
    }
    int[] max = new int[f.length];
    int total = 0;
    int capacity = 0;
    for (int d = 0; d < f.length; d++) {
      double km = Eu261.greatCircleKm(hub, destinations.get(d));
      max[d] = km < 2500 ? 5 : km < 6000 ? 3 : 2;
      f[d] = 1 + random.nextInt(max[d]);
      total += f[d];
      capacity += max[d] + 1;
    }
    // more round trips than those frequencies carry: allow every destination the same few more,
    // so the loop below can reach the total
    int extra = Math.max(0, (roundTrips - capacity + f.length - 1) / f.length);
    while (total != roundTrips) {
      int d = random.nextInt(f.length);
      if (total < roundTrips && f[d] < max[d] + 1 + extra) {
        f[d]++;
        total++;
      } else if (total > roundTrips && f[d] > 1) {
        f[d]--;
        total--;
      }
    }
    return f;
  }

  // The first departure on the day, from the wanted one in 15-minute steps, whose arrival and
  // turnaround departure at the destination keep its curfew; null if there is none.
  private Instant legalDeparture(Instant wanted, Instant dayStart, Airport to, FleetType type, Duration block) {
    if (to.curfew() == null) {
      return wanted;
    }
    Curfew arrivals = Curfew.onArrival(to.iata(), to.zone(), to.curfew());
    Curfew departures = Curfew.onDeparture(to.iata(), to.zone(), to.curfew());
    for (int step = 0; step < 96; step++) {
      long minutes = Math.floorMod(Duration.between(dayStart, wanted).toMinutes() + 15L * step, 24 * 60);
      Instant dep = dayStart.plus(Duration.ofMinutes(minutes));
      Instant arr = dep.plus(block);
      if (!arrivals.forbids(arr) && !departures.forbids(arr.plus(type.turnaround))) {
        return dep;
      }
    }
    return null;
  }

  private Tail assign(Map<FleetType, List<Tail>> fleet, FleetType type, Instant departure, Instant backAtHub) {
    List<Tail> tails = fleet.computeIfAbsent(type, t -> new ArrayList<>());
    Tail chosen = null;
    for (Tail t : tails) {
      if (!t.availableAt.plus(type.turnaround).isAfter(departure)
          && (chosen == null || t.availableAt.isBefore(chosen.availableAt))) {
        chosen = t;
      }
    }
    if (chosen == null) {
      chosen = new Tail(registration(type, tails.size()), type, departure);
      tails.add(chosen);
      aircraft.put(chosen.registration, type);
    }
    chosen.availableAt = backAtHub;
    return chosen;
  }

  private static String registration(FleetType type, int index) {
    return type.registrationPrefix + (char) ('A' + index % 26) + (index >= 26 ? String.valueOf(index / 26) : "");
  }
}
