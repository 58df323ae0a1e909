package io.skymarshal.airline.json;

import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Impact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DisruptionJsonProperties {
  private final DisruptionJson json = DisruptionJson.withAirports(code -> true);

  @Property(tries = 300)
  void write_thenRead_givesTheSameDisruption(@ForAll("disruptions") Disruption d) {
    DisruptionAssertions.assertSameDisruption(json.read(DisruptionJson.write(d)), d);
  }

  @Provide
  Arbitrary<Disruption> disruptions() {
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(30);
    // Fact names collide on purpose with the document's own fields and with each other.
    Arbitrary<String> segment = Arbitraries.of("flight", "origin", "name", "iata", "impact", "facts", "severity",
        "constraints", "x", "description", "special_cargo", "");
    Arbitrary<String> factName = segment.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l))
        .filter(s -> !s.isEmpty());
    Arbitrary<Map<String, String>> facts = Arbitraries.maps(factName, text).ofMaxSize(8);
    Arbitrary<Instant> departure = Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L).map(Instant::ofEpochSecond);
    Arbitrary<FlightRef> flight = Combinators.combine(departure, Arbitraries.integers().between(0, 20 * 60),
        Arbitraries.of("A380", "B789"), Arbitraries.of("A6-APA", "A6-BLV").injectNull(0.5))
        .as((dep, minutes, type, reg) -> new FlightRef("EY123", "AUH", "LHR", dep, dep.plusSeconds(60L * minutes),
            type, reg));
    Arbitrary<Impact> impact = Combinators.combine(Arbitraries.integers().between(0, 900), Arbitraries.integers()
        .between(0, 30), text.list().ofMaxSize(3)).as((p, v, s) -> new Impact(p, v, p / 3, v, List.copyOf(s), v * 2));
    return Combinators.combine(flight, impact, facts, text, Arbitraries.of("low", "medium", "high", "critical"),
        Arbitraries.integers().between(0, 2000)).as((f, i, fs, desc, sev, delay) -> {
          Disruption.Builder b = Disruption.builder().id("D-" + delay).detectedAt(f.scheduledDeparture().minusSeconds(3600))
              .type("weather").severity(sev).flight(f).description(desc).estimatedDelay(Duration.ofMinutes(delay))
              .impact(i);
          fs.forEach(b::fact);
          return b.build();
        });
  }
}
