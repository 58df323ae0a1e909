package io.skymarshal.testkit.airline;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.Booking;
import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.airline.SpecialHandling;
import io.skymarshal.airline.TemperatureClass;
import io.skymarshal.airline.rules.ConnectionRules;
import io.skymarshal.airline.rules.CrewRules;
import io.skymarshal.airline.rules.MelRules;
import io.skymarshal.airline.rules.RegulatoryRules;
import io.skymarshal.airline.constraint.Curfew;
import io.skymarshal.core.ActionPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AirlineGeneratorTest {
  private static final AirlineDataset AIRLINE = AirlineGenerator.defaultAirline();
  private static final Instant DAY = Instant.parse("2026-01-30T00:00:00Z");

  private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
    return values.stream().collect(Collectors.toMap(key, v -> v));
  }

  @Test
  void defaultAirline_hasTheAdvertisedSize() {
    assertThat(AIRLINE.airports()).hasSize(40);
    assertThat(AIRLINE.flights()).hasSize(200);
    assertThat(AIRLINE.bookings().size()).isBetween(29_000, 30_500);
    assertThat(AIRLINE.passengers().size()).isLessThan(AIRLINE.bookings().size());
    assertThat(AIRLINE.rosters()).hasSize(200);
    assertThat(AIRLINE.cargo()).isNotEmpty();
    assertThat(AIRLINE.reserveCrews()).extracting(r -> r.base()).containsExactly("AUH", "LHR", "JFK");
    assertThat(AIRLINE.costParameters()).hasSize(1);
  }

  @Test
  void generate_whenFewerRoundTripsThanDestinations_servesThatManyDestinationsOnce() {
    for (int roundTrips : new int[] {1, 5, 38}) {
      AirlineGenerator.Config config = new AirlineGenerator.Config(3, AirlineGenerator.Config.defaults().date(),
          roundTrips, 500);

      AirlineDataset airline = AirlineGenerator.of(config).generate();

      List<Flight> outbound = airline.flights().stream().filter(f -> f.origin().equals("AUH")).toList();
      assertThat(outbound).as("%d round trips", roundTrips).hasSize(roundTrips);
      assertThat(outbound.stream().map(Flight::destination).distinct()).hasSize(roundTrips);
      assertThat(airline.flights()).hasSize(2 * roundTrips);
      assertThat(airline.integrityProblems()).isEmpty();
      assertThat(AirlineGenerator.of(config).generate()).isEqualTo(airline);
    }
  }

  @Test
  void generate_whenMoreRoundTripsThanTheUsualFrequenciesCarry_servesThemAll() {
    AirlineGenerator.Config config = new AirlineGenerator.Config(3, AirlineGenerator.Config.defaults().date(), 400, 500);

    AirlineDataset airline = AirlineGenerator.of(config).generate();

    assertThat(airline.flights()).hasSize(800);
    assertThat(airline.flights().stream().filter(f -> f.origin().equals("AUH")).map(Flight::destination).distinct())
        .hasSize(39);
    assertThat(airline.integrityProblems()).isEmpty();
  }

  @Test
  void generate_whenSeveralSeeds_everyReferenceResolves() {
    assertThat(AIRLINE.integrityProblems()).isEmpty();
    for (long seed = 1; seed <= 2; seed++) {
      assertThat(AirlineGenerator.generate(seed).integrityProblems()).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void generate_whenSameSeed_givesAnEqualAirlineAndOtherSeedsDiffer() {
    assertThat(AirlineGenerator.of(AirlineGenerator.Config.defaults()).generate()).isEqualTo(AIRLINE);
    assertThat(AirlineGenerator.generate(7)).isNotEqualTo(AIRLINE);
  }

  @Test
  void schedule_keepsEveryCurfewAndEveryAircraftIsInOnePlaceAtATime() {
    Map<String, Airport> airports = index(AIRLINE.airports(), Airport::iata);
    for (Flight f : AIRLINE.flights()) {
      ActionPlan asScheduled = new ActionPlan("PROCEED", true, f.scheduledDeparture(), f.scheduledArrival(),
          f.aircraftRegistration(), Set.of(), "as scheduled");
      RegulatoryRules.defaults().constraints(f, airports.get(f.origin()), airports.get(f.destination())).stream()
          .filter(c -> c instanceof Curfew)
          .forEach(c -> assertThat(c.violationBy(asScheduled)).as(f.key() + " " + c.describe()).isEmpty());
    }
    Map<String, List<Flight>> byAircraft = AIRLINE.flights().stream()
        .collect(Collectors.groupingBy(Flight::aircraftRegistration));
    byAircraft.forEach((reg, flights) -> {
      List<Flight> sorted = flights.stream().sorted(Comparator.comparing(Flight::scheduledDeparture)).toList();
      for (int i = 1; i < sorted.size(); i++) {
        assertThat(sorted.get(i).scheduledDeparture()).isAfterOrEqualTo(sorted.get(i - 1).scheduledArrival());
        assertThat(sorted.get(i).origin()).isEqualTo(sorted.get(i - 1).destination());
      }
    });
    assertThat(AIRLINE.rotations()).anySatisfy(r -> assertThat(r.flights().size()).isGreaterThanOrEqualTo(4));
  }

  @Test
  void rosters_areLegalQualifiedAndSomeAreNearTheFdpLimit() {
    CrewRules rules = CrewRules.defaults();
    Map<String, CrewMember> crew = index(AIRLINE.crewMembers(), CrewMember::id);
    Map<FlightKey, Flight> flights = index(AIRLINE.flights(), Flight::key);
    int nearLimit = 0;
    for (CrewRoster r : AIRLINE.rosters()) {
      assertThat(r.pilotCount()).isBetween(2, 4);
      Duration limit = rules.fdpLimit(r.pilotCount());
      for (RosterEntry e : r.entries()) {
        assertThat(e.plannedDuty()).as("%s on %s", e.crewId(), r.flight()).isLessThanOrEqualTo(limit);
        if (e.position().isPilot()) {
          assertThat(crew.get(e.crewId()).isQualifiedOn(flights.get(r.flight()).aircraftType())).isTrue();
        }
      }
      if (limit.minus(r.entries().get(0).plannedDuty()).compareTo(Duration.ofHours(1)) <= 0) {
        nearLimit++;
      }
    }
    assertThat(nearLimit).isGreaterThanOrEqualTo(10);
  }

  @Test
  void fleet_hasMelItemsNoneExpiredAtTheStartOfTheDaySomeExpiringDuringIt() {
    MelRules rules = MelRules.defaults();
    List<MelItem> items = AIRLINE.aircraft().stream().flatMap(a -> a.openMelItems().stream()).toList();
    assertThat(items).isNotEmpty();
    assertThat(items).noneMatch(i -> rules.expiredAt(i, DAY));
    assertThat(items).anyMatch(i -> rules.expiredAt(i, DAY.plus(Duration.ofHours(24))));
    assertThat(items).anyMatch(MelItem::restricts);
    assertThat(AIRLINE.aircraft()).anyMatch(a -> !a.openWorkOrders().isEmpty());
  }

  @Test
  void bookings_fitTheSeatsAndConnectionsKeepTheMinimumConnectionTime() {
    Map<String, Aircraft> aircraft = index(AIRLINE.aircraft(), Aircraft::registration);
    Map<FlightKey, Flight> flights = index(AIRLINE.flights(), Flight::key);
    Map<FlightKey, Long> perFlight = AIRLINE.bookings().stream()
        .collect(Collectors.groupingBy(Booking::flight, Collectors.counting()));
    perFlight.forEach((k, n) -> assertThat(n).isLessThanOrEqualTo(aircraft.get(flights.get(k).aircraftRegistration()).seats()));
    List<Booking> connecting = AIRLINE.bookings().stream().filter(Booking::connects).toList();
    assertThat(connecting.size()).isGreaterThan(1_000);
    Airport hub = AirportCatalog.hub();
    for (Booking b : connecting) {
      Flight in = flights.get(b.flight());
      Flight out = flights.get(b.connectingFlight());
      assertThat(in.destination()).isEqualTo(hub.iata());
      assertThat(ConnectionRules.standard().connectionHolds(hub, b.connectionType(), in.scheduledArrival(),
          out.scheduledDeparture())).as(b.id()).isTrue();
    }
    Map<String, Long> bookingsPerPassenger = AIRLINE.bookings().stream()
        .collect(Collectors.groupingBy(Booking::passengerId, Collectors.counting()));
    assertThat(bookingsPerPassenger.values()).allMatch(n -> n <= 2);
  }

  @Test
  void cargo_carriesEverySpecialHandlingCodeAndTemperatureClass() {
    Set<SpecialHandling> codes = EnumSet.noneOf(SpecialHandling.class);
    Set<TemperatureClass> temperatures = EnumSet.noneOf(TemperatureClass.class);
    AIRLINE.cargo().forEach(c -> {
      codes.addAll(c.specialHandling());
      temperatures.add(c.temperature());
    });
    assertThat(codes).containsExactlyInAnyOrder(SpecialHandling.values());
    assertThat(temperatures).containsExactlyInAnyOrder(TemperatureClass.values());
    Map<String, Long> awbs = new HashMap<>();
    AIRLINE.cargo().forEach(c -> awbs.merge(c.awb(), 1L, Long::sum));
    assertThat(awbs.values()).allMatch(n -> n == 1);
    assertThat(AIRLINE.cargo()).allMatch(c -> c.awb().matches("607-\\d{8}")
        && Integer.parseInt(c.awb().substring(4, 11)) % 7 == c.awb().charAt(11) - '0');
  }

  @Test
  void crew_eachMemberHasAtMostOneDuty() {
    Map<String, Set<Instant>> dutyStarts = new HashMap<>();
    AIRLINE.rosters().forEach(r -> r.entries().forEach(e ->
        dutyStarts.computeIfAbsent(e.crewId(), k -> new java.util.HashSet<>()).add(e.dutyStart())));
    assertThat(dutyStarts.values()).allMatch(s -> s.size() == 1);
    Set<String> reserves = AIRLINE.reserveCrews().stream().flatMap(r -> r.available().stream())
        .map(a -> a.crewId()).collect(Collectors.toSet());
    assertThat(reserves).doesNotContainAnyElementsOf(dutyStarts.keySet());
  }
}
