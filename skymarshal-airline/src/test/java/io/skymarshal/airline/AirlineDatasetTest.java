package io.skymarshal.airline;

import io.skymarshal.airline.store.InMemoryAirlineStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.data.BatchResult;
import io.skymarshal.data.DataAccess;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AirlineDatasetTest {
  static final Instant DEP = Instant.parse("2026-01-30T14:00:00Z");
  static final FlightKey EY123 = FlightKey.of("EY123", "2026-01-30");
  static final FlightKey EY124 = FlightKey.of("EY124", "2026-01-30");

  static AirlineDataset.Builder small() {
    return AirlineDataset.builder()
        .airport(new Airport("AUH", "Abu Dhabi", ZoneId.of("Asia/Dubai"), 24.43, 54.65, null, false, Map.of()))
        .airport(new Airport("LHR", "London Heathrow", ZoneId.of("Europe/London"), 51.47, -0.45,
            LocalTimeWindow.parse("23:00", "06:00"), true, Map.of()))
        .aircraft(new Aircraft("A6-APA", "A380", "AUH", 498, List.of(), List.of()))
        // out of departure order on purpose: rotations must sort
        .flight(Flight.scheduled("EY124", "LHR", "AUH", DEP.plus(Duration.ofHours(6)), DEP.plus(Duration.ofHours(13)),
            "A6-APA", "A380"))
        .flight(Flight.scheduled("EY123", "AUH", "LHR", DEP, DEP.plus(Duration.ofMinutes(270)), "A6-APA", "A380"))
        .crewMember(new CrewMember("C1", "A. Captain", CrewPosition.CAPTAIN, "AUH", Set.of("A380")))
        .roster(new CrewRoster(EY123, List.of(new RosterEntry("C1", CrewPosition.CAPTAIN, DEP.minusSeconds(5400),
            DEP.plus(Duration.ofHours(5))))))
        .reserveCrew(new ReserveCrew("AUH", List.of(new ReserveAvailability("C1", DEP, DEP.plus(Duration.ofHours(12))))))
        .passenger(new Passenger("P1", "A. Passenger", LoyaltyTier.GOLD, false, Set.of("WCHR")))
        .booking(new Booking("B1", "P1", EY123, CabinClass.BUSINESS, EY124, ConnectionType.SAME_TERMINAL))
        .cargo(new CargoShipment("607-1", EY123, "vaccines", 120, Set.of(SpecialHandling.PIL), TemperatureClass.REF,
            new BigDecimal("50000")))
        .costParameters(CostParameters.defaults());
  }

  @Test
  void integrityProblems_whenEveryReferenceResolves_isEmpty() {
    assertThat(small().build().integrityProblems()).isEmpty();
  }

  @Test
  void integrityProblems_whenReferencesBrokenOrKeysDuplicated_namesEach() {
    AirlineDataset d = small()
        .booking(Booking.pointToPoint("B2", "P404", EY123, CabinClass.ECONOMY))
        .roster(new CrewRoster(EY124, List.of(new RosterEntry("C404", CrewPosition.PURSER, DEP, DEP.plusSeconds(60)))))
        .flight(Flight.scheduled("EY9", "AUH", "JFK", DEP, DEP.plusSeconds(3600), "A6-XXX", "B789"))
        .passenger(new Passenger("P1", "again", LoyaltyTier.NONE, false, Set.of()))
        .cargo(new CargoShipment("607-2", FlightKey.of("EY1", "2026-01-30"), "mail", 5, Set.of(), TemperatureClass.NONE,
            BigDecimal.ZERO))
        .build();
    assertThat(d.integrityProblems()).containsExactlyInAnyOrder(
        "duplicate passenger P1",
        "booking B2: unknown passenger P404",
        "roster of EY124/2026-01-30: unknown crew member C404",
        "flight EY9/2026-01-30: unknown destination JFK",
        "flight EY9/2026-01-30: unknown aircraft A6-XXX",
        "shipment 607-2: unknown flight EY1/2026-01-30");
  }

  @Test
  void integrityProblems_whenConnectionLeavesFromElsewhereOrTypeMismatch_namesIt() {
    AirlineDataset d = small()
        .flight(Flight.scheduled("EY125", "AUH", "LHR", DEP.plus(Duration.ofHours(20)), DEP.plus(Duration.ofHours(27)),
            "A6-APA", "B789"))
        .booking(new Booking("B3", "P1", EY123, CabinClass.ECONOMY, FlightKey.of("EY125", "2026-01-31"),
            ConnectionType.INTERLINE))
        .build();
    assertThat(d.integrityProblems()).containsExactlyInAnyOrder(
        "flight EY125/2026-01-31: type B789 but aircraft A6-APA is a A380",
        "booking B3: connecting flight EY125/2026-01-31 leaves AUH, not LHR");
  }

  @Test
  void rotations_groupAnAircraftsFlightsPerDayInDepartureOrder() {
    List<AircraftRotation> rotations = small().build().rotations();
    assertThat(rotations).containsExactly(new AircraftRotation("A6-APA", LocalDate.parse("2026-01-30"),
        List.of(EY123, EY124)));
    assertThat(rotations.get(0).downstreamOf(EY123)).containsExactly(EY124);
    assertThat(rotations.get(0).downstreamOf(EY124)).isEmpty();
  }

  @Test
  void inMemory_readsEveryTableInBatches() {
    InMemoryAirlineStore store = InMemoryAirlineStore.of(small().build());
    DataAccess data = store.dataAccess();
    assertThat(AirlineTables.ALL).allSatisfy(t -> assertThat(data.has(t)).isTrue());
    BatchResult<FlightKey, Flight> flights = data.reader(AirlineTables.FLIGHTS)
        .getAll(List.of(EY123, EY124, FlightKey.of("EY1", "2026-01-30"), EY123));
    assertThat(flights.found()).containsOnlyKeys(EY123, EY124);
    assertThat(flights.missing()).containsExactly(FlightKey.of("EY1", "2026-01-30"));
    assertThat(store.reader(AirlineTables.FLIGHTS).requestCount()).isEqualTo(1);
    assertThat(data.reader(AirlineTables.BOOKINGS).get(EY123)).hasValueSatisfying(b ->
        assertThat(b.bookings()).extracting(Booking::id).containsExactly("B1"));
    assertThat(data.reader(AirlineTables.BOOKINGS).get(EY124)).hasValueSatisfying(b ->
        assertThat(b.bookings()).isEmpty());
    assertThat(data.reader(AirlineTables.ROSTERS).get(EY124)).hasValueSatisfying(r ->
        assertThat(r.entries()).isEmpty());
    assertThat(data.reader(AirlineTables.CARGO).get(EY123)).hasValueSatisfying(c ->
        assertThat(c.totalWeightKg()).isEqualTo(120.0));
    assertThat(data.reader(AirlineTables.ROTATIONS).get(new RotationKey("A6-APA", LocalDate.parse("2026-01-30"))))
        .isPresent();
    assertThat(data.reader(AirlineTables.COST_PARAMETERS).get(CostParameters.DEFAULT_ID)).isPresent();
    assertThat(data.reader(AirlineTables.RESERVE_CREW).get("AUH")).isPresent();
    assertThat(store.requestCount()).isEqualTo(8);
  }

  @Test
  void inMemory_whenMoreThanOneHundredKeys_splitsIntoRequestsOfAtMostOneHundred() {
    AirlineDataset.Builder b = small();
    List<String> ids = new ArrayList<>();
    IntStream.range(0, 250).forEach(i -> {
      b.passenger(new Passenger("X" + i, "n", LoyaltyTier.NONE, false, Set.of()));
      ids.add("X" + i);
    });
    InMemoryAirlineStore store = InMemoryAirlineStore.of(b.build());
    assertThat(store.dataAccess().reader(AirlineTables.PASSENGERS).getAll(ids).found()).hasSize(250);
    assertThat(store.reader(AirlineTables.PASSENGERS).requestCount()).isEqualTo(3);
  }
}
