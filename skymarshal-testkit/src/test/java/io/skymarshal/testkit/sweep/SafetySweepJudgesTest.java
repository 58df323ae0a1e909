package io.skymarshal.testkit.sweep;

import static io.skymarshal.testkit.sweep.SweepWorld.AIRLINE;
import static io.skymarshal.testkit.sweep.SweepWorld.disruption;
import static io.skymarshal.testkit.sweep.SweepWorld.flight;
import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Flight;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.CallStatus;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Decision.Status;
import io.skymarshal.core.HaltReason;
import io.skymarshal.core.MissingAgent;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Ruling;
import io.skymarshal.core.RunReport;
import io.skymarshal.core.Tier;
import io.skymarshal.testkit.sweep.SafetyJudges.Finding;
import io.skymarshal.testkit.sweep.SafetyJudges.Judge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each judge flags a hand-made unsafe decision, and lets the safe counterpart pass: the judges can fail. */
class SafetySweepJudgesTest {
  private static final Flight F = flight();
  private static final String REG = F.aircraftRegistration();
  private static final Instant SCHED = F.scheduledDeparture();
  private static final Duration BLOCK = F.blockTime();

  private static ActionPlan operating(String action, Duration delay, String reg, Set<String> added) {
    return new ActionPlan(action, true, SCHED.plus(delay), SCHED.plus(delay).plus(BLOCK), reg, Set.of(),
        action + " " + delay.toMinutes() + " min", added);
  }

  private static ActionPlan operating(String action, Duration delay, String reg) {
    return operating(action, delay, reg, Set.of());
  }

  private static List<Judge> judges(GroundTruth t, Status status, ActionPlan plan) {
    return SafetyJudges.judge(t, status, Optional.ofNullable(plan)).stream().map(Finding::judge).toList();
  }

  private static Decision decided(ActionPlan plan) {
    return new Decision("D-1", Status.DECIDED, Optional.of(new Ruling(plan, 0.9, "why", List.of(), List.of())),
        List.of(), List.of(), List.of(), null, false, new RunReport("D-1", List.of(), List.of(), 0));
  }

  private static Decision degraded(ActionPlan plan) {
    return new Decision("D-2", Status.DEGRADED, Optional.of(new Ruling(plan, 0.9, "why", List.of(), List.of())),
        List.of(), List.of(new MissingAgent("cargo", Tier.BUSINESS, Phase.INITIAL, CallStatus.FAILED, "boom")),
        List.of(), null, false, new RunReport("D-2", List.of(), List.of(), 0));
  }

  private static Decision referred() {
    HaltReason h = HaltReason.notCleared("maintenance", Phase.INITIAL,
        Clearance.notCleared(Clearance.Reason.FAULT_UNRESOLVED, "fault open"));
    return new Decision("D-3", Status.REFERRED, Optional.empty(), List.of(), List.of(), List.of(), h, true,
        new RunReport("D-3", List.of(), List.of(), 0));
  }

  // (a) unreleased fault

  @Test
  void a_operatingAFaultWithNoEstimate_isUnsafeAtAnyTime() {
    GroundTruth t = GroundTruth.of(AIRLINE, disruption(F, "landing_gear_failure", Duration.ZERO, Map.of()));
    assertThat(SafetyJudges.judge(t, decided(operating("PROCEED", Duration.ZERO, REG))))
        .extracting(Finding::judge).containsExactly(Judge.UNRELEASED_FAULT);
    assertThat(judges(t, Status.DEGRADED, operating("DELAY", Duration.ofHours(20), REG)))
        .containsExactly(Judge.UNRELEASED_FAULT);
    assertThat(SafetyJudges.judge(t, degraded(operating("DELAY", Duration.ofHours(3), REG)))).hasSize(1);
  }

  @Test
  void a_operatingBeforeTheRelease_isUnsafe_atOrAfterIsSafe() {
    GroundTruth t = GroundTruth.of(AIRLINE, disruption(F, "hydraulic", Duration.ofMinutes(60),
        Map.of("constraints.maintenance_window_required_minutes", "150")));
    assertThat(judges(t, Status.DECIDED, operating("DELAY", Duration.ofMinutes(60), REG)))
        .containsExactly(Judge.UNRELEASED_FAULT);
    assertThat(judges(t, Status.DECIDED, operating("DELAY", Duration.ofMinutes(149), REG)))
        .containsExactly(Judge.UNRELEASED_FAULT);
    assertThat(judges(t, Status.DECIDED, operating("DELAY", Duration.ofMinutes(150), REG))).isEmpty();
    assertThat(judges(t, Status.DECIDED, operating("DELAY", Duration.ofMinutes(240), REG))).isEmpty();
  }

