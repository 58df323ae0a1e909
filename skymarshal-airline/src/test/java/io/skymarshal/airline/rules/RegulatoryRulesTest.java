package io.skymarshal.airline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.Airport;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.airline.constraint.Curfew;
import io.skymarshal.airline.constraint.Slot;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegulatoryRulesTest {
  private static final Airport LHR = new Airport("LHR", "London Heathrow", ZoneId.of("Europe/London"), 51.47, -0.45,
      LocalTimeWindow.parse("23:00", "06:00"), true, Map.of());
  private static final Airport AUH = new Airport("AUH", "Abu Dhabi", ZoneId.of("Asia/Dubai"), 24.43, 54.65, null, false,
      Map.of());
  private static final Flight EY12 = Flight.scheduled("EY12", "LHR", "AUH", Instant.parse("2026-01-30T09:00:00Z"),
      Instant.parse("2026-01-30T16:00:00Z"), "A6-APA", "A380");
  private static final Flight EY123 = Flight.scheduled("EY123", "AUH", "LHR", Instant.parse("2026-01-30T14:00:00Z"),
      Instant.parse("2026-01-30T18:30:00Z"), "A6-APA", "A380");

  private static ActionPlan departing(Instant dep, Duration block) {
    return new ActionPlan("DELAY", true, dep, dep.plus(block), "A6-APA", Set.of(), "delay");
  }

  @Test
  void constraints_whenLeavingSlotCoordinatedCurfewAirport_giveDepartureCurfewAndSlot() {
    List<BindingConstraint> cs = RegulatoryRules.defaults().constraints(EY12, LHR, AUH);
    assertThat(cs).containsExactly(
        Curfew.onDeparture("LHR", ZoneId.of("Europe/London"), LocalTimeWindow.parse("23:00", "06:00")),
        new Slot("LHR", Instant.parse("2026-01-30T09:15:00Z")));
  }

  @Test
  void slot_whenDepartureSixteenMinutesLate_isLostAndFifteenKept() {
    Slot slot = (Slot) RegulatoryRules.defaults().constraints(EY12, LHR, AUH).get(1);
    Duration block = EY12.blockTime();
    assertThat(slot.violationBy(departing(Instant.parse("2026-01-30T09:15:00Z"), block))).isEmpty();
    assertThat(slot.violationBy(departing(Instant.parse("2026-01-30T09:16:00Z"), block))).isPresent();
  }

  @Test
  void constraints_whenArrivingAtCurfewAirport_giveArrivalCurfewOnly() {
    List<BindingConstraint> cs = RegulatoryRules.defaults().constraints(EY123, AUH, LHR);
    assertThat(cs).containsExactly(
        Curfew.onArrival("LHR", ZoneId.of("Europe/London"), LocalTimeWindow.parse("23:00", "06:00")));
    // the recorded run's mistake: a 3 h delay arriving 21:30Z in January keeps the curfew
    assertThat(cs.get(0).violationBy(departing(Instant.parse("2026-01-30T17:00:00Z"), EY123.blockTime()))).isEmpty();
  }

  @Test
  void constraints_whenAirportsAreNotTheFlights_fails() {
    assertThatThrownBy(() -> RegulatoryRules.defaults().constraints(EY123, LHR, AUH))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not those of EY123/2026-01-30");
  }

  @Test
  void customSlotTolerance_isUsed() {
    RegulatoryRules r = new RegulatoryRules(Duration.ZERO, Duration.ofMinutes(5));
    assertThat(r.constraints(EY12, LHR, AUH)).contains(new Slot("LHR", Instant.parse("2026-01-30T09:05:00Z")));
  }
}
