package io.skymarshal.airline.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.core.ActionPlan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurfewTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Curfew LHR = Curfew.onArrival("LHR", LONDON, LocalTimeWindow.parse("23:00", "06:00"));
  private static final Curfew FRA_DEPARTURES = Curfew.onDeparture("FRA", ZoneId.of("Europe/Berlin"),
      LocalTimeWindow.parse("23:00", "05:00"));
  private static final Curfew SYD = Curfew.onArrival("SYD", ZoneId.of("Australia/Sydney"),
      LocalTimeWindow.parse("23:00", "06:00"));

  static ActionPlan arrivingAt(String arrival) {
    Instant a = Instant.parse(arrival);
    return new ActionPlan("DELAY", true, a.minus(Duration.ofHours(7)), a, "A6-APA", Set.of(), "delay");
  }

  static ActionPlan departingAt(String departure) {
    Instant d = Instant.parse(departure);
    return new ActionPlan("DELAY", true, d, d.plus(Duration.ofHours(1)), "A6-APA", Set.of(), "delay");
  }

  @Test
  void violationBy_whenLondonArrival1655UtcInFebruary_keepsThe2300Curfew() {
    // The recorded run that cancelled this flight "for the curfew" got exactly this wrong.
    assertThat(LHR.violationBy(arrivingAt("2026-01-30T16:55:00Z"))).isEmpty();
    assertThat(LHR.violationBy(arrivingAt("2026-02-15T16:55:00Z"))).isEmpty();
  }

  @Test
  void violationBy_whenArrivalInsideWinterCurfew_explainsInLocalTime() {
    assertThat(LHR.violationBy(arrivingAt("2026-01-30T23:30:00Z")))
        .hasValueSatisfying(v -> assertThat(v).contains("23:30 local at LHR").contains("Europe/London"));
    assertThat(LHR.violationBy(arrivingAt("2026-01-31T03:00:00Z"))).isPresent();
  }

  @Test
  void violationBy_whenArrivalWithinBuffer_breaksIt() {
    assertThat(LHR.violationBy(arrivingAt("2026-01-30T22:44:59Z"))).isEmpty();
    assertThat(LHR.violationBy(arrivingAt("2026-01-30T22:45:00Z"))).isPresent();
    assertThat(LHR.violationBy(arrivingAt("2026-01-31T06:14:59Z"))).isPresent();
    assertThat(LHR.violationBy(arrivingAt("2026-01-31T06:15:00Z"))).isEmpty();
  }

  @Test
  void violationBy_whenSummerTime_shiftsTheUtcWindowByAnHour() {
    // 22:10Z is 22:10 local in January but 23:10 BST in July.
    assertThat(LHR.violationBy(arrivingAt("2026-01-15T22:10:00Z"))).isEmpty();
    assertThat(LHR.violationBy(arrivingAt("2026-07-15T22:10:00Z"))).isPresent();
    assertThat(LHR.violationBy(arrivingAt("2026-07-15T21:40:00Z"))).isEmpty();
    assertThat(LHR.violationBy(arrivingAt("2026-07-15T21:50:00Z"))).isPresent();
  }

  @Test
  void violationBy_whenClocksGoForwardOvernight_usesTheNewOffsetAfterTheChange() {
    // UK clocks go forward at 01:00Z on 2026-03-29: 05:20Z is 05:20 GMT the day before, 06:20 BST that morning.
    assertThat(LHR.violationBy(arrivingAt("2026-03-28T05:20:00Z"))).isPresent();
    assertThat(LHR.violationBy(arrivingAt("2026-03-29T05:20:00Z"))).isEmpty();
  }

  @Test
  void violationBy_whenClocksGoBackOvernight_usesTheNewOffsetAfterTheChange() {
    // UK clocks go back at 01:00Z on 2026-10-25: 22:10Z is 23:10 BST on the 24th, 22:10 GMT on the 25th.
    assertThat(LHR.violationBy(arrivingAt("2026-10-24T22:10:00Z"))).isPresent();
    assertThat(LHR.violationBy(arrivingAt("2026-10-25T22:10:00Z"))).isEmpty();
  }

  @Test
  void violationBy_whenSouthernHemisphere_appliesItsOppositeDaylightSaving() {
    // 12:30Z is 23:30 AEDT (UTC+11) in January but 22:30 AEST (UTC+10) in July.
    assertThat(SYD.violationBy(arrivingAt("2026-01-15T12:30:00Z"))).isPresent();
    assertThat(SYD.violationBy(arrivingAt("2026-07-15T12:30:00Z"))).isEmpty();
  }

  @Test
  void violationBy_whenDepartureCurfew_checksTheDepartureNotTheArrival() {
    // 21:50Z is 22:50 CET in February: inside the widened 23:00 curfew.
    assertThat(FRA_DEPARTURES.violationBy(departingAt("2026-02-10T21:50:00Z")))
        .hasValueSatisfying(v -> assertThat(v).startsWith("departure"));
    assertThat(FRA_DEPARTURES.violationBy(departingAt("2026-02-10T12:00:00Z"))).isEmpty();
    // arrival would be in the curfew, departure is not: a departure curfew does not care
    ActionPlan lateArrival = new ActionPlan("DELAY", true, Instant.parse("2026-02-10T15:00:00Z"),
        Instant.parse("2026-02-10T23:30:00Z"), "A6-APA", Set.of(), "delay");
    assertThat(FRA_DEPARTURES.violationBy(lateArrival)).isEmpty();
  }

  @Test
  void violationBy_whenCancelled_keepsIt() {
    assertThat(LHR.violationBy(ActionPlan.notOperating("CANCEL", "cancel"))).isEmpty();
  }

  @Test
  void forbids_whenWindowDoesNotSpanMidnight_isBoundedOnBothSides() {
    Curfew c = new Curfew("XXX", ZoneId.of("UTC"), LocalTimeWindow.parse("01:00", "04:00"), Duration.ZERO,
        Curfew.Movement.ARRIVAL);
    assertThat(c.forbids(Instant.parse("2026-01-01T00:59:59Z"))).isFalse();
    assertThat(c.forbids(Instant.parse("2026-01-01T01:00:00Z"))).isTrue();
    assertThat(c.forbids(Instant.parse("2026-01-01T03:59:59Z"))).isTrue();
    assertThat(c.forbids(Instant.parse("2026-01-01T04:00:00Z"))).isFalse();
  }

  @Test
  void forbids_whenBufferClosesTheGap_forbidsTheWholeDay() {
    Curfew c = new Curfew("XXX", ZoneId.of("UTC"), LocalTimeWindow.parse("06:00", "05:30"), Duration.ofMinutes(15),
        Curfew.Movement.ARRIVAL);
    assertThat(c.forbids(Instant.parse("2026-01-01T05:45:00Z"))).isTrue();
    assertThat(c.forbids(Instant.parse("2026-01-01T12:00:00Z"))).isTrue();
  }

  @Test
  void describe_namesAirportWindowZoneAndBuffer() {
    assertThat(LHR.describe()).isEqualTo("LHR curfew 23:00-06:00 local (Europe/London), buffer 15 min, arrival");
  }
}
