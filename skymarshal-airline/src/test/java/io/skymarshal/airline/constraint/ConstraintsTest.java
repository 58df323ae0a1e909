package io.skymarshal.airline.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.core.ActionPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
  private static final Instant DEP = Instant.parse("2026-01-30T17:00:00Z");

  static ActionPlan plan(Instant departure, Instant arrival, String aircraft, Set<String> replaced, String summary) {
    return new ActionPlan("DELAY", true, departure, arrival, aircraft, replaced, summary);
  }

  @Test
  void crewDutyLimit_whenArrivalPlusPostFlightPassesRelease_isBroken() {
    CrewDutyLimit limit = new CrewDutyLimit("C123", Instant.parse("2026-01-31T02:00:00Z"));
    assertThat(limit.violationBy(plan(DEP, Instant.parse("2026-01-31T01:30:00Z"), "A6-APA", Set.of(), "")))
        .isEmpty();
    assertThat(limit.violationBy(plan(DEP, Instant.parse("2026-01-31T01:31:00Z"), "A6-APA", Set.of(), "")))
        .hasValueSatisfying(v -> assertThat(v).contains("C123").contains("2026-01-31T02:01Z"));
  }

  @Test
  void crewDutyLimit_whenCrewMemberReplacedOrFlightCancelled_isKept() {
    CrewDutyLimit limit = new CrewDutyLimit("C123", Instant.parse("2026-01-31T02:00:00Z"));
    Instant late = Instant.parse("2026-01-31T05:00:00Z");
    assertThat(limit.violationBy(plan(DEP, late, "A6-APA", Set.of("C123"), ""))).isEmpty();
    assertThat(limit.violationBy(plan(DEP, late, "A6-APA", Set.of("C999"), ""))).isPresent();
    assertThat(limit.violationBy(ActionPlan.notOperating("CANCEL", "cancel"))).isEmpty();
  }

  @Test
  void crewDutyLimit_whenPostFlightDutyConfigured_usesIt() {
    CrewDutyLimit limit = new CrewDutyLimit("C1", Instant.parse("2026-01-31T02:00:00Z"), Duration.ofMinutes(45));
    assertThat(limit.latestArrival()).isEqualTo(Instant.parse("2026-01-31T01:15:00Z"));
    assertThat(limit.violationBy(plan(DEP, Instant.parse("2026-01-31T01:20:00Z"), "A6-APA", Set.of(), ""))).isPresent();
    assertThatThrownBy(() -> new CrewDutyLimit("C1", DEP, Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aircraftGrounded_whenPlanFliesItBeforeUntil_isBroken() {
    AircraftGrounded g = new AircraftGrounded("A6-APA", Instant.parse("2026-01-30T20:00:00Z"));
    Instant arr = DEP.plus(Duration.ofHours(7));
    assertThat(g.violationBy(plan(DEP, arr, "A6-APA", Set.of(), ""))).isPresent();
    assertThat(g.violationBy(plan(Instant.parse("2026-01-30T20:00:00Z"), arr.plus(Duration.ofHours(3)), "A6-APA",
        Set.of(), ""))).isEmpty();
    assertThat(g.violationBy(plan(DEP, arr, "A6-APB", Set.of(), ""))).isEmpty();
    assertThat(g.violationBy(ActionPlan.notOperating("CANCEL", "cancel"))).isEmpty();
  }

  @Test
  void aircraftGrounded_whenUntilFurtherNoticeOrAircraftUnnamed_isBroken() {
    AircraftGrounded g = new AircraftGrounded("A6-APA", null);
    assertThat(g.violationBy(plan(DEP.plus(Duration.ofDays(300)), DEP.plus(Duration.ofDays(301)), "A6-APA",
        Set.of(), ""))).isPresent();
    assertThat(g.violationBy(plan(DEP, DEP.plus(Duration.ofHours(7)), null, Set.of(), "")))
        .hasValueSatisfying(v -> assertThat(v).contains("without naming its aircraft"));
    assertThat(g.describe()).isEqualTo("A6-APA grounded until further notice");
  }

  @Test
  void aircraftRestricted_whenPlanFliesItWithoutStatingTheRestriction_isBroken() {
    AircraftRestricted r = new AircraftRestricted("A6-APA", "no ETOPS", Instant.parse("2026-02-02T00:00:00Z"));
    Instant arr = DEP.plus(Duration.ofHours(7));
    assertThat(r.violationBy(plan(DEP, arr, "A6-APA", Set.of(), "delay 3h"))).isPresent();
    assertThat(r.violationBy(plan(DEP, arr, "A6-APA", Set.of(), "delay 3h, operate under  NO  etops"))).isEmpty();
    assertThat(r.violationBy(plan(DEP, arr, "A6-APB", Set.of(), "swap"))).isEmpty();
    assertThat(r.violationBy(plan(Instant.parse("2026-02-02T00:00:00Z"), Instant.parse("2026-02-02T07:00:00Z"),
        "A6-APA", Set.of(), "delay"))).isEmpty();
  }

  @Test
  void slot_whenDepartureMoreThanToleranceLate_losesIt() {
    Slot s = Slot.fromSlotTime("AUH", Instant.parse("2026-01-30T14:00:00Z"), Slot.DEFAULT_TOLERANCE);
    assertThat(s.latestDeparture()).isEqualTo(Instant.parse("2026-01-30T14:15:00Z"));
    Instant arr = Instant.parse("2026-01-30T22:00:00Z");
    assertThat(s.violationBy(plan(Instant.parse("2026-01-30T14:15:00Z"), arr, "A6-APA", Set.of(), ""))).isEmpty();
    assertThat(s.violationBy(plan(Instant.parse("2026-01-30T14:16:00Z"), arr, "A6-APA", Set.of(), "")))
        .hasValueSatisfying(v -> assertThat(v).contains("slot is lost"));
    assertThat(s.violationBy(ActionPlan.notOperating("CANCEL", "cancel"))).isEmpty();
    assertThatThrownBy(() -> Slot.fromSlotTime("AUH", DEP, Duration.ofMinutes(-5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void kindAndSubject_matchTheReplyFormat() {
    assertThat(new CrewDutyLimit("C1", DEP).kind()).isEqualTo("crew_duty_limit");
    assertThat(new CrewDutyLimit("C1", DEP).subject()).isEqualTo("C1");
    assertThat(new AircraftGrounded("A6-APA", DEP).kind()).isEqualTo("aircraft_grounded");
    assertThat(new AircraftRestricted("A6-APA", "x", DEP).kind()).isEqualTo("aircraft_restricted");
    assertThat(new Slot("LHR", DEP).kind()).isEqualTo("slot");
    assertThat(new Slot("LHR", DEP).subject()).isEqualTo("LHR");
  }
}
