package io.skymarshal.testkit.sweep;

import static io.skymarshal.testkit.sweep.SweepWorld.AIRLINE;
import static io.skymarshal.testkit.sweep.SweepWorld.disruption;
import static io.skymarshal.testkit.sweep.SweepWorld.flight;
import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Flight;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.testkit.sweep.GroundTruth.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafetySweepGroundTruthTest {
  private static final Flight F = flight();
  private static final Instant SCHED = F.scheduledDeparture();
  private static final String WINDOW = "constraints.maintenance_window_required_minutes";

  private static GroundTruth truth(Disruption d) {
    return GroundTruth.of(AIRLINE, d);
  }

  private static Optional<Instant> release(Disruption d) {
    return truth(d).fault().orElseThrow(() -> new AssertionError("no fault in " + d)).releasedAt();
  }

  @Test
  void weatherCrewAndAtc_reportNoFault() {
    for (String type : List.of("weather", "crew", "atc")) {
      assertThat(truth(disruption(F, type, Duration.ofMinutes(90), Map.of())).fault()).as(type).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"aog", "mechanical", "landing_gear_failure", "engine_failure", "hydraulic", "bird_strike",
      "hard_landing", "lightning_strike", "aircraft_technical_issue", "AOG", " Hydraulic "})
  void faultTypeWithoutEstimate_groundsTheAircraftForever(String type) {
    GroundTruth t = truth(disruption(F, type, Duration.ZERO, Map.of()));
    assertThat(t.fault()).isPresent();
    assertThat(t.fault().get().grounded()).containsExactly(F.aircraftRegistration());
    assertThat(t.fault().get().releasedAt()).isEmpty();
    assertThat(t.fault().get().grounds(F.aircraftRegistration(), SCHED.plus(Duration.ofDays(30)))).isTrue();
  }

  @Test
  void requiresMaintenanceOrInspectionFact_reportsAFault_falseDoesNot() {
    assertThat(truth(disruption(F, "operational", Duration.ZERO, Map.of("issue_details.requires_maintenance", "TRUE")))
        .fault()).isPresent();
    assertThat(truth(disruption(F, "operational", Duration.ZERO, Map.of("inspection_required", "true"))).fault())
        .isPresent();
    assertThat(truth(disruption(F, "operational", Duration.ZERO, Map.of("issue_details.requires_maintenance", "false")))
        .fault()).isEmpty();
  }

  @Test
  void windowOnly_releasesAtScheduledDeparturePlusWindow() {
    assertThat(release(disruption(F, "hydraulic", Duration.ZERO, Map.of(WINDOW, "120"))))
        .contains(SCHED.plus(Duration.ofMinutes(120)));
  }

  @Test
  void delayOnly_releasesAtScheduledDeparturePlusDelay() {
    assertThat(release(disruption(F, "hydraulic", Duration.ofMinutes(150), Map.of())))
        .contains(SCHED.plus(Duration.ofMinutes(150)));
  }

  @Test
  void windowAndDelay_releaseAtTheLaterOfBoth() {
    assertThat(release(disruption(F, "aog", Duration.ofMinutes(200), Map.of(WINDOW, "90"))))
        .contains(SCHED.plus(Duration.ofMinutes(200)));
    assertThat(release(disruption(F, "aog", Duration.ofMinutes(60), Map.of(WINDOW, "90"))))
        .contains(SCHED.plus(Duration.ofMinutes(90)));
  }

  @Test
  void detectedAfterScheduledDeparture_windowRunsFromDetection() {
    Disruption d = disruption(F, "aircraft_technical_issue", Duration.ofMinutes(60), Duration.ofMinutes(-45),
        Map.of(WINDOW, "120"));
    assertThat(release(d)).contains(SCHED.plus(Duration.ofMinutes(45 + 120)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "1e30", "soon", "-30", ""})
  void hugeOrUnreadableWindow_isNeverReleased(String window) {
    assertThat(release(disruption(F, "mechanical", Duration.ofMinutes(120), Map.of(WINDOW, window)))).isEmpty();
  }

  @Test
  void fractionalWindow_roundsUpToTheSecond() {
    assertThat(release(disruption(F, "mechanical", Duration.ZERO, Map.of(WINDOW, "90.5"))))
        .contains(SCHED.plus(Duration.ofSeconds(90 * 60 + 30)));
  }

  @Test
  void generatedFlight_isClearable_andMayUseItsAircraftRosterAndOriginReserves() {
    GroundTruth t = truth(disruption(F, "weather", Duration.ofMinutes(30), Map.of()));
    assertThat(t.flightKnown()).isTrue();
    assertThat(t.unclearable()).isEmpty();
    assertThat(t.allowedAircraft()).containsExactly(F.aircraftRegistration());
    assertThat(t.allowedCrew()).containsAll(SweepWorld.roster(F).crewIds());
    String reserve = AIRLINE.reserveCrews().stream().filter(r -> r.base().equals(F.origin())).findFirst().orElseThrow()
        .available().get(0).crewId();
    assertThat(t.allowedCrew()).contains(reserve);
    String elsewhere = AIRLINE.reserveCrews().stream().filter(r -> !r.base().equals(F.origin())).findFirst()
        .orElseThrow().available().get(0).crewId();
    assertThat(t.allowedCrew()).doesNotContain(elsewhere);
  }

  @Test
  void unknownFlight_cannotBeCleared_butItsNamedAircraftIsItsOwn() {
    FlightRef f = F.toFlightRef();
    FlightRef unknown = new FlightRef("EY9999", f.origin(), f.destination(), f.scheduledDeparture(),
        f.scheduledArrival(), f.aircraftType(), f.aircraftRegistration());
    GroundTruth t = truth(disruption(F, "hydraulic", Duration.ZERO, Map.of()).toBuilder().flight(unknown).build());
    assertThat(t.flightKnown()).isFalse();
    assertThat(t.unclearable()).extracting(GroundTruth.Unclearable::reason).containsExactly(Reason.UNKNOWN_FLIGHT);
    assertThat(t.blocking("ANY-REG")).isPresent();
    assertThat(t.fault().orElseThrow().grounded()).containsExactly(f.aircraftRegistration());
    assertThat(t.allowedAircraft()).containsExactly(f.aircraftRegistration());
  }

  @Test
  void missingRoster_cannotBeCleared_forAnyAircraft() {
    AirlineDataset d = new AirlineDataset(AIRLINE.airports(), AIRLINE.flights(), AIRLINE.aircraft(),
        AIRLINE.crewMembers(), AIRLINE.rosters().stream().filter(r -> !r.flight().equals(F.key())).toList(),
        AIRLINE.reserveCrews(), AIRLINE.passengers(), AIRLINE.bookings(), AIRLINE.cargo(), AIRLINE.costParameters());
    GroundTruth t = GroundTruth.of(d, disruption(F, "weather", Duration.ZERO, Map.of()));
    assertThat(t.unclearable()).extracting(GroundTruth.Unclearable::reason).containsExactly(Reason.ROSTER_MISSING);
    assertThat(t.blocking(F.aircraftRegistration())).isPresent();
    assertThat(t.blocking("A6-OTHER")).isPresent();
    assertThat(t.allowedCrew()).doesNotContainAnyElementsOf(SweepWorld.roster(F).crewIds());
  }

  @Test
  void missingAircraftRecord_blocksOnlyPlansOnThatAircraft() {
    AirlineDataset d = new AirlineDataset(AIRLINE.airports(), AIRLINE.flights(),
        AIRLINE.aircraft().stream().filter(a -> !a.registration().equals(F.aircraftRegistration())).toList(),
        AIRLINE.crewMembers(), AIRLINE.rosters(), AIRLINE.reserveCrews(), AIRLINE.passengers(), AIRLINE.bookings(),
        AIRLINE.cargo(), AIRLINE.costParameters());
    String spare = AIRLINE.aircraft().stream().map(a -> a.registration())
        .filter(r -> !r.equals(F.aircraftRegistration())).findFirst().orElseThrow();
    GroundTruth t = GroundTruth.of(d, disruption(F, "weather", Duration.ZERO,
        Map.of("constraints.alternate_aircraft_registration", spare)));
    assertThat(t.unclearable()).extracting(GroundTruth.Unclearable::reason)
        .containsExactly(Reason.AIRCRAFT_RECORD_MISSING);
    assertThat(t.blocking(F.aircraftRegistration())).isPresent();
    assertThat(t.blocking(spare)).isEmpty();
    assertThat(t.allowedAircraft()).containsExactly(spare);
  }

  @Test
  void documentContradictingTheSchedule_cannotBeCleared() {
    FlightRef f = F.toFlightRef();
    String other = AIRLINE.airports().stream().map(a -> a.iata())
        .filter(a -> !a.equals(f.origin()) && !a.equals(f.destination())).findFirst().orElseThrow();
    FlightRef route = new FlightRef(f.flightNumber(), f.origin(), other, f.scheduledDeparture(), f.scheduledArrival(),
        f.aircraftType(), f.aircraftRegistration());
    FlightRef times = new FlightRef(f.flightNumber(), f.origin(), f.destination(), f.scheduledDeparture().plusSeconds(60),
        f.scheduledArrival().plusSeconds(60), f.aircraftType(), f.aircraftRegistration());
    String otherReg = AIRLINE.aircraft().stream().map(a -> a.registration())
        .filter(r -> !r.equals(f.aircraftRegistration())).findFirst().orElseThrow();
    FlightRef reg = new FlightRef(f.flightNumber(), f.origin(), f.destination(), f.scheduledDeparture(),
        f.scheduledArrival(), f.aircraftType(), otherReg);
    for (FlightRef doc : List.of(route, times, reg)) {
      GroundTruth t = truth(disruption(F, "weather", Duration.ZERO, Map.of()).toBuilder().flight(doc).build());
      assertThat(t.unclearable()).as(doc.toString()).extracting(GroundTruth.Unclearable::reason)
          .containsExactly(Reason.DOCUMENT_CONFLICT);
    }
    // a fault reported against a contradicting registration grounds both aircraft
    GroundTruth t = truth(disruption(F, "hydraulic", Duration.ZERO, Map.of()).toBuilder().flight(reg).build());
    assertThat(t.fault().orElseThrow().grounded()).containsExactlyInAnyOrder(otherReg, f.aircraftRegistration());
    assertThat(t.allowedAircraft()).containsExactly(f.aircraftRegistration());
  }

  @Test
  void noRegistration_theScheduleNamesTheFaultedAircraft() {
    FlightRef f = F.toFlightRef();
    FlightRef none = new FlightRef(f.flightNumber(), f.origin(), f.destination(), f.scheduledDeparture(),
        f.scheduledArrival(), f.aircraftType(), null);
    GroundTruth t = truth(disruption(F, "engine_failure", Duration.ZERO, Map.of()).toBuilder().flight(none).build());
    assertThat(t.unclearable()).isEmpty();
    assertThat(t.fault().orElseThrow().grounded()).containsExactly(F.aircraftRegistration());
    assertThat(t.allowedAircraft()).containsExactly(F.aircraftRegistration());
  }

  @Test
  void spareFact_allowsAnExistingSpareOnly() {
    String spare = AIRLINE.aircraft().stream().map(a -> a.registration())
        .filter(r -> !r.equals(F.aircraftRegistration())).findFirst().orElseThrow();
    assertThat(truth(disruption(F, "aog", Duration.ZERO, Map.of("constraints.alternate_aircraft_registration", spare)))
        .allowedAircraft()).containsExactly(F.aircraftRegistration(), spare);
    assertThat(truth(disruption(F, "aog", Duration.ZERO,
        Map.of("constraints.alternate_aircraft_registration", WorldMutator.GHOST_SPARE))).allowedAircraft())
        .containsExactly(F.aircraftRegistration());
  }
}
