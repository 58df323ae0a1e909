package io.skymarshal.airline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.MelCategory;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.WorkOrder;
import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.airline.constraint.AircraftRestricted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MelRulesTest {
  private static final MelRules RULES = MelRules.defaults();
  private static final Instant RAISED = Instant.parse("2026-01-27T14:00:00Z");

  private static Aircraft aircraft(List<MelItem> items, List<WorkOrder> orders) {
    return new Aircraft("A6-APA", "A380", "AUH", 498, items, orders);
  }

  @ParameterizedTest
  @CsvSource({"B, 3", "C, 10", "D, 120"})
  void expiry_byCategory_isRaisedPlusTheFixedInterval(MelCategory category, int days) {
    MelItem item = MelItem.of("M1", category, "x", RAISED);
    assertThat(RULES.expiry(item)).isEqualTo(RAISED.plus(Duration.ofDays(days)));
    assertThat(RULES.expiredAt(item, RAISED.plus(Duration.ofDays(days)).minusSeconds(1))).isFalse();
    assertThat(RULES.expiredAt(item, RAISED.plus(Duration.ofDays(days)))).isTrue();
  }

  @Test
  void expiry_whenCategoryA_usesTheStatedInterval() {
    MelItem item = new MelItem("M2", MelCategory.A, "x", RAISED, Duration.ofHours(36), "");
    assertThat(RULES.expiry(item)).isEqualTo(RAISED.plus(Duration.ofHours(36)));
    assertThat(RULES.remaining(item, RAISED.plus(Duration.ofHours(40)))).isEqualTo(Duration.ofHours(-4));
  }

  @Test
  void assess_whenCategoryBExpiresBeforeDeparture_isAogAndGroundsTheAircraft() {
    Aircraft a = aircraft(List.of(MelItem.of("M1", MelCategory.B, "hydraulic pump", RAISED)), List.of());
    Instant before = Instant.parse("2026-01-30T13:59:00Z");
    Instant after = Instant.parse("2026-01-30T14:00:00Z");
    assertThat(RULES.assess(a, before)).isEqualTo(Airworthiness.AIRWORTHY);
    assertThat(RULES.assess(a, after)).isEqualTo(Airworthiness.AOG);
    assertThat(RULES.expiredItems(a, after)).extracting(MelItem::id).containsExactly("M1");
    assertThat(RULES.constraints(a, after)).containsExactly(new AircraftGrounded("A6-APA", null));
    assertThat(RULES.constraints(a, before)).isEmpty();
  }

  @Test
  void assess_whenRestrictingItemOpen_isRestrictedUntilItsExpiry() {
    MelItem item = new MelItem("M3", MelCategory.C, "APU inoperative", RAISED, null, "no ETOPS");
    Aircraft a = aircraft(List.of(item), List.of());
    assertThat(RULES.assess(a, RAISED.plus(Duration.ofDays(1)))).isEqualTo(Airworthiness.RESTRICTED);
    assertThat(RULES.constraints(a, RAISED.plus(Duration.ofDays(1))))
        .containsExactly(new AircraftRestricted("A6-APA", "no ETOPS", RAISED.plus(Duration.ofDays(10))));
  }

  @Test
  void assess_whenGroundingWorkOrderOverdue_isAog() {
    WorkOrder due = new WorkOrder("WO1", "A-check", RAISED, Duration.ofHours(8), true);
    WorkOrder soft = new WorkOrder("WO2", "cabin", RAISED, Duration.ofHours(1), false);
    assertThat(RULES.assess(aircraft(List.of(), List.of(due)), RAISED)).isEqualTo(Airworthiness.AIRWORTHY);
    assertThat(RULES.assess(aircraft(List.of(), List.of(due)), RAISED.plusSeconds(1))).isEqualTo(Airworthiness.AOG);
    assertThat(RULES.assess(aircraft(List.of(), List.of(soft)), RAISED.plusSeconds(1)))
        .isEqualTo(Airworthiness.AIRWORTHY);
  }

  @Test
  void customIntervals_areUsed() {
    MelRules tight = new MelRules(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3));
    assertThat(tight.expiry(MelItem.of("M1", MelCategory.B, "x", RAISED))).isEqualTo(RAISED.plus(Duration.ofDays(1)));
  }
}
