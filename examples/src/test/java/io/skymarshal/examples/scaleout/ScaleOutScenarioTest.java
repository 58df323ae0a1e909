package io.skymarshal.examples.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The done-when, on ElasticMQ and dynalite with the real SDK clients: three workers, 500
 * distinct disruptions as 550 messages, 20 invalid documents, one worker stopped abruptly mid-way.
 */
class ScaleOutScenarioTest {

  @Test
  void threeWorkers_oneStoppedAbruptly_decideEveryDisruptionOnce_andLoseNothing() throws Exception {
    ScaleOutScenario.Settings s = ScaleOutScenario.Settings.defaults();
    ScaleOutScenario.Counts c = ScaleOutScenario.run(s, System.out);
    c.print(System.out);

    assertThat(c.validMessages()).isEqualTo(550);
    assertThat(c.distinct()).isEqualTo(500);
    assertThat(c.storedDecisions()).as("stored decisions").isEqualTo(500);
    assertThat(c.lost()).as("disruptions without a stored decision").isZero();
    assertThat(c.disruptionsRunTwice()).as("disruptions arbitrated more than once").isZero();
    assertThat(c.completedRuns() - c.lostRuns()).as("completed runs, but for those lost with the stopped worker")
        .isEqualTo(500);
    assertThat(c.outcomes().get("ARBITRATED")).isLessThanOrEqualTo(500);
    assertThat(c.overBound()).as("disruptions over one run's worth of calls plus an unreusable phase").isZero();
    assertThat(c.deadLettered()).as("dead-lettered").isEqualTo(20);
    assertThat(c.deadLetteredWithError()).as("dead-lettered with their error").isEqualTo(20);
    assertThat(c.inputLeft()).as("messages left in the input queue").isZero();
    assertThat(c.publishedDistinct()).as("distinct documents published").isEqualTo(500);
    assertThat(c.resumed().keySet()).as("some runs taken over from the stopped worker resumed").isNotEmpty();
  }
}
