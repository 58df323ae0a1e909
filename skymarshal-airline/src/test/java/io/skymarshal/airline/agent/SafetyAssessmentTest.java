package io.skymarshal.airline.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.airline.constraint.CrewUnavailable;
import io.skymarshal.airline.constraint.Curfew;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.SafetyAssessment;
import io.skymarshal.data.DataAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the SAFETY agents compute in code while gathering, whatever any model later says. */
class SafetyAssessmentTest {
  static final Disruption D = SampleAirline.disruption();

  static SafetyAssessment assess(String agent, Disruption d, DataAccess data) {
    AgentSpec<?> spec = AirlineAgents.all().stream().filter(a -> a.name().equals(agent)).findFirst().orElseThrow();
    return ((AgentInput) spec.gather(d, data)).assessment();
  }

  static SafetyAssessment assess(String agent, Disruption d, AirlineDataset dataset) {
    return assess(agent, d, AirlineData.inMemory(dataset));
  }

  static AirlineDataset sample() {
    return SampleAirline.dataset().build();
  }

  static Disruption withFlight(Disruption d, String origin, String destination, Instant dep, Instant arr, String reg) {
    FlightRef f = d.flight();
    return d.toBuilder().flight(new FlightRef(f.flightNumber(), origin, destination, dep, arr, f.aircraftType(), reg))
        .build();
  }

  @Test
  void crew_onTheSample_clearsWithADutyLimitPerCrewMemberAndExaminesRosterAndReserves() {
    SafetyAssessment a = assess("crew_compliance", D, sample());
    assertThat(a.clearance().isCleared()).isTrue();
    assertThat(a.constraints()).hasSize(18).allMatch(c -> c instanceof CrewDutyLimit);
    assertThat(a.checked().crew()).hasSize(22).contains("C001", "R01");
    assertThat(a.checked().aircraft()).isEmpty();
  }

  @Test
  void crew_whenTheRosterIsMissing_cannotClearForMissingData() {
    AirlineDataset b = sample();
    AirlineDataset noRoster = new AirlineDataset(b.airports(), b.flights(), b.aircraft(), b.crewMembers(), List.of(),
        b.reserveCrews(), b.passengers(), b.bookings(), b.cargo(), b.costParameters());
    SafetyAssessment a = assess("crew_compliance", D, noRoster);
    assertThat(a.clearance().reason()).isEqualTo(Clearance.Reason.DATA_MISSING);
    assertThat(a.clearance().missing()).as(a.clearance().toString()).containsExactly("rosters:EY123/2026-01-30");
  }

  @Test
  void crew_whenTheFlightIsNotInTheSchedule_cannotClearForMissingData() {
    Disruption unknown = D.toBuilder().flight(new FlightRef("EY999", "AUH", "LHR", SampleAirline.DEP, SampleAirline.ARR,
        "A380", "A6-APA")).build();
    SafetyAssessment a = assess("crew_compliance", unknown, sample());
    assertThat(a.clearance().reason()).isEqualTo(Clearance.Reason.DATA_MISSING);
    assertThat(a.clearance().detail()).contains("EY999/2026-01-30 is not in the schedule");
  }

  @Test
  void crewAndRegulatory_whenTheDocumentContradictsTheRoute_cannotClearNamingBothValues() {
    Disruption bkk = withFlight(D, "AUH", "DUB", SampleAirline.DEP, SampleAirline.ARR, "A6-APA");
    for (String agent : List.of("crew_compliance", "regulatory")) {
      SafetyAssessment a = assess(agent, bkk, sample());
      assertThat(a.clearance().reason()).as(agent).isEqualTo(Clearance.Reason.DATA_CONFLICT);
      assertThat(a.clearance().detail()).as(agent).contains("flight.destination: document 'DUB', schedule 'LHR'");
    }
  }

  @Test
  void crew_whenTheDisruptionReportsACrewMemberSick_bindsThemOff() {
    Disruption sick = D.toBuilder().type("crew").fact("crew.member_id", "C001").build();
    SafetyAssessment a = assess("crew_compliance", sick, sample());
    assertThat(a.clearance().isCleared()).isTrue();
    assertThat(a.constraints()).filteredOn(c -> c instanceof CrewUnavailable).singleElement()
        .satisfies(c -> assertThat(c.subject()).isEqualTo("C001"));
  }

