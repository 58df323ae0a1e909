package io.skymarshal.testkit.casebook;

import static io.skymarshal.testkit.casebook.TestDecisions.EY123;
import static io.skymarshal.testkit.casebook.TestDecisions.arriving;
import static io.skymarshal.testkit.casebook.TestDecisions.cancel;
import static io.skymarshal.testkit.casebook.TestDecisions.delay;
import static io.skymarshal.testkit.casebook.TestDecisions.operating;
import static io.skymarshal.testkit.casebook.TestDecisions.referred;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.core.Clearance.Reason;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Decision.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each check holds on a decision that keeps it and fails, saying why, on one that breaks it. */
class CasebookChecksTest {
  private static final Instant T1700 = Instant.parse("2026-01-30T17:00:00Z");

  private static Optional<String> check(Check c, Decision d) {
    return c.failure(d, EY123);
  }

  private static Optional<String> check(Check c, Decision d, CaseContext context) {
    return c.failure(d, context);
  }

  @Test
  void status_whenNotAllowed_failsNamingTheStatusAndTheHaltReason() {
    Check c = new Check.StatusIn(Set.of(Status.DECIDED));
    assertThat(check(c, delay(180))).isEmpty();
    assertThat(check(c, referred("crew_compliance", Reason.DATA_MISSING))).get().asString()
        .contains("status is REFERRED").contains("crew_compliance").contains("DATA_MISSING").contains("[DECIDED]");
  }

  @Test
  void action_whenRulingTakesAnotherAction_fails() {
    Check c = new Check.ActionIn(Set.of("DELAY", "SWAP_AIRCRAFT"));
    assertThat(check(c, delay(10))).isEmpty();
    assertThat(check(c, referred("maintenance", Reason.FAULT_UNRESOLVED))).isEmpty();
    assertThat(check(c, cancel())).get().asString().contains("action is CANCEL");
  }

  @Test
  void delayAtLeast_whenShorterOrNotADelay_fails() {
    Check c = new Check.DelayAtLeast(Duration.ofMinutes(180));
    assertThat(check(c, delay(180))).isEmpty();
    assertThat(check(c, delay(240))).isEmpty();
    assertThat(check(c, delay(179))).get().asString().contains("179 min").contains("at least 180 min");
    assertThat(check(c, cancel())).get().asString().contains("CANCEL");
    assertThat(check(c, referred("maintenance", Reason.FAULT_UNRESOLVED))).get().asString().contains("REFERRED");
    assertThat(check(c, operating("SWAP_AIRCRAFT", "A6-APB", T1700))).get().asString().contains("SWAP_AIRCRAFT");
  }

  @Test
  void notCancelled_whenTheFlightDoesNotOperate_fails() {
    Check c = new Check.NotCancelled();
    assertThat(check(c, delay(30))).isEmpty();
    assertThat(check(c, referred("regulatory", Reason.LIMIT_BREACHED))).isEmpty();
    assertThat(check(c, cancel())).get().asString().contains("does not operate");
  }

  @Test
  void aircraftNotOperated_whenTheAircraftDepartsBeforeItsRelease_fails() {
    Check c = new Check.AircraftNotOperated("A6-APA", T1700);
    assertThat(check(c, delay(180))).isEmpty();
    assertThat(check(c, operating("SWAP_AIRCRAFT", "A6-APB", T1700.minusSeconds(5400)))).isEmpty();
    assertThat(check(c, cancel())).isEmpty();
    assertThat(check(c, delay(179))).get().asString().contains("operates A6-APA").contains("before " + T1700);
  }

  @Test
  void aircraftNotOperated_withoutRelease_failsForAnyDeparture() {
    Check c = new Check.AircraftNotOperated("A6-APA", null);
    assertThat(check(c, operating("SWAP_AIRCRAFT", "A6-APB", T1700))).isEmpty();
    assertThat(check(c, delay(24 * 60))).get().asString().contains("must not fly");
  }

  @Test
  void departsNotBefore_departsBy_arrivesNotBefore_failOnTheWrongSideOfTheirInstant() {
    Instant t = Instant.parse("2026-01-30T14:15:00Z");
    assertThat(check(new Check.DepartsNotBefore(t), delay(15))).isEmpty();
    assertThat(check(new Check.DepartsNotBefore(t), delay(14))).get().asString().contains("before " + t);
    assertThat(check(new Check.DepartsNotBefore(t), cancel())).isEmpty();
    assertThat(check(new Check.DepartsBy(t), delay(15))).isEmpty();
    assertThat(check(new Check.DepartsBy(t), delay(16))).get().asString().contains("after " + t);
    Instant a = Instant.parse("2026-01-30T19:30:00Z");
    assertThat(check(new Check.ArrivesNotBefore(a), arriving(a))).isEmpty();
    assertThat(check(new Check.ArrivesNotBefore(a), arriving(a.minusSeconds(60)))).get().asString()
        .contains("before " + a);
  }

