package io.skymarshal.testkit.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.testkit.sweep.SafetyJudges.Judge;
import io.skymarshal.testkit.sweep.SafetySweep.Result;
import io.skymarshal.testkit.sweep.SafetySweep.RunResult;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The safety sweep over 200 hostile disruptions with faults injected: no decision may be unsafe by
 * the ground truth. {@code -Dsweep.runs=1000} (and optionally {@code -Dsweep.seed=...}) also runs
 * {@link SafetySweep#main} with that many runs and prints its table.
 */
class SafetySweepTest {
  private static OfflineModel model;

  @BeforeAll
  static void setUp() {
    // the engine logs every halted run at WARN; the sweep's table says it better
    System.setProperty("org.slf4j.simpleLogger.log.io.skymarshal", "error");
    model = OfflineModel.create();
  }

  @Test
  void sweepOf200_findsNoUnsafeDecision() {
    Result r = SafetySweep.run(SafetySweep.Config.defaults().withRuns(200), model);
    r.print(System.out);

    assertThat(r.runs()).hasSize(200).allSatisfy(x -> assertThat(x.variant()).isNotNull());
    assertThat(r.runs().stream().map(x -> x.variant().mutation()).distinct()).hasSameSizeAs(WorldMutator.MUTATIONS);
    SoftAssertions soft = new SoftAssertions();
    for (Judge j : Judge.values()) {
      soft.assertThat(r.unsafe(j)).as("unsafe (%s) %s; examples:%n%s", j.letter(), j, examples(r, j)).isZero();
    }
    soft.assertThat(r.runs().stream().filter(x -> x.status() == null).map(RunResult::error).toList())
        .as("the engine threw").isEmpty();
    soft.assertAll();
  }

  @Test
  @EnabledIfSystemProperty(named = "sweep.runs", matches = "\\d+")
  void fullSweep_fromMain() {
    SafetySweep.main(new String[] {System.getProperty("sweep.runs"), System.getProperty("sweep.seed", "42")});
  }

  static String examples(Result r, Judge j) {
    return r.runs().stream().filter(x -> x.unsafeBy(j)).limit(5)
        .map(x -> "  #" + x.index() + " " + x.variant().mutation() + " [" + x.variant().detail() + "] "
            + x.injections() + " -> " + x.outcome() + ": " + x.findings())
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
