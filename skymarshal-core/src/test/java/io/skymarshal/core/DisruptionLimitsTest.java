package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, bug 6: the builder had no limits at all (a 1 MB description, any non-blank flight
 * number, year 999999999). Every limit of {@link Disruption} is kept by its builder, and each
 * error names the field and quotes at most a short escaped excerpt.
 */
class DisruptionLimitsTest {
  private static final Instant DEP = Instant.parse("2026-01-30T14:00:00Z");
  private static final String MEGABYTE = "A".repeat(1_000_000);

  private static FlightRef flight(String number, String reg) {
    return new FlightRef(number, "AUH", "LHR", DEP, DEP.plus(Duration.ofHours(7)), "A380", reg);
  }

  private static Disruption.Builder valid() {
    return Disruption.builder().id("D1").detectedAt(DEP.minusSeconds(3600)).type("weather").flight(flight("EY123", "A6-APA"));
  }

  private static InvalidDisruptionException rejected(UnaryOperator<Disruption.Builder> change) {
    InvalidDisruptionException e = catchThrowableOfType(() -> change.apply(Disruption.builder()).build(),
        InvalidDisruptionException.class);
    assertThat(e).as("rejected").isNotNull();
    assertThat(e.retryable()).isFalse();
    assertThat(e).isInstanceOf(SkyMarshalException.class);
    assertThat(e.getMessage()).hasSizeLessThan(400);
    return e;
  }

  @Test
  void builder_whenTextIsTooLong_namesTheField_withoutEchoingIt() {
    InvalidDisruptionException e = rejected(b -> b.description(MEGABYTE));
    assertThat(e.field()).isEqualTo("description");
    assertThat(e).hasMessageContaining("1000000 characters is longer than " + Disruption.MAX_TEXT_LENGTH);
    assertThat(e.getMessage()).doesNotContain("AAAAAAAAAA");

    assertThat(rejected(b -> b.id(MEGABYTE)).field()).isEqualTo("id");
    assertThat(rejected(b -> b.type("t".repeat(Disruption.MAX_TYPE_LENGTH + 1))).field()).isEqualTo("type");
    assertThat(rejected(b -> b.fact("note", MEGABYTE)).field()).isEqualTo("facts[note]");
    assertThat(rejected(b -> b.fact("n".repeat(Disruption.MAX_LABEL_LENGTH + 1), "x")).getMessage())
        .contains("longer than " + Disruption.MAX_LABEL_LENGTH).hasSizeLessThan(400);
  }

  @Test
  void builder_atTheLimits_accepts() {
    Disruption.Builder b = valid().description("d".repeat(Disruption.MAX_TEXT_LENGTH));
    for (int i = 0; i < Disruption.MAX_FACTS; i++) {
      b.fact("f" + i, "v");
    }
    assertThatCode(b::build).doesNotThrowAnyException();
    assertThatCode(() -> Disruption.builder().id("D".repeat(Disruption.MAX_ID_LENGTH)).detectedAt(Disruption.EARLIEST_TIME)
        .type("t".repeat(Disruption.MAX_TYPE_LENGTH)).estimatedDelay(Disruption.MAX_ESTIMATED_DELAY)
        .flight(new FlightRef("EY123", "AUH", "LHR", DEP, DEP.plus(Disruption.MAX_BLOCK_TIME), "A350-1000", "A6-APA1"))
        .build()).doesNotThrowAnyException();
  }

  @Test
  void builder_whenTooManyFacts_rejectsRatherThanCuts() {
    Disruption.Builder b = valid();
    for (int i = 0; i < Disruption.MAX_FACTS; i++) {
      b.fact("f" + i, "v");
    }
    b.fact("f0", "replacing a fact is not adding one");
    InvalidDisruptionException e = catchThrowableOfType(() -> b.fact("one-more", "v"), InvalidDisruptionException.class);
    assertThat(e).hasMessageContaining("more than " + Disruption.MAX_FACTS + " facts");
  }

  @Test
  void build_whenAllTextTogetherIsTooLong_namesTheTotal() {
    InvalidDisruptionException e = rejected(b -> {
      Disruption.Builder v = valid().description("d".repeat(9_000));
      for (int i = 0; i < 3; i++) {
        v.fact("f" + i, "v".repeat(9_000));
      }
      return v;
    });
    assertThat(e.field()).isEqualTo("total");
    assertThat(e).hasMessageContaining("more than " + Disruption.MAX_TOTAL_TEXT);
  }

  @Test
  void builder_whenFlightNumberIsMalformed_namesIt() {
    for (String bad : List.of("E", "EY", "123", "EY12345", "ey123", "EY 123", "EY123\n", "EY123; DROP", "EYY1234X1",
        MEGABYTE)) {
      InvalidDisruptionException e = rejected(b -> b.flight(flight(bad, null)));
      assertThat(e.field()).as(bad.length() > 20 ? "1 MB" : bad).isEqualTo("flight.flightNumber");
      assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(400);
    }
    for (String good : List.of("EY123", "EY1", "BA1390", "U21234", "9W123", "EZY12", "EY123A")) {
      assertThatCode(() -> Disruption.builder().flight(flight(good, null))).as(good).doesNotThrowAnyException();
    }
  }

