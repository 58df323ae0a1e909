package io.skymarshal.airline.json;

import io.skymarshal.airline.Airport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.SkyMarshalException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisruptionJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final DisruptionJson json = DisruptionJson.withAirports(Set.of("AUH", "LHR", "FRA")::contains);

  private static ObjectNode sample() throws Exception {
    try (InputStream in = DisruptionJsonTest.class.getResourceAsStream("/io/skymarshal/airline/sample_disruption.json")) {
      return (ObjectNode) MAPPER.readTree(in);
    }
  }

  private DisruptionFormatException failure(ObjectNode doc) {
    return (DisruptionFormatException) org.assertj.core.api.Assertions.catchThrowable(() -> json.read(doc));
  }

  @Test
  void read_whenSampleDocument_mapsEveryKnownField() throws Exception {
    Disruption d;
    try (InputStream in = getClass().getResourceAsStream("/io/skymarshal/airline/sample_disruption.json")) {
      d = json.read(in);
    }
    assertThat(d.id()).isEqualTo("DISR-2026-01-30-001");
    assertThat(d.detectedAt()).isEqualTo(Instant.parse("2026-01-30T11:00:00Z"));
    assertThat(d.type()).isEqualTo("aircraft_technical_issue");
    assertThat(d.severity()).isEqualTo("high");
    assertThat(d.flight().flightNumber()).isEqualTo("EY123");
    assertThat(d.flight().origin()).isEqualTo("AUH");
    assertThat(d.flight().destination()).isEqualTo("LHR");
    assertThat(d.flight().scheduledDeparture()).isEqualTo(Instant.parse("2026-01-30T14:00:00Z"));
    assertThat(d.flight().scheduledArrival()).isEqualTo(Instant.parse("2026-01-30T18:30:00Z"));
    assertThat(d.flight().aircraftType()).isEqualTo("A380");
    assertThat(d.flight().aircraftRegistration()).isNull();
    assertThat(d.description()).isEqualTo("Hydraulic system fault detected during pre-flight checks");
    assertThat(d.estimatedDelay()).isEqualTo(Duration.ofMinutes(180));
    assertThat(d.impact().passengers()).isEqualTo(615);
    assertThat(d.impact().vipPassengers()).isEqualTo(12);
    assertThat(d.impact().connectingPassengers()).isEqualTo(87);
    assertThat(d.impact().cargoShipments()).isEqualTo(15);
    assertThat(d.impact().specialCargo()).containsExactly("Pharmaceuticals", "Perishables");
    assertThat(d.impact().crew()).isEqualTo(18);
  }

  @Test
  void read_whenSampleDocument_keepsEveryOtherFieldAsAFact() throws Exception {
    Disruption d = json.read(sample());
    assertThat(d.facts())
        .containsEntry("flight.origin.name", "Abu Dhabi International Airport")
        .containsEntry("issue_details.mel_category", "Category B")
        .containsEntry("issue_details.requires_maintenance", "true")
        .containsEntry("constraints.lhr_curfew", "23:00:00Z")
        .containsEntry("constraints.crew_ftl_remaining_hours", "8.5")
        .containsEntry("business_context.revenue_at_risk_usd", "850000")
        .doesNotContainKeys("severity", "flight.flight_number", "issue_details.description");
    assertThat(d.facts()).hasSize(14);
  }

  @Test
  void read_whenFlightMissing_namesTheField() throws Exception {
    ObjectNode doc = sample();
    doc.remove("flight");
    assertThat(failure(doc).field()).isEqualTo("flight");
    assertThatThrownBy(() -> json.read(doc)).isInstanceOf(SkyMarshalException.class).hasMessageContaining("'flight': is required");
  }

  @Test
  void read_whenFlightNumberMissing_namesTheField() throws Exception {
    ObjectNode doc = sample();
    ((ObjectNode) doc.get("flight")).remove("flight_number");
    assertThat(failure(doc).field()).isEqualTo("flight.flight_number");
  }

  @Test
  void read_whenAirportUnknown_namesAirportAndField() throws Exception {
    ObjectNode doc = sample();
    ((ObjectNode) doc.get("flight").get("destination")).put("iata", "JFK");
    DisruptionFormatException e = failure(doc);
    assertThat(e.field()).isEqualTo("flight.destination.iata");
    assertThat(e).hasMessageContaining("unknown airport 'JFK'");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void read_whenAirportIsPlainCode_acceptsIt() throws Exception {
    ObjectNode doc = sample();
    ((ObjectNode) doc.get("flight")).put("origin", "fra");
    assertThat(json.read(doc).flight().origin()).isEqualTo("FRA");
  }

  @Test
  void read_whenTimeIsNotAnInstant_namesTheField() throws Exception {
    ObjectNode doc = sample();
    ((ObjectNode) doc.get("flight")).put("scheduled_departure", "30/01/2026 14:00");
    DisruptionFormatException e = failure(doc);
    assertThat(e.field()).isEqualTo("flight.scheduled_departure");
    assertThat(e).hasMessageContaining("'30/01/2026 14:00' is not an ISO-8601 instant");
  }

  @Test
  void read_whenTimeHasNoOffset_rejectsItAsAmbiguous() throws Exception {
    ObjectNode doc = sample();
    doc.put("timestamp", "2026-01-30T11:00:00");
    assertThat(failure(doc).field()).isEqualTo("timestamp");
  }

  @Test
  void read_whenTimeHasAnOffset_convertsToTheInstant() throws Exception {
    ObjectNode doc = sample();
    ((ObjectNode) doc.get("flight")).put("scheduled_departure", "2026-01-30T18:00:00+04:00");
    assertThat(json.read(doc).flight().scheduledDeparture()).isEqualTo(Instant.parse("2026-01-30T14:00:00Z"));
  }

  @Test
  void read_whenArrivalBeforeDeparture_namesTheArrival() throws Exception {
    ObjectNode doc = sample();
    ((ObjectNode) doc.get("flight")).put("scheduled_arrival", "2026-01-30T13:00:00Z");
    assertThat(failure(doc).field()).isEqualTo("flight.scheduled_arrival");
  }

  @Test
  void read_whenCountNegativeOrFractional_namesTheField() throws Exception {
    ObjectNode doc = sample();
    ((ObjectNode) doc.get("impact")).put("vip_passengers", -1);
    assertThat(failure(doc).field()).isEqualTo("impact.vip_passengers");
    ((ObjectNode) doc.get("impact")).put("vip_passengers", 1.5);
    assertThat(failure(doc).field()).isEqualTo("impact.vip_passengers");
    ((ObjectNode) doc.get("issue_details")).put("estimated_delay_minutes", "soon");
    ((ObjectNode) doc.get("impact")).put("vip_passengers", 1);
    assertThat(failure(doc).field()).isEqualTo("issue_details.estimated_delay_minutes");
  }

  @Test
  void read_whenSeverityUnknown_rejectsIt() throws Exception {
    ObjectNode doc = sample();
    doc.put("severity", "apocalyptic");
    assertThat(failure(doc).field()).isEqualTo("severity");
  }

  @Test
  void read_whenNotJson_failsOnTheDocument() {
    assertThatThrownBy(() -> json.read("{\"disruption_id\": "))
        .isInstanceOfSatisfying(DisruptionFormatException.class, e -> assertThat(e.field()).isEqualTo("$"));
    assertThatThrownBy(() -> json.read("[1,2]"))
        .isInstanceOfSatisfying(DisruptionFormatException.class, e -> assertThat(e.field()).isEqualTo("$"));
  }

  @Test
  void read_whenTooManyFacts_rejectsRatherThanCuts() throws Exception {
    ObjectNode doc = sample();
    ObjectNode extra = doc.putObject("extra");
    for (int i = 0; i < DisruptionJson.MAX_FACTS; i++) {
      extra.put("f" + i, i);
    }
    assertThatThrownBy(() -> json.read(doc)).isInstanceOf(DisruptionFormatException.class)
        .hasMessageContaining("more than " + DisruptionJson.MAX_FACTS + " facts");
  }

  @Test
  void write_whenSampleReadBack_givesTheSameDisruption() throws Exception {
    Disruption d = json.read(sample());
    Disruption again = json.read(DisruptionJson.write(d));
    DisruptionAssertions.assertSameDisruption(again, d);
  }

  @Test
  void read_whenMinimalDocument_appliesDefaults() {
    Disruption d = json.read("""
        {"disruption_id":"D1","timestamp":"2026-02-01T08:00:00Z","disruption_type":"weather",
         "flight":{"flight_number":"EY19","origin":"LHR","destination":"AUH",
                   "scheduled_departure":"2026-02-01T09:00:00Z","scheduled_arrival":"2026-02-01T16:00:00Z"}}
        """);
    assertThat(d.severity()).isEqualTo("medium");
    assertThat(d.description()).isEmpty();
    assertThat(d.estimatedDelay()).isZero();
    assertThat(d.impact()).isEqualTo(io.skymarshal.core.Impact.NONE);
    assertThat(d.facts()).isEmpty();
  }

  // issue 11, bug 1: a JSON null section threw NullPointerException
  @Test
  void read_whenOptionalSectionIsNull_treatsItAsAbsent() throws Exception {
    ObjectNode doc = sample();
    doc.putNull("issue_details");
    doc.putNull("impact");
    doc.putNull("facts");
    Disruption d = json.read(doc);
    assertThat(d.description()).isEmpty();
    assertThat(d.estimatedDelay()).isZero();
    assertThat(d.impact()).isEqualTo(io.skymarshal.core.Impact.NONE);
    assertThat(d.facts()).doesNotContainKeys("issue_details", "impact", "facts", "issue_details.mel_category");
  }

  @Test
  void read_whenOptionalSectionIsNullAsText_treatsItAsAbsent() {
    Disruption d = json.read("""
        {"disruption_id":"D1","timestamp":"2026-02-01T08:00:00Z","disruption_type":"weather",
         "flight":{"flight_number":"EY19","origin":"LHR","destination":"AUH",
                   "scheduled_departure":"2026-02-01T09:00:00Z","scheduled_arrival":"2026-02-01T16:00:00Z"},
         "issue_details":null,"impact":null}
        """);
    assertThat(d.impact()).isEqualTo(io.skymarshal.core.Impact.NONE);
  }
}