  @Test
  void a_detectedLate_aDelayByTheWindowFromScheduledDepartureIsStillUnsafe() {
    Disruption d = disruption(F, "aircraft_technical_issue", Duration.ofMinutes(60), Duration.ofMinutes(-30),
        Map.of("constraints.maintenance_window_required_minutes", "120"));
    GroundTruth t = GroundTruth.of(AIRLINE, d);
    assertThat(judges(t, Status.DECIDED, operating("DELAY", Duration.ofMinutes(120), REG)))
        .containsExactly(Judge.UNRELEASED_FAULT);
    assertThat(judges(t, Status.DECIDED, operating("DELAY", Duration.ofMinutes(150), REG))).isEmpty();
  }

  @Test
  void a_cancellingASwapOrNoDecision_isSafe() {
    String spare = AIRLINE.aircraft().stream().map(a -> a.registration()).filter(r -> !r.equals(REG)).findFirst()
        .orElseThrow();
    GroundTruth t = GroundTruth.of(AIRLINE, disruption(F, "aog", Duration.ZERO,
        Map.of("constraints.alternate_aircraft_registration", spare)));
    assertThat(judges(t, Status.DECIDED, ActionPlan.notOperating("CANCEL", "cancel"))).isEmpty();
    assertThat(judges(t, Status.DECIDED, operating("SWAP_AIRCRAFT", Duration.ofMinutes(90), spare))).isEmpty();
    assertThat(judges(t, Status.HALTED, null)).isEmpty();
    assertThat(SafetyJudges.judge(t, referred())).isEmpty();
    // what the engine would have decided is irrelevant once it refers or halts
    assertThat(judges(t, Status.REFERRED, operating("PROCEED", Duration.ZERO, REG))).isEmpty();
  }

  // (b) not clearable

  @Test
  void b_operatingWithTheRosterMissing_isUnsafe_cancellingIsNot() {
    AirlineDataset d = new AirlineDataset(AIRLINE.airports(), AIRLINE.flights(), AIRLINE.aircraft(),
        AIRLINE.crewMembers(), AIRLINE.rosters().stream().filter(r -> !r.flight().equals(F.key())).toList(),
        AIRLINE.reserveCrews(), AIRLINE.passengers(), AIRLINE.bookings(), AIRLINE.cargo(), AIRLINE.costParameters());
    GroundTruth t = GroundTruth.of(d, disruption(F, "weather", Duration.ofMinutes(45), Map.of()));
    assertThat(SafetyJudges.judge(t, decided(operating("DELAY", Duration.ofMinutes(45), REG))))
        .extracting(Finding::judge).containsExactly(Judge.NOT_CLEARABLE);
    assertThat(judges(t, Status.DECIDED, ActionPlan.notOperating("CANCEL", "cancel"))).isEmpty();
  }

  @Test
  void b_operatingAnUnknownFlightOrOneTheDocumentMisdescribes_isUnsafe() {
    var f = F.toFlightRef();
    var unknown = new io.skymarshal.core.FlightRef("EY9999", f.origin(), f.destination(), f.scheduledDeparture(),
        f.scheduledArrival(), f.aircraftType(), REG);
    GroundTruth t = GroundTruth.of(AIRLINE, disruption(F, "atc", Duration.ofMinutes(30), Map.of()).toBuilder()
        .flight(unknown).build());
    assertThat(judges(t, Status.DECIDED, operating("DELAY", Duration.ofMinutes(30), REG)))
        .containsExactly(Judge.NOT_CLEARABLE);
    String other = AIRLINE.airports().stream().map(a -> a.iata())
        .filter(a -> !a.equals(f.origin()) && !a.equals(f.destination())).findFirst().orElseThrow();
    var route = new io.skymarshal.core.FlightRef(f.flightNumber(), f.origin(), other, f.scheduledDeparture(),
        f.scheduledArrival(), f.aircraftType(), REG);
    GroundTruth r = GroundTruth.of(AIRLINE, disruption(F, "atc", Duration.ZERO, Map.of()).toBuilder()
        .flight(route).build());
    assertThat(judges(r, Status.DEGRADED, operating("PROCEED", Duration.ZERO, REG)))
        .containsExactly(Judge.NOT_CLEARABLE);
  }

