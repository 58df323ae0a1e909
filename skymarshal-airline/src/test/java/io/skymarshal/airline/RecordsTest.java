package io.skymarshal.airline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordsTest {
  private static final Instant DEP = Instant.parse("2026-01-30T14:00:00Z");

  @Test
  void flight_whenDateIsNotTheUtcDepartureDate_fails() {
    assertThatThrownBy(() -> new Flight("EY123", LocalDate.parse("2026-01-31"), "AUH", "LHR", DEP,
        DEP.plusSeconds(3600), DEP, DEP.plusSeconds(3600), "A6-APA", "A380", FlightStatus.SCHEDULED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the UTC date");
  }

  @Test
  void flight_whenBadNumberOrAirport_namesTheField() {
    assertThatThrownBy(() -> Flight.scheduled("EY", "AUH", "LHR", DEP, DEP.plusSeconds(60), "A6-APA", "A380"))
        .hasMessageContaining("flightNumber");
    assertThatThrownBy(() -> Flight.scheduled("EY1", "AUH", "lhr", DEP, DEP.plusSeconds(60), "A6-APA", "A380"))
        .hasMessageContaining("destination must be a 3-letter");
    assertThatThrownBy(() -> Flight.scheduled("EY1", "AUH", "AUH", DEP, DEP.plusSeconds(60), "A6-APA", "A380"))
        .hasMessageContaining("both AUH");
  }

  @Test
  void flight_delayedTo_keepsBlockTimeAndKey() {
    Flight f = Flight.scheduled("EY123", "AUH", "LHR", DEP, DEP.plus(Duration.ofMinutes(450)), "A6-APA", "A380");
    Flight d = f.delayedTo(DEP.plus(Duration.ofHours(3)));
    assertThat(d.estimatedArrival()).isEqualTo(DEP.plus(Duration.ofMinutes(630)));
    assertThat(d.departureDelay()).isEqualTo(Duration.ofHours(3));
    assertThat(d.key()).isEqualTo(f.key());
    assertThat(d.status()).isEqualTo(FlightStatus.DELAYED);
    assertThat(f.toFlightRef().date()).isEqualTo(f.date());
  }

  @Test
  void melItem_categoryAIntervalRules() {
    assertThatThrownBy(() -> new MelItem("M1", MelCategory.A, "x", DEP, null, ""))
        .hasMessageContaining("statedInterval (category A) is required");
    assertThatThrownBy(() -> new MelItem("M1", MelCategory.B, "x", DEP, Duration.ofDays(1), ""))
        .hasMessageContaining("only for category A");
  }

  @Test
  void booking_connectionFieldsGoTogether() {
    FlightKey k = FlightKey.of("EY123", "2026-01-30");
    assertThatThrownBy(() -> new Booking("B", "P", k, CabinClass.ECONOMY, FlightKey.of("EY19", "2026-01-30"), null))
        .hasMessageContaining("both set or both null");
    assertThatThrownBy(() -> new Booking("B", "P", k, CabinClass.ECONOMY, k, ConnectionType.SAME_TERMINAL))
        .hasMessageContaining("is the booked flight");
  }

  @Test
  void crewRoster_whenCrewMemberTwice_fails() {
    RosterEntry e = new RosterEntry("C1", CrewPosition.CAPTAIN, DEP, DEP.plusSeconds(60));
    assertThatThrownBy(() -> new CrewRoster(FlightKey.of("EY1", "2026-01-30"), List.of(e, e)))
        .hasMessageContaining("rostered twice");
  }

  @Test
  void collections_areCopiedIn() {
    Set<String> quals = new HashSet<>(Set.of("A380"));
    CrewMember c = new CrewMember("C1", "n", CrewPosition.CAPTAIN, "AUH", quals);
    quals.add("B789");
    assertThat(c.qualifications()).containsExactly("A380");
    assertThatThrownBy(() -> c.qualifications().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void localTimeWindow_spanningMidnight_includesStartExcludesEnd() {
    LocalTimeWindow w = LocalTimeWindow.parse("23:00", "06:00");
    assertThat(w.spansMidnight()).isTrue();
    assertThat(w.contains(LocalTime.of(23, 0))).isTrue();
    assertThat(w.contains(LocalTime.of(2, 0))).isTrue();
    assertThat(w.contains(LocalTime.of(6, 0))).isFalse();
    assertThat(w.contains(LocalTime.of(22, 59))).isFalse();
    assertThatThrownBy(() -> LocalTimeWindow.parse("06:00", "06:00")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void airport_validatesCoordinatesAndConnectionTimes() {
    assertThatThrownBy(() -> new Airport("AUH", "n", ZoneId.of("Asia/Dubai"), 91, 0, null, false, Map.of()))
        .hasMessageContaining("latitude");
    assertThatThrownBy(() -> new Airport("AUH", "n", ZoneId.of("Asia/Dubai"), 0, 0, null, false,
        Map.of(ConnectionType.SAME_TERMINAL, Duration.ZERO))).hasMessageContaining("must be positive");
  }

  @Test
  void cargo_validatesWeightAndValue() {
    FlightKey k = FlightKey.of("EY1", "2026-01-30");
    assertThatThrownBy(() -> new CargoShipment("1", k, "x", 0, Set.of(), TemperatureClass.NONE, BigDecimal.ONE))
        .hasMessageContaining("weightKg");
    assertThatThrownBy(() -> new CargoShipment("1", k, "x", 1, Set.of(), TemperatureClass.NONE, new BigDecimal("-1")))
        .hasMessageContaining("declaredValueUsd");
    assertThat(new CargoShipment("1", k, "x", 1, Set.of(SpecialHandling.DGR), TemperatureClass.NONE, BigDecimal.ONE)
        .has(SpecialHandling.DGR)).isTrue();
  }
}
