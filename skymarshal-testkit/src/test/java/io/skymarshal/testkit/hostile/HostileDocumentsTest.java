package io.skymarshal.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: at least 10,000 generated hostile documents, each a typed error or a decision and
 * never another exception, with prompt structure independent of the injected text. Prints one
 * tally line and a table by category. {@code -Dskymarshal.hostile.count=N} and {@code -Dskymarshal.hostile.seed=S} run
 * another number or another sequence.
 */
class HostileDocumentsTest {
  private static final int COUNT = Integer.getInteger("skymarshal.hostile.count", 10_000);
  private static final long SEED = Long.getLong("skymarshal.hostile.seed", 20_261_130L);

  @Test
  void hostileDocuments_eachEndAsATypedRejectionOrADecision() {
    HostileSuite.Tally tally = new HostileSuite().run(new HostileDocuments(SEED), COUNT);
    System.out.println(tally.line() + " (seed " + SEED + ")");
    System.out.print(tally.table());

    assertThat(tally.failures()).as("failures").isEmpty();
    assertThat(tally.failureCount()).isZero();
    assertThat(tally.outcomes().get(HostileSuite.Outcome.OTHER_EXCEPTION)).isZero();
    assertThat(tally.outcomes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(COUNT);
    // not vacuous: many documents are rejected, many are decided, and every INJECTION one is read and compared
    assertThat(tally.outcomes().get(HostileSuite.Outcome.REJECTED)).isGreaterThan(COUNT / 4);
    assertThat(COUNT - tally.outcomes().get(HostileSuite.Outcome.REJECTED)).isGreaterThan(COUNT / 4);
    int injections = (int) IntStream.range(0, COUNT).filter(i -> i % HostileDocuments.Category.values().length
        == HostileDocuments.Category.INJECTION.ordinal()).count();
    assertThat(tally.injectionPrompts()).isEqualTo(injections);
    assertThat(tally.byCategory().keySet()).containsExactlyInAnyOrder(HostileDocuments.Category.values());
  }

  @Test
  void documents_areTheSameForTheSameSeed_andDifferForAnother() {
    HostileDocuments a = new HostileDocuments(7);
    HostileDocuments b = new HostileDocuments(7);
    HostileDocuments c = new HostileDocuments(8);
    for (int i = 0; i < 50; i++) {
      assertThat(a.document(i)).isEqualTo(b.document(i));
    }
    assertThat(IntStream.range(0, 50).filter(i -> !a.document(i).text().equals(c.document(i).text())).count())
        .isGreaterThan(25);
  }

  @Test
  void documents_coverEveryCategory_andInjectionsReachEveryFreeTextField() {
    HostileDocuments docs = new HostileDocuments(1);
    Set<HostileDocuments.Category> seen = IntStream.range(0, 22).mapToObj(i -> docs.document(i).category())
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(HostileDocuments.Category.class)));
    assertThat(seen).containsExactlyInAnyOrder(HostileDocuments.Category.values());

    HostileDocuments.Document injected = docs.document(HostileDocuments.Category.INJECTION.ordinal());
    var d = DisruptionJson.withAirports(AirlineSamples.ey123Airline().airports()).read(injected.text());
    assertThat(HostileDocuments.INJECTIONS).contains(d.description());
    assertThat(d.impact().specialCargo()).allSatisfy(s -> assertThat(HostileDocuments.INJECTIONS).contains(s));
    assertThat(d.facts()).allSatisfy((name, value) -> assertThat(HostileDocuments.INJECTIONS.contains(value)
        || HostileDocuments.INJECTIONS.contains(name)).as(name).isTrue());
  }

  @Test
  void baseDocument_isDecided() {
    var d = DisruptionJson.withAirports(AirlineSamples.ey123Airline().airports()).read(new HostileDocuments(1).baseDocument());
    try (Orchestrator o = Orchestrator.builder().agents(AirlineAgents.all()).arbitrator(AirlineAgents.arbitrator())
        .modelClient(OfflineModel.create()).data(AirlineData.inMemory(AirlineSamples.ey123Airline())).build()) {
      assertThat(o.run(d).status()).isIn(Decision.Status.DECIDED, Decision.Status.DEGRADED);
    }
  }
}