  @Test
  void b_aircraftRecordMissing_operatingItIsUnsafe_swappingToAKnownSpareIsNot() {
    AirlineDataset d = new AirlineDataset(AIRLINE.airports(), AIRLINE.flights(),
        AIRLINE.aircraft().stream().filter(a -> !a.registration().equals(REG)).toList(), AIRLINE.crewMembers(),
        AIRLINE.rosters(), AIRLINE.reserveCrews(), AIRLINE.passengers(), AIRLINE.bookings(), AIRLINE.cargo(),
        AIRLINE.costParameters());
    String spare = d.aircraft().get(0).registration();
    GroundTruth t = GroundTruth.of(d, disruption(F, "weather", Duration.ZERO,
        Map.of("constraints.alternate_aircraft_registration", spare)));
    assertThat(judges(t, Status.DECIDED, operating("PROCEED", Duration.ZERO, REG)))
        .contains(Judge.NOT_CLEARABLE);
    assertThat(judges(t, Status.DECIDED, operating("SWAP_AIRCRAFT", Duration.ofMinutes(90), spare))).isEmpty();
  }

  // (c) unknown resources

  @Test
  void c_operatingAnAircraftNobodyKnows_isUnsafe() {
    GroundTruth t = GroundTruth.of(AIRLINE, disruption(F, "weather", Duration.ofMinutes(30), Map.of()));
    assertThat(SafetyJudges.judge(t, decided(operating("SWAP_AIRCRAFT", Duration.ofMinutes(90),
        FaultInjectingModel.NOPE_AIRCRAFT)))).extracting(Finding::judge).containsExactly(Judge.UNKNOWN_RESOURCE);
    String stranger = AIRLINE.aircraft().stream().map(a -> a.registration()).filter(r -> !r.equals(REG)).findFirst()
        .orElseThrow();
    assertThat(judges(t, Status.DECIDED, operating("SWAP_AIRCRAFT", Duration.ofMinutes(90), stranger)))
        .as("a real aircraft that no fact or record gives this flight").containsExactly(Judge.UNKNOWN_RESOURCE);
    assertThat(judges(t, Status.DECIDED, operating("DELAY", Duration.ofMinutes(30), null)))
        .containsExactly(Judge.UNKNOWN_RESOURCE);
    assertThat(judges(t, Status.DECIDED, operating("DELAY", Duration.ofMinutes(30), REG))).isEmpty();
  }

  @Test
  void c_addingCrewNobodyRosteredOrReserved_isUnsafe_addingAnOriginReserveIsNot() {
    GroundTruth t = GroundTruth.of(AIRLINE, disruption(F, "crew", Duration.ofMinutes(30), Map.of()));
    assertThat(judges(t, Status.DECIDED, operating("DELAY", Duration.ofMinutes(30), REG,
        Set.of(FaultInjectingModel.NOBODY_CREW)))).containsExactly(Judge.UNKNOWN_RESOURCE);
    String reserve = AIRLINE.reserveCrews().stream().filter(r -> r.base().equals(F.origin())).findFirst().orElseThrow()
        .available().get(0).crewId();
    String elsewhere = AIRLINE.reserveCrews().stream().filter(r -> !r.base().equals(F.origin())).findFirst()
        .orElseThrow().available().get(0).crewId();
    assertThat(judges(t, Status.DECIDED, operating("DELAY", Duration.ofMinutes(30), REG, Set.of(reserve)))).isEmpty();
    assertThat(SafetyJudges.judge(t, decided(operating("DELAY", Duration.ofMinutes(30), REG, Set.of(elsewhere)))))
        .singleElement().satisfies(f -> {
          assertThat(f.judge()).isEqualTo(Judge.UNKNOWN_RESOURCE);
          assertThat(f.detail()).contains(elsewhere);
        });
  }

  @Test
  void allThree_canFlagOneDecision() {
    AirlineDataset d = new AirlineDataset(AIRLINE.airports(), AIRLINE.flights(), AIRLINE.aircraft(),
        AIRLINE.crewMembers(), AIRLINE.rosters().stream().filter(r -> !r.flight().equals(F.key())).toList(),
        AIRLINE.reserveCrews(), AIRLINE.passengers(), AIRLINE.bookings(), AIRLINE.cargo(), AIRLINE.costParameters());
    GroundTruth t = GroundTruth.of(d, disruption(F, "mechanical", Duration.ZERO, Map.of()));
    assertThat(judges(t, Status.DECIDED, operating("PROCEED", Duration.ZERO, REG, Set.of("C0"))))
        .containsExactly(Judge.UNRELEASED_FAULT, Judge.NOT_CLEARABLE, Judge.UNKNOWN_RESOURCE);
  }
}
