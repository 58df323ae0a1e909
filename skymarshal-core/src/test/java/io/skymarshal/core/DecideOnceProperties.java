package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.store.DecisionKey;
import io.skymarshal.store.DecisionOutcome;
import io.skymarshal.store.InMemoryDecisionStore;
import io.skymarshal.store.StoredDecision;
import io.skymarshal.store.StoredRunPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** One arbitration per document (id and hash), however deliveries are repeated and spread over instances. */
class DecideOnceProperties {

  private static Disruption document(int id, int version) {
    Disruption base = TestAgents.disruption();
    return base.toBuilder().id("DISR-P-" + id).description("version " + version).build();
  }

  @Property(tries = 25)
  void oneArbitrationPerDocument_whateverTheDuplicatesAndInstances(
      @ForAll @Size(min = 1, max = 24) List<@IntRange(min = 0, max = 7) Integer> deliveries,
      @ForAll @IntRange(min = 1, max = 3) int instances) throws Exception {
    InMemoryDecisionStore store = InMemoryDecisionStore.create();
    List<TestModel> models = new ArrayList<>();
    List<Orchestrator> orchestrators = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (int i = 0; i < instances; i++) {
        TestModel m = new TestModel();
        models.add(m);
        orchestrators.add(OrchestratorTest.builder(m).decisionStore(store, StoredRunPolicy
            .builder(DecideOnceTest.CODEC).owner("i-" + i).pollInterval(Duration.ofMillis(2)).build()).build());
      }
      List<Future<DecisionOutcome>> outcomes = new ArrayList<>();
      List<DecisionKey> keys = new ArrayList<>();
      for (int n = 0; n < deliveries.size(); n++) {
        int doc = deliveries.get(n);
        Disruption d = document(doc / 2, doc % 2); // ids 0-3, two versions of each
        keys.add(DecisionKey.of(d));
        Orchestrator o = orchestrators.get(n % instances);
        outcomes.add(pool.submit(() -> o.decide(d)));
      }
      Map<DecisionKey, StoredDecision> answers = new HashMap<>();
      Map<DecisionKey, Integer> arbitrated = new HashMap<>();
      for (int n = 0; n < outcomes.size(); n++) {
        DecisionOutcome out = outcomes.get(n).get(60, TimeUnit.SECONDS);
        DecisionKey k = keys.get(n);
        assertThat(out.stored().key()).isEqualTo(k);
        StoredDecision first = answers.putIfAbsent(k, out.stored());
        if (first != null) {
          assertThat(out.stored()).as("every caller of %s gets one decision", k).isEqualTo(first);
        }
        if (out.source() == DecisionOutcome.Source.ARBITRATED) {
          arbitrated.merge(k, 1, Integer::sum);
        }
      }
      long arbitratorCalls = models.stream().mapToLong(m -> m.count("arbitrator")).sum();
      assertThat(arbitratorCalls).isEqualTo(answers.size());
      assertThat(arbitrated).hasSize(answers.size()).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
      assertThat(store.decisions()).hasSize(answers.size());
    } finally {
      orchestrators.forEach(Orchestrator::close);
      pool.shutdownNow();
    }
  }
}
