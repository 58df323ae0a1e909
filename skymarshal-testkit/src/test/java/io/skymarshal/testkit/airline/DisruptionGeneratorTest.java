package io.skymarshal.testkit.airline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Booking;
import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.core.Disruption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DisruptionGeneratorTest {
  private static final AirlineDataset AIRLINE = AirlineGenerator.defaultAirline();

  @Test
  void take_whenSameSeed_givesTheSameDisruptions() {
    List<String> a = new DisruptionGenerator(AIRLINE, 5).take(50).stream().map(DisruptionJson::write).toList();
    List<String> b = new DisruptionGenerator(AIRLINE, 5).take(50).stream().map(DisruptionJson::write).toList();
    List<String> c = new DisruptionGenerator(AIRLINE, 6).take(50).stream().map(DisruptionJson::write).toList();
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void take_hundred_coversEveryKindWithUniqueIds() {
    List<Disruption> ds = new DisruptionGenerator(AIRLINE, 1).take(100);
    assertThat(ds.stream().map(Disruption::type).collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(DisruptionGenerator.Kind.values()).map(DisruptionGenerator.Kind::code).toList());
    assertThat(ds.stream().map(Disruption::id).distinct()).hasSize(100);
  }

  @Test
  void next_isAboutARealFlightWithImpactCountedFromTheData() {
    Map<FlightKey, Flight> flights = AIRLINE.flights().stream().collect(Collectors.toMap(Flight::key, f -> f));
    Map<FlightKey, List<Booking>> bookings = AIRLINE.bookings().stream().collect(Collectors.groupingBy(Booking::flight));
    for (Disruption d : new DisruptionGenerator(AIRLINE, 2).take(40)) {
      FlightKey key = new FlightKey(d.flight().flightNumber(), d.flight().date());
      Flight f = flights.get(key);
      assertThat(f).as(d.id()).isNotNull();
      assertThat(d.flight()).isEqualTo(f.toFlightRef());
      assertThat(d.flight().aircraftRegistration()).isNotNull();
      List<Booking> onFlight = bookings.getOrDefault(key, List.of());
      assertThat(d.impact().passengers()).isEqualTo(onFlight.size());
      assertThat(d.impact().connectingPassengers()).isEqualTo(onFlight.stream().filter(Booking::connects).count());
      assertThat(d.detectedAt()).isBefore(f.scheduledDeparture());
      assertThat(d.description()).isNotBlank();
    }
  }

  @Test
  void next_whenKindGiven_usesItsCodeAndFacts() {
    DisruptionGenerator g = new DisruptionGenerator(AIRLINE, 3);
    assertThat(g.next(DisruptionGenerator.Kind.TECHNICAL).facts()).containsKey("issue_details.mel_category");
    assertThat(g.next(DisruptionGenerator.Kind.WEATHER).facts()).containsKey("weather.airport");
    assertThat(g.next(DisruptionGenerator.Kind.ATC).type()).isEqualTo("atc");
    assertThat(g.next(DisruptionGenerator.Kind.CREW).facts()).containsKey("crew.member_id");
  }

  @Test
  void disruptions_surviveTheJsonFormat() {
    DisruptionJson json = DisruptionJson.withAirports(AIRLINE.airports());
    for (Disruption d : new DisruptionGenerator(AIRLINE, 4).take(30)) {
      Disruption back = json.read(DisruptionJson.write(d));
      assertThat(back.flight()).isEqualTo(d.flight());
      assertThat(back.facts()).isEqualTo(d.facts());
      assertThat(back.impact()).isEqualTo(d.impact());
    }
  }

  @Test
  void constructor_whenNoFlights_fails() {
    assertThatThrownBy(() -> new DisruptionGenerator(AirlineDataset.builder().build(), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Set.of(LocalDate.of(2026, 1, 30))).contains(AIRLINE.flights().get(0).date());
  }
}