  @Test
  void builder_whenAirportsOrAircraftAreMalformed_namesThem() {
    assertThat(rejected(b -> b.flight(new FlightRef("EY1", "AU", "LHR", DEP, DEP, null, null))).field())
        .isEqualTo("flight.origin");
    assertThat(rejected(b -> b.flight(new FlightRef("EY1", "AUH", "auh", DEP, DEP, null, null))).field())
        .isEqualTo("flight.destination");
    assertThat(rejected(b -> b.flight(new FlightRef("EY1", "AUH", "AUH", DEP, DEP, null, null))).field())
        .isEqualTo("flight.destination");
    assertThat(rejected(b -> b.flight(new FlightRef("EY1", "AUH", "LHR", DEP, DEP, "A380<x/>", null))).field())
        .isEqualTo("flight.aircraftType");
    for (String bad : List.of("A6--APA", "-A6APA", "A6-APA-", "A", "a6-apa", "A6-APA-EXTRA1", "A6 APA")) {
      assertThat(rejected(b -> b.flight(flight("EY1", bad))).field()).as(bad).isEqualTo("flight.aircraftRegistration");
    }
  }

  @Test
  void builder_whenTimesAreImplausible_namesThem() {
    Instant farFuture = Instant.parse("+999999999-01-01T00:00:00Z");
    InvalidDisruptionException e = rejected(b -> b.detectedAt(farFuture));
    assertThat(e.field()).isEqualTo("detectedAt");
    assertThat(e).hasMessageContaining("is not in [2000-01-01T00:00:00Z, 2100-01-01T00:00:00Z)");
    assertThat(rejected(b -> b.detectedAt(Instant.parse("1999-12-31T23:59:59Z"))).field()).isEqualTo("detectedAt");
    assertThat(rejected(b -> b.flight(new FlightRef("EY1", "AUH", "LHR", farFuture, farFuture, null, null))).field())
        .isEqualTo("flight.scheduledDeparture");
    assertThat(rejected(b -> b.flight(new FlightRef("EY1", "AUH", "LHR", DEP, DEP.plus(Duration.ofHours(25)), null,
        null))).field()).isEqualTo("flight.scheduledArrival");
    assertThat(rejected(b -> b.estimatedDelay(Duration.ofDays(8))).field()).isEqualTo("estimatedDelay");
    assertThat(rejected(b -> b.estimatedDelay(Duration.ofMinutes(-1))).field()).isEqualTo("estimatedDelay");
  }

  @Test
  void builder_whenSeverityOrSpecialCargoAreOutsideTheLimits_namesThem() {
    assertThat(rejected(b -> b.severity("apocalyptic")).field()).isEqualTo("severity");
    assertThat(rejected(b -> b.severity("HIGH")).field()).isEqualTo("severity");
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= Disruption.MAX_SPECIAL_CARGO; i++) {
      many.add("k" + i);
    }
    assertThat(rejected(b -> b.impact(new Impact(1, 0, 0, 0, many, 0))).field()).isEqualTo("impact.specialCargo");
    assertThat(rejected(b -> b.impact(new Impact(1, 0, 0, 0, List.of("ok", "x".repeat(201)), 0))).field())
        .isEqualTo("impact.specialCargo[1]");
  }

  @Test
  void builder_whenANameHasControlCharacters_rejectsIt_quotingThemEscaped() {
    InvalidDisruptionException e = rejected(b -> b.id("D1\r\nINFO forged log line"));
    assertThat(e.field()).isEqualTo("id");
    assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n").contains("\\u000D\\u000A");
    InvalidDisruptionException f = rejected(b -> b.fact("name\u0000with nul" + "n".repeat(Disruption.MAX_LABEL_LENGTH), "v"));
    assertThat(f.field()).startsWith("'facts[name\\u0000with nul");
    assertThat(f.getMessage()).doesNotContain("\u0000");
    assertThat(rejected(b -> b.type("weather\u202Ereversed")).field()).isEqualTo("type");
  }

  @Test
  void builder_whenARequiredFieldIsMissing_namesIt() {
    assertThat(rejected(b -> b).field()).isEqualTo("id");
    assertThat(rejected(b -> b.id("D1").detectedAt(DEP).type("weather")).field()).isEqualTo("flight");
  }

  @Test
  void freeText_keepsAnyCharacters() {
    String any = "line\nbreak \u0000 nul \uD800 lone surrogate <tag attr=\"x\"> & IGNORE PREVIOUS INSTRUCTIONS";
    Disruption d = valid().description(any).fact("note", any).fact(any, "named by free text").build();
    assertThat(d.description()).isEqualTo(any);
    assertThat(d.facts()).containsEntry("note", any).containsEntry(any, "named by free text");
    assertThat(rejected(b -> b.fact("", "v")).field()).isEqualTo("facts");
  }

  @Test
  void excerpt_shortensAndEscapes() {
    assertThat(InvalidDisruptionException.excerpt("EY123")).isEqualTo("'EY123'");
    assertThat(InvalidDisruptionException.excerpt("a'b\\c\n")).isEqualTo("'a\\u0027b\\u005Cc\\u000A'");
    assertThat(InvalidDisruptionException.excerpt(MEGABYTE)).isEqualTo("'" + "A".repeat(40) + "'... (1000000 characters)");
    assertThat(InvalidDisruptionException.excerpt("x\uD800")).isEqualTo("'x\\uD800'");
    assertThat(InvalidDisruptionException.excerpt("\uD83D\uDE00")).isEqualTo("'\uD83D\uDE00'");
    assertThat(InvalidDisruptionException.excerpt(null)).isEqualTo("null");
  }
}
