package io.skymarshal.airline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.CrewPosition;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.core.ActionPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrewRulesTest {
  private static final CrewRules RULES = CrewRules.defaults();
  private static final Instant REPORT = Instant.parse("2026-01-30T12:30:00Z");

  @ParameterizedTest
  @CsvSource({"1, 13", "2, 13", "3, 16", "4, 18", "5, 18"})
  void fdpLimit_byCrewSize_followsTheDefaults(int pilots, int hours) {
    assertThat(RULES.fdpLimit(pilots)).isEqualTo(Duration.ofHours(hours));
    assertThat(RULES.latestLegalRelease(REPORT, pilots)).isEqualTo(REPORT.plus(Duration.ofHours(hours)));
  }

  @Test
  void fdpLimit_whenNoPilot_fails() {
    assertThatThrownBy(() -> RULES.fdpLimit(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one pilot");
  }

  @Test
  void withinFdp_whenArrivalPlusPostFlightReachesTheLimit_isTheLastLegalArrival() {
    // two pilots: 13 h from 12:30Z is 01:30Z; less 30 min post-flight duty: arrive by 01:00Z
    assertThat(RULES.latestLegalArrival(REPORT, 2)).isEqualTo(Instant.parse("2026-01-31T01:00:00Z"));
    assertThat(RULES.withinFdp(REPORT, 2, Instant.parse("2026-01-31T01:00:00Z"))).isTrue();
    assertThat(RULES.withinFdp(REPORT, 2, Instant.parse("2026-01-31T01:01:00Z"))).isFalse();
    // a third pilot buys three hours
    assertThat(RULES.withinFdp(REPORT, 3, Instant.parse("2026-01-31T04:00:00Z"))).isTrue();
  }

  @Test
  void dutyLimits_whenDelayPushesTwoPilotCrewPastLimit_constraintIsBrokenUnlessCrewReplaced() {
    CrewRoster roster = new CrewRoster(FlightKey.of("EY123", "2026-01-30"), List.of(
        new RosterEntry("C1", CrewPosition.CAPTAIN, REPORT, Instant.parse("2026-01-30T19:00:00Z")),
        new RosterEntry("C2", CrewPosition.FIRST_OFFICER, REPORT, Instant.parse("2026-01-30T19:00:00Z")),
        new RosterEntry("C3", CrewPosition.PURSER, REPORT.minus(Duration.ofHours(2)), Instant.parse("2026-01-30T19:00:00Z"))));
    List<CrewDutyLimit> limits = RULES.dutyLimits(roster);
    assertThat(limits).extracting(CrewDutyLimit::latestRelease).containsExactly(Instant.parse("2026-01-31T01:30:00Z"),
        Instant.parse("2026-01-31T01:30:00Z"), Instant.parse("2026-01-30T23:30:00Z"));
    ActionPlan delayed8h = new ActionPlan("DELAY", true, Instant.parse("2026-01-30T22:00:00Z"),
        Instant.parse("2026-01-31T02:30:00Z"), "A6-APA", Set.of(), "delay 8h");
    assertThat(limits).allSatisfy(l -> assertThat(l.violationBy(delayed8h)).isPresent());
    ActionPlan newCrew = new ActionPlan("DELAY", true, delayed8h.departure(), delayed8h.arrival(), "A6-APA",
        Set.of("C1", "C2", "C3"), "delay 8h, fresh crew");
    assertThat(limits).allSatisfy(l -> assertThat(l.violationBy(newCrew)).isEmpty());
  }

  @Test
  void minimumRest_followsDutyLengthAndLongHaul() {
    assertThat(RULES.minimumRest(Duration.ofHours(8), false)).isEqualTo(Duration.ofHours(12));
    assertThat(RULES.minimumRest(Duration.ofHours(10), false)).isEqualTo(Duration.ofHours(12));
    assertThat(RULES.minimumRest(Duration.ofHours(14), false)).isEqualTo(Duration.ofHours(14));
    assertThat(RULES.minimumRest(Duration.ofHours(8), true)).isEqualTo(Duration.ofHours(18));
    assertThat(RULES.minimumRest(Duration.ofHours(19), true)).isEqualTo(Duration.ofHours(19));
    assertThat(RULES.earliestNextDuty(REPORT, REPORT.plus(Duration.ofHours(14)), false))
        .isEqualTo(REPORT.plus(Duration.ofHours(28)));
  }

  @Test
  void isLongHaul_fromSixHoursBlock() {
    assertThat(RULES.isLongHaul(Duration.ofMinutes(359))).isFalse();
    assertThat(RULES.isLongHaul(Duration.ofHours(6))).isTrue();
  }

  @Test
  void constructor_whenLimitsShrinkWithMorePilots_fails() {
    assertThatThrownBy(() -> new CrewRules(Duration.ofHours(13), Duration.ofHours(12), Duration.ofHours(18),
        Duration.ofHours(12), Duration.ofHours(10), Duration.ofHours(18), Duration.ofHours(6), Duration.ofMinutes(30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not shrink");
  }
}
