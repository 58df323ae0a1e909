package io.skymarshal.airline.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.ReplyFormatException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BindingConstraintsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final FlightRef EY123 = new FlightRef("EY123", "AUH", "LHR", Instant.parse("2026-01-30T14:00:00Z"),
      Instant.parse("2026-01-30T18:30:00Z"), "A380", "A6-APA");

  private static JsonNode json(String s) throws Exception {
    return MAPPER.readTree(s);
  }

  @Test
  void listFromJson_whenTheAgreedExample_readsEveryKind() throws Exception {
    List<BindingConstraint> cs = BindingConstraints.listFromJson(json("""
        [{"kind":"crew_duty_limit","subject":"C123","latestRelease":"2026-01-31T02:00:00Z"},
         {"kind":"aircraft_grounded","subject":"A6-APA","until":"2026-02-01T00:00:00Z"},
         {"kind":"aircraft_restricted","subject":"A6-APA","restriction":"no ETOPS","until":"2026-02-01T00:00:00Z"},
         {"kind":"curfew","subject":"LHR","from":"23:00","to":"06:00","zone":"Europe/London","bufferMinutes":15},
         {"kind":"slot","subject":"LHR","latestDeparture":"2026-01-30T14:15:00Z"}]"""), EY123);
    assertThat(cs).containsExactly(
        new CrewDutyLimit("C123", Instant.parse("2026-01-31T02:00:00Z")),
        new AircraftGrounded("A6-APA", Instant.parse("2026-02-01T00:00:00Z")),
        new AircraftRestricted("A6-APA", "no ETOPS", Instant.parse("2026-02-01T00:00:00Z")),
        Curfew.onArrival("LHR", ZoneId.of("Europe/London"), LocalTimeWindow.parse("23:00", "06:00")),
        new Slot("LHR", Instant.parse("2026-01-30T14:15:00Z")));
  }

  @Test
  void fromJson_whenCurfewParsed_evaluatesTheLondonCaseInCode() throws Exception {
    BindingConstraint c = BindingConstraints.fromJson(json(
        "{\"kind\":\"curfew\",\"subject\":\"LHR\",\"from\":\"23:00\",\"to\":\"06:00\",\"zone\":\"Europe/London\"}"), EY123);
    ActionPlan delayed = new ActionPlan("DELAY", true, Instant.parse("2026-01-30T09:55:00Z"),
        Instant.parse("2026-01-30T16:55:00Z"), "A6-APA", java.util.Set.of(), "delay");
    assertThat(c.violationBy(delayed)).isEmpty();
  }

  @Test
  void fromJson_whenCurfewMovementOmitted_infersItFromTheFlight() throws Exception {
    JsonNode origin = json("{\"kind\":\"curfew\",\"subject\":\"AUH\",\"from\":\"01:00\",\"to\":\"05:00\",\"zone\":\"Asia/Dubai\"}");
    assertThat(((Curfew) BindingConstraints.fromJson(origin, EY123)).movement()).isEqualTo(Curfew.Movement.DEPARTURE);
    assertThatThrownBy(() -> BindingConstraints.fromJson(origin))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("'movement'");
  }

  @Test
  void fromJson_whenCurfewAtAnotherAirportOrContradictingMovement_fails() throws Exception {
    assertThatThrownBy(() -> BindingConstraints.fromJson(json(
        "{\"kind\":\"curfew\",\"subject\":\"FRA\",\"from\":\"23:00\",\"to\":\"05:00\",\"zone\":\"Europe/Berlin\"}"), EY123))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("neither the origin AUH nor the destination LHR");
    assertThatThrownBy(() -> BindingConstraints.fromJson(json("{\"kind\":\"curfew\",\"subject\":\"LHR\",\"from\":\"23:00\","
        + "\"to\":\"06:00\",\"zone\":\"Europe/London\",\"movement\":\"departure\"}"), EY123))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("is the arrival airport");
  }

  @Test
  void fromJson_whenKindUnknown_namesItAndTheKnownKinds() throws Exception {
    assertThatThrownBy(() -> BindingConstraints.fromJson(json("{\"kind\":\"weather\",\"subject\":\"LHR\"}")))
        .isInstanceOf(ReplyFormatException.class)
        .hasMessageContaining("unknown constraint kind 'weather'").hasMessageContaining("crew_duty_limit, ")
        .satisfies(e -> assertThat(((ReplyFormatException) e).quote()).contains("weather"));
  }

  @Test
  void fromJson_whenTimeBad_namesTheFieldAndValue() throws Exception {
    assertThatThrownBy(() -> BindingConstraints.fromJson(json(
        "{\"kind\":\"crew_duty_limit\",\"subject\":\"C1\",\"latestRelease\":\"tomorrow 02:00\"}")))
        .isInstanceOf(ReplyFormatException.class)
        .hasMessageContaining("crew_duty_limit constraint: 'latestRelease' is 'tomorrow 02:00'");
    assertThatThrownBy(() -> BindingConstraints.fromJson(json("{\"kind\":\"curfew\",\"subject\":\"LHR\",\"from\":\"25:00\","
        + "\"to\":\"06:00\",\"zone\":\"Europe/London\",\"movement\":\"arrival\"}")))
        .hasMessageContaining("'from' is '25:00'");
  }

  @Test
  void fromJson_whenZoneUnknownOrFixedOffset_fails() throws Exception {
    String base = "{\"kind\":\"curfew\",\"subject\":\"LHR\",\"from\":\"23:00\",\"to\":\"06:00\",\"movement\":\"arrival\",\"zone\":";
    assertThatThrownBy(() -> BindingConstraints.fromJson(json(base + "\"Europe/Londres\"}")))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("not an IANA time zone");
    assertThatThrownBy(() -> BindingConstraints.fromJson(json(base + "\"+01:00\"}")))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("fixed offset");
  }

  @Test
  void fromJson_whenMissingOrUnknownFieldOrBadNumber_fails() throws Exception {
    assertThatThrownBy(() -> BindingConstraints.fromJson(json("{\"kind\":\"slot\",\"subject\":\"LHR\"}")))
        .hasMessageContaining("'latestDeparture' is required");
    assertThatThrownBy(() -> BindingConstraints.fromJson(json("{\"kind\":\"slot\",\"latestDeparture\":\"2026-01-30T14:15:00Z\"}")))
        .hasMessageContaining("'subject' is required");
    assertThatThrownBy(() -> BindingConstraints.fromJson(json(
        "{\"kind\":\"slot\",\"subject\":\"LHR\",\"latestDeparture\":\"2026-01-30T14:15:00Z\",\"why\":\"x\"}")))
        .hasMessageContaining("unknown field 'why'");
    assertThatThrownBy(() -> BindingConstraints.fromJson(json("{\"kind\":\"curfew\",\"subject\":\"LHR\",\"from\":\"23:00\","
        + "\"to\":\"06:00\",\"zone\":\"Europe/London\",\"movement\":\"arrival\",\"bufferMinutes\":-5}")))
        .hasMessageContaining("'bufferMinutes' must be a whole number of minutes in [0, 360]");
    assertThatThrownBy(() -> BindingConstraints.fromJson(json("\"curfew\"")))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("must be a JSON object");
  }

  @Test
  void listFromJson_whenOneElementBad_namesItsIndex() throws Exception {
    assertThatThrownBy(() -> BindingConstraints.listFromJson(json(
        "[{\"kind\":\"slot\",\"subject\":\"LHR\",\"latestDeparture\":\"2026-01-30T14:15:00Z\"},{\"kind\":\"nope\",\"subject\":\"x\"}]"),
        EY123))
        .isInstanceOf(ReplyFormatException.class).hasMessageStartingWith("constraints[1]: nope constraint: unknown constraint kind 'nope'");
    assertThat(BindingConstraints.listFromJson(null, EY123)).isEmpty();
    assertThatThrownBy(() -> BindingConstraints.listFromJson(json("{}"), EY123)).hasMessageContaining("must be an array");
  }

  @Test
  void toJson_writesTheAgreedFieldsOnly() {
    assertThat(BindingConstraints.toJson(new CrewDutyLimit("C1", Instant.parse("2026-01-31T02:00:00Z"))).toString())
        .isEqualTo("{\"kind\":\"crew_duty_limit\",\"subject\":\"C1\",\"latestRelease\":\"2026-01-31T02:00:00Z\"}");
    assertThat(BindingConstraints.toJson(new AircraftGrounded("A6-APA", null)).toString())
        .isEqualTo("{\"kind\":\"aircraft_grounded\",\"subject\":\"A6-APA\"}");
    assertThat(BindingConstraints.toJson(new Curfew("LHR", ZoneId.of("Europe/London"), LocalTimeWindow.parse("23:00",
        "06:00"), Duration.ofMinutes(20), Curfew.Movement.ARRIVAL)).toString())
        .isEqualTo("{\"kind\":\"curfew\",\"subject\":\"LHR\",\"from\":\"23:00\",\"to\":\"06:00\","
            + "\"zone\":\"Europe/London\",\"bufferMinutes\":20,\"movement\":\"arrival\"}");
  }

  @Test
  void toJson_whenForeignConstraintType_failsNamingIt() {
    BindingConstraint foreign = new BindingConstraint() {
      public String kind() { return "weather"; }
      public String subject() { return "LHR"; }
      public String describe() { return "fog"; }
      public Optional<String> violationBy(ActionPlan plan) { return Optional.empty(); }
    };
    assertThatThrownBy(() -> BindingConstraints.toJson(foreign)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind weather");
  }
}
