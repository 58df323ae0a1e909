package io.skymarshal.airline.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.CrewPosition;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.MelCategory;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.agent.SampleAirline;
import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.airline.constraint.Curfew;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Recommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline model's decisions for the EY123 case and variations of it, through all three phases. */
class OfflineModelDecisionTest {

  private static ThreePhases.Run run(Disruption d, AirlineDataset dataset) {
    return ThreePhases.run(AirlineAgents.all(), AirlineAgents.arbitrator(), OfflineModel.create(), d,
        AirlineData.inMemory(dataset));
  }

  @Test
  void sampleCase_delaysPastTheRepairAndExplainsWhy() {
    ThreePhases.Run r = run(SampleAirline.disruption(), SampleAirline.dataset().build());

    assertThat(r.revised().values()).extracting(Recommendation::action)
        .containsExactly("APPROVED", "AOG", "RESTRICTED", "DELAY", "DELAY", "DELAY", "DELAY");
    // the later of the 180-min expected delay and the 120-min window from the scheduled departure
    assertThat(r.revised().get("maintenance").constraints())
        .containsExactly(new AircraftGrounded("A6-APA", Instant.parse("2026-01-30T17:00:00Z")));
    assertThat(r.revised().get("crew_compliance").constraints()).hasSize(18).allMatch(c -> c instanceof CrewDutyLimit);
    assertThat(r.revised().get("regulatory").constraints()).singleElement().isInstanceOf(Curfew.class);
    assertThat(r.revised().get("regulatory").figures()).containsEntry("newSlot", "required");
    assertThat(r.revised().get("cargo").figures()).containsEntry("offload", "607-10000011,607-10000022");
    assertThat(r.ruling().plan().action()).isEqualTo("DELAY");
    assertThat(r.ruling().plan().departure()).isEqualTo(Instant.parse("2026-01-30T17:00:00Z"));
    assertThat(r.ruling().plan().arrival()).isEqualTo(Instant.parse("2026-01-30T21:30:00Z"));
    assertThat(r.ruling().plan().aircraftRegistration()).isEqualTo("A6-APA");
    assertThat(r.ruling().confidence()).isGreaterThanOrEqualTo(0.5);
    assertThat(r.ruling().rationale()).contains("Option D", "keeps all 20 safety constraints", "Cost USD 425925");
    assertThat(r.ruling().constraintsHonoured()).contains("A6-APA grounded until 2026-01-30T17:00Z");
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void whenTheNamedSpareIsNotInTheData_itIsNeverOperated() {
    Disruption d = SampleAirline.disruption().toBuilder().fact("constraints.alternate_aircraft_registration", "A6-ZZZ")
        .build();

    ThreePhases.Run r = run(d, SampleAirline.dataset().build());

    assertThat(r.revised().get("maintenance").checked().aircraft()).containsExactly("A6-APA");
    assertThat(r.ruling().plan().aircraftRegistration()).isNotEqualTo("A6-ZZZ");
    assertThat(r.arbitrationPrompt()).contains("unchecked_aircraft A6-ZZZ");
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void whenASpareIsNamed_swapsBecauseItIsFarCheaper() {
    Disruption d = SampleAirline.disruption().toBuilder().fact("constraints.alternate_aircraft_registration", "A6-APB")
        .build();

    ThreePhases.Run r = run(d, SampleAirline.dataset().aircraft(new Aircraft("A6-APB", "A380", "AUH", 615, List.of(),
        List.of())).build());

    assertThat(r.revised().get("maintenance").checked().aircraft()).containsExactly("A6-APA", "A6-APB");
    assertThat(r.revised().get("finance").action()).isEqualTo("SWAP_AIRCRAFT");
    assertThat(r.ruling().plan().action()).isEqualTo("SWAP_AIRCRAFT");
    assertThat(r.ruling().plan().aircraftRegistration()).isEqualTo("A6-APB");
    assertThat(r.ruling().plan().departure()).isEqualTo(Instant.parse("2026-01-30T15:30:00Z"));
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void whenTheCaptainWouldPassTheFdpLimit_replacesHimFromReserve() {
    AirlineDataset dataset = withCaptainReporting(Instant.parse("2026-01-30T06:00:00Z"), true);

    ThreePhases.Run r = run(SampleAirline.disruption(), dataset);

    Recommendation crew = r.revised().get("crew_compliance");
    assertThat(crew.action()).isEqualTo("CREW_CHANGE");
    assertThat(crew.figures()).containsEntry("replace", "C001").containsEntry("with", "R01");
    assertThat(crew.constraints()).contains(new CrewDutyLimit("C001", Instant.parse("2026-01-30T19:00:00Z")));
    assertThat(r.arbitrationPrompt()).contains("<opt id=\"D\" act=\"DELAY\"", "ok=\"0\"><viol>crew_duty_limit C001")
        .contains("<opt id=\"DC\" act=\"DELAY\"", "crew=\"C001\"");
    assertThat(r.ruling().plan().crewReplaced()).containsExactly("C001");
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void whenNoReserveCanReplaceAnIllegalCrewMember_deniesAndCancels() {
    AirlineDataset dataset = withCaptainReporting(Instant.parse("2026-01-30T06:00:00Z"), false);

    ThreePhases.Run r = run(SampleAirline.disruption(), dataset);

    assertThat(r.revised().get("crew_compliance").action()).isEqualTo("DENIED");
    assertThat(r.ruling().plan().action()).isEqualTo("CANCEL");
    assertThat(r.ruling().rationale()).contains("Ruled out by safety: D (crew_duty_limit C001)");
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void whenAnMelItemHasExpired_groundsTheAircraftUntilFurtherNotice() {
    AirlineDataset.Builder b = SampleAirline.dataset();
    AirlineDataset base = b.build();
    List<Aircraft> fleet = new ArrayList<>(base.aircraft());
    fleet.set(0, new Aircraft("A6-APA", "A380", "AUH", 615, List.of(MelItem.of("MEL-29-01", MelCategory.B,
        "Hydraulic pump 2 low pressure", Instant.parse("2026-01-26T12:00:00Z"))), List.of()));
    AirlineDataset dataset = new AirlineDataset(base.airports(), base.flights(), fleet, base.crewMembers(),
        base.rosters(), base.reserveCrews(), base.passengers(), base.bookings(), base.cargo(), base.costParameters());

    ThreePhases.Run r = run(SampleAirline.disruption(), dataset);

    Recommendation mx = r.revised().get("maintenance");
    assertThat(mx.action()).isEqualTo("AOG");
    assertThat(mx.constraints()).contains(new AircraftGrounded("A6-APA", null));
    assertThat(mx.reasoning()).contains("AOG until further notice");
    assertThat(r.ruling().plan().action()).isEqualTo("CANCEL");
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void whenTheDelayedArrivalFallsInTheLondonCurfew_cancels() {
    Disruption d = SampleAirline.disruption().toBuilder().estimatedDelay(Duration.ofMinutes(300)).build();

    ThreePhases.Run r = run(d, SampleAirline.dataset().build());

    assertThat(r.revised().get("regulatory").action()).isEqualTo("VIOLATION");
    assertThat(r.revised().get("regulatory").reasoning()).contains("23:30 local at LHR");
    assertThat(r.ruling().plan().action()).isEqualTo("CANCEL");
    assertThat(r.ruling().rationale()).contains("Ruled out by safety: D (curfew LHR)");
  }

  @Test
  void curfew_isJudgedInLocalTimeAcrossDaylightSaving() {
    // 21:50 UTC is 21:50 in London in January but 22:50 in July, inside the 22:45 buffer
    Disruption winter = shiftedTo("2026-01-30", "2026-01-30T17:20:00Z", "2026-01-30T21:50:00Z");
    Disruption summer = shiftedTo("2026-07-30", "2026-07-30T17:20:00Z", "2026-07-30T21:50:00Z");

    Recommendation w = run(winter, SampleAirline.dataset().build()).initial().get("regulatory");
    Recommendation s = run(summer, SampleAirline.dataset().build()).initial().get("regulatory");

    assertThat(w.action()).isNotEqualTo("VIOLATION");
    assertThat(s.action()).isEqualTo("VIOLATION");
    assertThat(s.reasoning()).contains("22:50 local");
  }

  private static Disruption shiftedTo(String date, String dep, String arr) {
    Disruption d = SampleAirline.disruption();
    var f = d.flight();
    return d.toBuilder().estimatedDelay(Duration.ZERO).flight(new io.skymarshal.core.FlightRef(f.flightNumber(),
        f.origin(), f.destination(), Instant.parse(dep), Instant.parse(arr), f.aircraftType(), f.aircraftRegistration()))
        .build();
  }

  private static AirlineDataset withCaptainReporting(Instant start, boolean reserves) {
    AirlineDataset base = SampleAirline.dataset().build();
    CrewRoster roster = base.rosters().get(0);
    List<RosterEntry> entries = new ArrayList<>(roster.entries());
    RosterEntry captain = entries.get(0);
    assertThat(captain.position()).isEqualTo(CrewPosition.CAPTAIN);
    entries.set(0, new RosterEntry(captain.crewId(), captain.position(), start, captain.plannedDutyEnd()));
    return new AirlineDataset(base.airports(), base.flights(), base.aircraft(), base.crewMembers(),
        List.of(new CrewRoster(roster.flight(), entries)), reserves ? base.reserveCrews() : List.of(), base.passengers(),
        base.bookings(), base.cargo(), base.costParameters());
  }
}
