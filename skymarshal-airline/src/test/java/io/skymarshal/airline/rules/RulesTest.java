package io.skymarshal.airline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.skymarshal.airline.Airport;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.ConnectionType;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.TemperatureClass;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesTest {
  static final Airport AUH = new Airport("AUH", "Abu Dhabi", ZoneId.of("Asia/Dubai"), 24.433, 54.651, null, false,
      Map.of(ConnectionType.SAME_TERMINAL, Duration.ofMinutes(50)));
  static final Airport LHR = new Airport("LHR", "London Heathrow", ZoneId.of("Europe/London"), 51.470, -0.4543, null,
      true, Map.of());
  static final Airport FRA = new Airport("FRA", "Frankfurt", ZoneId.of("Europe/Berlin"), 50.0379, 8.5622, null, true,
      Map.of());
  static final Airport ATH = new Airport("ATH", "Athens", ZoneId.of("Europe/Athens"), 37.9364, 23.9445, null, false,
      Map.of());

  @Test
  void delayPropagation_whenThreeHourDelay_addsNinetyMinutesPerDownstreamFlight() {
    DelayPropagation p = DelayPropagation.defaults();
    assertThat(p.downstreamDelay(Duration.ofHours(3))).isEqualTo(Duration.ofMinutes(90));
    assertThat(p.downstreamDelays(Duration.ofHours(1), 3)).containsExactly(Duration.ofMinutes(30),
        Duration.ofMinutes(30), Duration.ofMinutes(30));
    assertThat(p.totalDelay(Duration.ofHours(2), 2)).isEqualTo(Duration.ofHours(4));
    assertThat(new DelayPropagation(0.25).downstreamDelay(Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(() -> new DelayPropagation(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void minimumConnectionTime_airportOwnTimeWinsElseDefaultsByType() {
    ConnectionRules r = ConnectionRules.standard();
    assertThat(r.minimumConnectionTime(AUH, ConnectionType.SAME_TERMINAL)).isEqualTo(Duration.ofMinutes(50));
    assertThat(r.minimumConnectionTime(AUH, ConnectionType.TERMINAL_CHANGE)).isEqualTo(Duration.ofMinutes(90));
    assertThat(r.minimumConnectionTime(LHR, ConnectionType.SAME_TERMINAL)).isEqualTo(Duration.ofMinutes(60));
    assertThat(r.minimumConnectionTime(LHR, ConnectionType.INTERLINE)).isEqualTo(Duration.ofMinutes(120));
  }

  @Test
  void connectionHolds_whenArrivalLeavesAtLeastTheMct() {
    Instant arr = Instant.parse("2026-01-30T18:30:00Z");
    ConnectionRules r = ConnectionRules.standard();
    assertThat(r.connectionHolds(LHR, ConnectionType.TERMINAL_CHANGE, arr, arr.plus(Duration.ofMinutes(90)))).isTrue();
    assertThat(r.connectionHolds(LHR, ConnectionType.TERMINAL_CHANGE, arr, arr.plus(Duration.ofMinutes(89)))).isFalse();
  }

  @Test
  void coldChain_limitsByTemperatureClass() {
    ColdChainRules c = ColdChainRules.defaults();
    assertThat(c.limit(TemperatureClass.FRO)).contains(Duration.ofHours(1));
    assertThat(c.limit(TemperatureClass.REF)).contains(Duration.ofHours(2));
    assertThat(c.limit(TemperatureClass.COL)).contains(Duration.ofHours(4));
    assertThat(c.limit(TemperatureClass.NONE)).isEmpty();
    CargoShipment vaccine = new CargoShipment("607-1", FlightKey.of("EY123", "2026-01-30"), "vaccines", 120, Set.of(),
        TemperatureClass.REF, BigDecimal.TEN);
    assertThat(c.atRisk(vaccine, Duration.ofMinutes(119))).isFalse();
    assertThat(c.atRisk(vaccine, Duration.ofHours(2))).isTrue();
    CargoShipment mail = new CargoShipment("607-2", FlightKey.of("EY123", "2026-01-30"), "mail", 80, Set.of(),
        TemperatureClass.NONE, BigDecimal.ZERO);
    assertThat(c.atRisk(mail, Duration.ofDays(3))).isFalse();
  }

  @Test
  void eu261_distanceBands() {
    Eu261 eu = Eu261.defaults();
    assertThat(eu.compensationEur(1500)).isEqualTo(250);
    assertThat(eu.compensationEur(1500.1)).isEqualTo(400);
    assertThat(eu.compensationEur(3500)).isEqualTo(400);
    assertThat(eu.compensationEur(3500.1)).isEqualTo(600);
    assertThat(eu.compensationEur(LHR, FRA)).isEqualTo(250);
    assertThat(eu.compensationEur(LHR, ATH)).isEqualTo(400);
    assertThat(eu.compensationEur(AUH, LHR)).isEqualTo(600);
    assertThat(eu.owedForDelay(Duration.ofMinutes(179))).isFalse();
    assertThat(eu.owedForDelay(Duration.ofHours(3))).isTrue();
    assertThatThrownBy(() -> eu.compensationEur(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void greatCircle_matchesKnownDistances() {
    assertThat(Eu261.greatCircleKm(LHR, FRA)).isCloseTo(655, within(10.0));
    assertThat(Eu261.greatCircleKm(AUH, LHR)).isCloseTo(5500, within(50.0));
    assertThat(Eu261.greatCircleKm(AUH, AUH)).isZero();
    assertThat(Eu261.greatCircleKm(0, 0, 0, 180)).isCloseTo(Math.PI * Eu261.EARTH_RADIUS_KM, within(0.001));
  }

  @Test
  void arbitrationWeights_defaultsAndScore() {
    ArbitrationWeights w = ArbitrationWeights.defaults();
    assertThat(w.score(1, 0, 0, 0)).isEqualTo(0.4);
    assertThat(w.score(0, 1, 1, 1)).isCloseTo(0.6, within(1e-12));
    assertThat(w.score(1, 1, 1, 1)).isCloseTo(1.0, within(1e-12));
    assertThat(w.escalates(0.49)).isTrue();
    assertThat(w.escalates(0.5)).isFalse();
    assertThatThrownBy(() -> w.score(1.2, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ArbitrationWeights(0, 0, 0, 0, 0.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
