package io.skymarshal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The load program end to end on a small load: the real Converse client over HTTPS to the fake
 * Bedrock, whose concurrency quota a local {@code ModelLimits} quota keeps the process under.
 */
class LoadProgramTest {

  @Test
  void localQuota_underTheFakesQuota_completesEveryRun_withoutAThrottle_andReportsTheWait() {
    // two models at 2 calls in flight each never exceed the fake's 4 at once: calls wait, none is throttled
    Captured c = Captured.run(LoadProgram::run, "--runs", "12", "--latency-ms", "5", "--bedrock-fake",
        "--quota", "4", "--local-quota", "2", "--deadline-s", "300");

    assertThat(c.status()).as(c.out() + c.err()).isZero();
    assertThat(c.out()).contains("completed     12 / 12 runs with a decision")
        .contains("local quota: at most 2 calls in flight per model")
        .containsPattern("fake Bedrock  [0-9,]+ requests answered, 0 with ThrottlingException; at most [1-4] answered")
        .containsPattern("0 refused by the local quota")
        .containsPattern("queued .*\\(per model call, waiting for a local quota slot; [1-9][0-9,]* calls waited\\)");
  }

  @Test
  void withoutLocalQuota_theFakeThrottles_andTheProgramSaysSo() {
    Captured c = Captured.run(LoadProgram::run, "--runs", "12", "--latency-ms", "5", "--bedrock-fake",
        "--quota", "1", "--deadline-s", "300");

    assertThat(c.out()).containsPattern("fake Bedrock  [0-9,]+ requests answered, [1-9][0-9,]* with ThrottlingException")
        .contains("0 calls waited");
  }

  @Test
  void queueWait_withoutLocalQuota_isAUsageError() {
    Captured c = Captured.run(LoadProgram::run, "--queue-wait-s", "5");

    assertThat(c.status()).isEqualTo(2);
    assertThat(c.err()).contains("--queue-wait-s needs --local-quota");
  }
}
