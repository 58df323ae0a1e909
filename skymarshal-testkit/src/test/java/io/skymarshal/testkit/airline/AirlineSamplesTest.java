package io.skymarshal.testkit.airline;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.FlightBookings;
import io.skymarshal.airline.FlightCargo;
import io.skymarshal.airline.RotationKey;
import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.airline.rules.Airworthiness;
import io.skymarshal.airline.rules.CrewRules;
import io.skymarshal.airline.rules.MelRules;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.Disruption;
import io.skymarshal.data.DataAccess;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AirlineSamplesTest {
  private static final AirlineDataset SAMPLE = AirlineSamples.ey123Airline();
  private static final DataAccess DATA = AirlineData.inMemory(SAMPLE);

  @Test
  void ey123Airline_everyReferenceResolves() {
    assertThat(SAMPLE.integrityProblems()).isEmpty();
    assertThat(AirlineSamples.ey123Airline()).isEqualTo(SAMPLE);
  }

  @Test
  void ey123Disruption_matchesTheDocumentAndTheData() {
    Disruption d = AirlineSamples.ey123Disruption();
    assertThat(d.flight().aircraftRegistration()).isEqualTo(AirlineSamples.EY123_REGISTRATION);
    assertThat(d.facts()).containsEntry("constraints.lhr_curfew", "23:00:00Z");
    FlightBookings bookings = DATA.reader(AirlineTables.BOOKINGS).get(AirlineSamples.EY123).orElseThrow();
    assertThat(bookings.bookings()).hasSize(d.impact().passengers());
    assertThat(bookings.connectingCount()).isEqualTo(d.impact().connectingPassengers());
    List<String> ids = bookings.bookings().stream().map(b -> b.passengerId()).toList();
    long vips = DATA.reader(AirlineTables.PASSENGERS).getAll(ids).found().values().stream().filter(p -> p.vip()).count();
    assertThat(vips).isEqualTo(d.impact().vipPassengers());
    FlightCargo cargo = DATA.reader(AirlineTables.CARGO).get(AirlineSamples.EY123).orElseThrow();
    assertThat(cargo.shipments()).hasSize(d.impact().cargoShipments());
    assertThat(cargo.shipments().stream().filter(s -> !s.specialHandling().isEmpty()).map(s -> s.commodity())
        .distinct()).containsExactlyInAnyOrderElementsOf(d.impact().specialCargo());
    CrewRoster roster = DATA.reader(AirlineTables.ROSTERS).get(AirlineSamples.EY123).orElseThrow();
    assertThat(roster.entries()).hasSize(d.impact().crew());
  }

  @Test
  void ey123Crew_hasEightAndAHalfHoursLeftSoThreeHoursDelayKeepsTheLimitAndFourBreaksIt() {
    CrewRoster roster = DATA.reader(AirlineTables.ROSTERS).get(AirlineSamples.EY123).orElseThrow();
    List<CrewDutyLimit> limits = CrewRules.defaults().dutyLimits(roster);
    Instant departure = Instant.parse("2026-01-30T14:00:00Z");
    assertThat(limits.stream().map(CrewDutyLimit::latestRelease).min(Instant::compareTo))
        .contains(departure.plus(Duration.ofMinutes(510)));
    Duration block = Duration.ofMinutes(270);
    ActionPlan delay3h = new ActionPlan("DELAY", true, departure.plus(Duration.ofHours(3)),
        departure.plus(Duration.ofHours(3)).plus(block), "A6-APA", Set.of(), "delay 3h");
    ActionPlan delay4h = new ActionPlan("DELAY", true, departure.plus(Duration.ofHours(4)),
        departure.plus(Duration.ofHours(4)).plus(block), "A6-APA", Set.of(), "delay 4h");
    assertThat(limits).allSatisfy(l -> assertThat(l.violationBy(delay3h)).isEmpty());
    assertThat(limits).anySatisfy(l -> assertThat(l.violationBy(delay4h)).isPresent());
  }

  @Test
  void ey123Aircraft_isAirworthyWithTheReturnFlightDownstreamAndASpareAtTheHub() {
    var aircraft = DATA.reader(AirlineTables.AIRCRAFT).getAll(List.of("A6-APA", "A6-APB")).found();
    assertThat(MelRules.defaults().assess(aircraft.get("A6-APA"), Instant.parse("2026-01-30T14:00:00Z")))
        .isEqualTo(Airworthiness.AIRWORTHY);
    assertThat(aircraft.get("A6-APB").type()).isEqualTo("A380");
    var rotation = DATA.reader(AirlineTables.ROTATIONS).get(new RotationKey("A6-APA", LocalDate.parse("2026-01-30")))
        .orElseThrow();
    assertThat(rotation.downstreamOf(AirlineSamples.EY123)).extracting(k -> k.flightNumber()).containsExactly("EY124");
  }
}
