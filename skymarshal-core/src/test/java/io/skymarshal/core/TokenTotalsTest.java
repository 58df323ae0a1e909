package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.TokenUsage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Issue 11, bug 2: very large reported usage must never make totals, the JSON or the run throw. */
class TokenTotalsTest {
  private static final TokenUsage HUGE = new TokenUsage(Long.MAX_VALUE - 10, Long.MAX_VALUE - 10, 0, 0);

  private static AgentCall call(String agent, Phase phase, TokenUsage usage) {
    return new AgentCall(agent, Tier.BUSINESS, phase, CallStatus.SUCCEEDED, 1, 1, 1_000, "test-model", usage, 0.0,
        false, null);
  }

  @Test
  void totalUsage_whenCallsReportOverflowingUsage_saturatesAndSaysSo() {
    RunReport r = new RunReport("D1", List.of(call("network", Phase.INITIAL, HUGE), call("network", Phase.REVISION, HUGE)),
        List.of(), 1_000);

    TokenUsage total = r.totalUsage();
    assertThat(total.inputTokens()).isEqualTo(Long.MAX_VALUE);
    assertThat(total.outputTokens()).isEqualTo(Long.MAX_VALUE);
    assertThat(total.saturated()).isTrue();
  }

  @Test
  void decisionJson_whenTotalsSaturate_writesThemFlagged() throws Exception {
    RunReport r = new RunReport("D1", List.of(call("network", Phase.INITIAL, HUGE), call("network", Phase.REVISION, HUGE)),
        List.of(), 1_000);
    Decision d = new Decision("D1", Decision.Status.HALTED, java.util.Optional.empty(), List.of(), List.of(), List.of(),
        HaltReason.arbitratorFailed("arbitrator", CallStatus.FAILED, "x"), true, r);

    AtomicReference<String> json = new AtomicReference<>();
    assertThatCode(() -> json.set(DecisionJson.toJson(d))).doesNotThrowAnyException();
    JsonNode n = new ObjectMapper().readTree(json.get());
    assertThat(n.get("inputTokens").asLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(n.get("tokensSaturated").asBoolean()).isTrue();
  }

  @Test
  void decisionJson_whenTotalsDoNotSaturate_hasNoSaturationFlag() {
    Decision d = OrchestratorTest.run(new TestModel());
    assertThat(DecisionJson.toTree(d).has("tokensSaturated")).isFalse();
  }

  /** A model whose network agent reports more tokens than any model can use in one reply. */
  private static TestModel hugeUsageModel() {
    return new TestModel().on("network", q -> CompletableFuture.completedFuture(
        new ModelReply("OK 0.9", HUGE, "test-model", "end_turn")));
  }

  @Test
  void run_whenAClientReportsImplausibleUsage_failsThatCallTyped_atEveryLogLevel() {
    AtomicReference<Decision> atInfo = new AtomicReference<>();
    AtomicReference<Decision> atError = new AtomicReference<>();
    LogLevels.with(LogLevels.RUN_LOGGER, "INFO", () -> {
      assertThat(LoggerFactory.getLogger(LogLevels.RUN_LOGGER).isInfoEnabled()).isTrue();
      atInfo.set(OrchestratorTest.run(hugeUsageModel()));
    });
    LogLevels.with(LogLevels.RUN_LOGGER, "ERROR", () -> {
      assertThat(LoggerFactory.getLogger(LogLevels.RUN_LOGGER).isInfoEnabled()).isFalse();
      atError.set(OrchestratorTest.run(hugeUsageModel()));
    });

    for (Decision d : List.of(atInfo.get(), atError.get())) {
      assertThat(d.status()).isEqualTo(Decision.Status.DEGRADED);
      assertThat(d.missingAgents()).singleElement().satisfies(m -> {
        assertThat(m.agent()).isEqualTo("network");
        assertThat(m.status()).isEqualTo(CallStatus.FAILED);
        assertThat(m.error()).contains("ModelException").contains("implausible usage");
      });
      // the implausible figures are not added to the totals: they are in the error instead
      assertThat(d.report().totalUsage().saturated()).isFalse();
      assertThat(d.report().totalUsage().inputTokens()).isLessThan(TokenUsage.MAX_PER_CALL);
      assertThatCode(() -> DecisionJson.toJson(d)).doesNotThrowAnyException();
    }
    assertThat(atInfo.get().action()).isEqualTo(atError.get().action());
    assertThat(atInfo.get().missingAgents()).isEqualTo(atError.get().missingAgents());
  }
}