  @Test
  void aircraftOnly_whenAnotherAircraftOperates_fails() {
    Check c = new Check.AircraftOnly(Set.of("A6-APB"));
    assertThat(check(c, operating("SWAP_AIRCRAFT", "A6-APB", T1700))).isEmpty();
    assertThat(check(c, operating("SWAP_AIRCRAFT", "A6-BLA", T1700))).get().asString().contains("operates A6-BLA");
    Check none = new Check.AircraftOnly(Set.of());
    assertThat(check(none, cancel())).isEmpty();
    assertThat(check(none, operating("SWAP_AIRCRAFT", "A6-APB", T1700))).get().asString().contains("no aircraft");
  }

  @Test
  void arrivalOutsideCurfew_inWinter_usesGmtAndTheBufferOnBothSides() {
    Check c = new Check.ArrivalOutsideCurfew("LHR", Duration.ofMinutes(15));
    assertThat(check(c, arriving(Instant.parse("2026-01-30T22:44:00Z")))).isEmpty();
    assertThat(check(c, arriving(Instant.parse("2026-01-30T22:45:00Z")))).get().asString()
        .contains("22:45 local at LHR (Europe/London)").contains("23:00-06:00");
    assertThat(check(c, arriving(Instant.parse("2026-01-31T06:14:00Z")))).isPresent();
    assertThat(check(c, arriving(Instant.parse("2026-01-31T06:15:00Z")))).isEmpty();
    assertThat(check(c, cancel())).isEmpty();
  }

  @Test
  void arrivalOutsideCurfew_inSummer_convertsWithDaylightSavingTime() {
    Check c = new Check.ArrivalOutsideCurfew("LHR", Duration.ofMinutes(15));
    // 21:50Z on 30 March is 22:50 BST: inside, though 21:50 UTC would not be
    assertThat(check(c, arriving(Instant.parse("2026-03-30T21:50:00Z")))).get().asString().contains("22:50 local");
    assertThat(check(c, arriving(Instant.parse("2026-03-30T21:40:00Z")))).isEmpty();
    assertThat(check(c, arriving(Instant.parse("2026-03-28T22:40:00Z")))).isEmpty();
  }

  @Test
  void arrivalOutsideCurfew_withoutBuffer_forbidsOnlyTheWindow() {
    Check c = new Check.ArrivalOutsideCurfew("LHR", Duration.ZERO);
    assertThat(check(c, arriving(Instant.parse("2026-01-30T22:59:00Z")))).isEmpty();
    assertThat(check(c, arriving(Instant.parse("2026-01-30T23:00:00Z")))).isPresent();
  }

  @Test
  void arrivalOutsideCurfew_atAnAirportWithoutCurfew_cannotBeValidated() {
    assertThatThrownBy(() -> new Check.ArrivalOutsideCurfew("AUH", Duration.ofMinutes(15)).validate(EY123))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no curfew");
    assertThatThrownBy(() -> new Check.ArrivalOutsideCurfew("SYD", Duration.ofMinutes(15)).validate(EY123))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the scenario's airline data");
  }

  @Test
  void referred_whenDecidedOrForAnotherReasonOrByAnotherAgent_fails() {
    Check c = new Check.Referred(Reason.DATA_MISSING, "crew_compliance");
    assertThat(check(c, referred("crew_compliance", Reason.DATA_MISSING))).isEmpty();
    assertThat(check(c, referred("crew_compliance", Reason.NOT_STATED))).get().asString().contains("NOT_STATED");
    assertThat(check(c, referred("maintenance", Reason.DATA_MISSING))).get().asString().contains("by maintenance");
    assertThat(check(c, delay(30))).get().asString().contains("status is DECIDED");
    assertThat(check(new Check.Referred(Reason.DATA_MISSING, null), referred("maintenance", Reason.DATA_MISSING)))
        .isEmpty();
  }

  @Test
  void referralReason_whenReferredForAnotherReason_fails() {
    Check c = new Check.ReferralReason(Set.of(Reason.DATA_MISSING));
    assertThat(check(c, delay(30))).isEmpty();
    assertThat(check(c, referred("crew_compliance", Reason.DATA_MISSING))).isEmpty();
    assertThat(check(c, referred("crew_compliance", Reason.OTHER))).get().asString().contains("for OTHER");
  }