  @Test
  void crew_whenTheSickCrewMemberIsNotOnTheRoster_isAConflict() {
    Disruption sick = D.toBuilder().type("crew").fact("crew.member_id", "X999").build();
    assertThat(assess("crew_compliance", sick, sample()).clearance().reason()).isEqualTo(Clearance.Reason.DATA_CONFLICT);
  }

  @Test
  void crew_whenACrewRecordCannotBeRead_cannotClear() {
    CountingData data = new CountingData(sample(), k -> k.equals("C005"));
    SafetyAssessment a = assess("crew_compliance", D, data.access());
    assertThat(a.clearance().reason()).isEqualTo(Clearance.Reason.DATA_MISSING);
    assertThat(a.clearance().detail()).contains("C005 could not be read");
  }

  @Test
  void maintenance_whenAFaultHasNoEstimate_groundsOpenEnded() {
    Disruption aog = D.toBuilder().type("aog").estimatedDelay(Duration.ZERO).build();
    aog = without(aog, "constraints.maintenance_window_required_minutes");
    SafetyAssessment a = assess("maintenance", aog, sample());
    assertThat(a.constraints()).contains(new AircraftGrounded("A6-APA", null));
    assertThat(a.clearance().reason()).isEqualTo(Clearance.Reason.FAULT_UNRESOLVED);
    assertThat(a.checked().aircraft()).containsExactly("A6-APA");
  }

  @Test
  void maintenance_onTheSample_groundsUntilTheEstimatedRelease() {
    SafetyAssessment a = assess("maintenance", D, sample());
    assertThat(a.constraints()).contains(new AircraftGrounded("A6-APA", Instant.parse("2026-01-30T17:00:00Z")));
    assertThat(a.clearance().isCleared()).isTrue();
  }

  @Test
  void maintenance_whenTheAircraftHasNoRecord_cannotClear() {
    Disruption other = D.toBuilder().flight(new FlightRef("EY123", "AUH", "LHR", SampleAirline.DEP, SampleAirline.ARR,
        "A380", null)).build();
    AirlineDataset b = sample();
    AirlineDataset noAircraft = new AirlineDataset(b.airports(), b.flights(), List.of(), b.crewMembers(), b.rosters(),
        b.reserveCrews(), b.passengers(), b.bookings(), b.cargo(), b.costParameters());
    SafetyAssessment a = assess("maintenance", other, noAircraft);
    assertThat(a.clearance().reason()).isEqualTo(Clearance.Reason.DATA_MISSING);
    assertThat(a.clearance().missing()).containsExactly("aircraft:A6-APA");
    assertThat(a.checked().aircraft()).isEmpty();
  }

  @Test
  void maintenance_whenTheDocumentNamesAnotherAircraft_isAConflict() {
    Disruption other = withFlight(D, "AUH", "LHR", SampleAirline.DEP, SampleAirline.ARR, "A6-EYA");
    assertThat(assess("maintenance", other, sample()).clearance().reason()).isEqualTo(Clearance.Reason.DATA_CONFLICT);
  }

  @Test
  void maintenance_examinesANamedSpareOfTheSameTypeOnly() {
    AirlineDataset withSpare = SampleAirline.dataset().aircraft(new Aircraft("A6-APB", "A380", "AUH", 615, List.of(),
        List.of())).build();
    Disruption spare = D.toBuilder().fact("constraints.alternate_aircraft_registration", "A6-APB").build();
    assertThat(assess("maintenance", spare, withSpare).checked().aircraft()).containsExactly("A6-APA", "A6-APB");

    Disruption narrow = D.toBuilder().fact("constraints.alternate_aircraft_registration", "A6-EYA").build();
    assertThat(assess("maintenance", narrow, sample()).checked().aircraft()).containsExactly("A6-APA");
  }

  @Test
  void regulatory_bindsTheCurfewFromTheAirportData() {
    SafetyAssessment a = assess("regulatory", D, sample());
    assertThat(a.clearance().isCleared()).isTrue();
    assertThat(a.constraints()).singleElement().isInstanceOf(Curfew.class);
  }

  private static Disruption without(Disruption d, String fact) {
    return d.toBuilder().removeFact(fact).build();
  }

}
