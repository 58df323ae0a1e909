package io.skymarshal.testkit.airline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.Airport;
import io.skymarshal.airline.LocalTimeWindow;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AirportCatalogTest {

  @Test
  void all_fortyDistinctAirportsHubFirst() {
    assertThat(AirportCatalog.all()).hasSize(40);
    assertThat(AirportCatalog.all().stream().map(Airport::iata).collect(Collectors.toSet())).hasSize(40);
    assertThat(AirportCatalog.hub().iata()).isEqualTo("AUH");
    assertThat(AirportCatalog.hub().minimumConnectionTimes()).hasSize(3);
  }

  @Test
  void get_curfewsInLocalTimeWithIanaZones() {
    Airport lhr = AirportCatalog.get("LHR");
    assertThat(lhr.zone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(lhr.curfew()).isEqualTo(LocalTimeWindow.parse("23:00", "06:00"));
    assertThat(lhr.slotCoordinated()).isTrue();
    assertThat(AirportCatalog.get("FRA").curfew()).isEqualTo(LocalTimeWindow.parse("23:00", "05:00"));
    assertThat(AirportCatalog.get("SYD").zone()).isEqualTo(ZoneId.of("Australia/Sydney"));
    assertThat(AirportCatalog.all().stream().filter(a -> a.curfew() != null)).hasSize(5);
    assertThatThrownBy(() -> AirportCatalog.get("XXX")).isInstanceOf(IllegalArgumentException.class);
  }
}