  @Test
  void crewNotFlying_whenTheMemberIsNotReplacedOrIsAddedBack_fails() {
    Check c = new Check.CrewNotFlying("C90001");
    Instant dep = Instant.parse("2026-01-30T15:00:00Z");
    assertThat(check(c, operating("DELAY", "A6-APA", dep, Set.of("C90001"), Set.of("C90055")))).isEmpty();
    assertThat(check(c, cancel())).isEmpty();
    assertThat(check(c, delay(60))).get().asString().contains("C90001 flies the plan");
    assertThat(check(c, operating("DELAY", "A6-APA", dep, Set.of("C90001"), Set.of("C90001")))).isPresent();
  }

  @Test
  void crewChecks_onCrewNotRostered_cannotBeValidated() {
    assertThatThrownBy(() -> new Check.CrewNotFlying("C90055").validate(EY123))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not rostered on EY123/2026-01-30");
    Check fdp = new Check.FdpWithin(List.of("C90001", "C99999"), Duration.ofHours(13), Duration.ZERO);
    assertThatThrownBy(() -> fdp.validate(EY123)).hasMessageContaining("C99999");
  }

  @Test
  void crewAddedOnly_whenAnotherCrewMemberIsAdded_fails() {
    Check c = new Check.CrewAddedOnly(Set.of("C90055", "C90056"));
    Instant dep = Instant.parse("2026-01-30T15:00:00Z");
    assertThat(check(c, operating("DELAY", "A6-APA", dep, Set.of("C90001"), Set.of("C90055")))).isEmpty();
    assertThat(check(c, operating("DELAY", "A6-APA", dep, Set.of("C90001"), Set.of("C90075")))).get().asString()
        .contains("adds crew [C90075]");
    assertThat(check(new Check.CrewAddedOnly(Set.of()), operating("DELAY", "A6-APA", dep, Set.of("C90001"),
        Set.of("C90055")))).get().asString().contains("adds no crew");
  }

  @Test
  void fdpWithin_whenARosteredPilotFliesPastTheLimit_fails() {
    // C90001 reports at 09:30Z: 13 h ends at 22:30Z
    Check c = new Check.FdpWithin(List.of("C90001", "C90002"), Duration.ofHours(13), Duration.ZERO);
    assertThat(check(c, arriving(Instant.parse("2026-01-30T22:30:00Z")))).isEmpty();
    assertThat(check(c, arriving(Instant.parse("2026-01-30T22:31:00Z")))).get().asString()
        .contains("C90001 781 min").contains("C90002");
    Instant dep = Instant.parse("2026-01-30T18:01:00Z");
    assertThat(check(c, operating("DELAY", "A6-APA", dep, Set.of("C90001", "C90002"), Set.of("C90055", "C90057"))))
        .isEmpty();
    Check withPostFlight = new Check.FdpWithin(List.of("C90001"), Duration.ofHours(13), Duration.ofMinutes(30));
    assertThat(check(withPostFlight, arriving(Instant.parse("2026-01-30T22:01:00Z")))).isPresent();
  }

  @Test
  void fdpWithin_readsDutyStartsFromTheScenarioData() {
    AirlineDataset early = new AirlinePatch.SetDutyStart(EY123.flightKey(), List.of("C90001"),
        Instant.parse("2026-01-30T06:00:00Z")).applyTo(EY123.airline());
    CaseContext context = new CaseContext(EY123.disruption(), early);
    Check c = new Check.FdpWithin(List.of("C90001"), Duration.ofHours(13), Duration.ZERO);
    assertThat(check(c, arriving(Instant.parse("2026-01-30T19:00:00Z")), context)).isEmpty();
    assertThat(check(c, arriving(Instant.parse("2026-01-30T19:01:00Z")), context)).isPresent();
  }

  @Test
  void caseResult_line_namesStatusActionAndEachFailedCheck() {
    Scenario s = Casebook.builtIn().scenario("reference-ey123-hydraulic-180").orElseThrow();
    CaseResult pass = CaseResult.of(s, delay(180));
    assertThat(pass.passed()).isTrue();
    assertThat(pass.line()).startsWith("PASS reference-ey123-hydraulic-180 DECIDED DELAY [A6-APA dep 2026-01-30T17:00:00Z");
    CaseResult fail = CaseResult.of(s, cancel());
    assertThat(fail.passed()).isFalse();
    assertThat(fail.line()).startsWith("FAIL reference-ey123-hydraulic-180 DECIDED CANCEL -- failed action: ")
        .contains("delay_at_least: ").contains("not_cancelled: ");
    CaseResult error = CaseResult.ofError(s, new IllegalStateException("boom"));
    assertThat(error.passed()).isFalse();
    assertThat(error.line()).isEqualTo("FAIL reference-ey123-hydraulic-180 ERROR java.lang.IllegalStateException: boom");
  }
}
