package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LoggingEventAware;

class LoggingRunListenerTest {

  /** One line: its level, message and key-value pairs in order. */
  record Line(Level level, String message, Map<String, String> fields) {}

  /** A logger that keeps every event, its key-value pairs apart (as logback does). */
  static final class Capturing extends LegacyAbstractLogger implements LoggingEventAware {
    final List<Line> lines = new CopyOnWriteArrayList<>();

    @Override
    public void log(LoggingEvent event) {
      Map<String, String> f = new LinkedHashMap<>();
      if (event.getKeyValuePairs() != null) {
        for (KeyValuePair kv : event.getKeyValuePairs()) {
          f.put(kv.key, String.valueOf(kv.value));
        }
      }
      lines.add(new Line(event.getLevel(), event.getMessage(), f));
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String msg, Object[] args, Throwable t) {
      lines.add(new Line(level, msg, Map.of()));
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }

  @Test
  void run_writesOneLinePerAgentCallPhaseAndRun_withIdsStatusAttemptsDurationTokensAndCost() {
    Capturing logger = new Capturing();
    TestModel model = new TestModel().on("finance", q -> OrchestratorTest.fail(io.skymarshal.model.ModelException.Kind.VALIDATION));
    Decision d;
    try (Orchestrator o = OrchestratorTest.builder(model)
        .listener(LoggingRunListener.builder().logger(logger).build()).build()) {
      d = o.run(TestAgents.disruption());
    }
    assertThat(d.status()).isEqualTo(Decision.Status.DEGRADED);

    List<Line> agents = logger.lines.stream().filter(l -> "agent".equals(l.fields().get("event"))).toList();
    List<Line> phases = logger.lines.stream().filter(l -> "phase".equals(l.fields().get("event"))).toList();
    List<Line> runs = logger.lines.stream().filter(l -> "run".equals(l.fields().get("event"))).toList();
    assertThat(logger.lines).hasSize(agents.size() + phases.size() + runs.size());
    assertThat(agents).hasSize(d.report().calls().size());
    assertThat(phases).hasSize(3);
    assertThat(runs).singleElement().satisfies(r -> {
      assertThat(r.level()).isEqualTo(Level.INFO);
      assertThat(r.message()).isEqualTo("skymarshal run");
      assertThat(r.fields()).containsEntry("disruption_id", "DISR-TEST-1").containsEntry("status", "degraded")
          .containsEntry("action", "DELAY").containsEntry("missing", "finance")
          .containsEntry("tokens_in", String.valueOf(d.report().totalUsage().totalInputTokens()))
          .containsEntry("tokens_out", String.valueOf(d.report().totalUsage().outputTokens()))
          .containsEntry("cost_usd", String.format(java.util.Locale.ROOT, "%.6f", d.report().totalCostUsd()))
          .containsKeys("duration_ms", "attempts", "model_calls", "needs_review");
    });
    Line finance = agents.stream().filter(l -> l.fields().get("agent").equals("finance")
        && l.fields().get("phase").equals("phase1_initial")).findFirst().orElseThrow();
    assertThat(finance.level()).isEqualTo(Level.WARN);
    assertThat(finance.fields()).containsEntry("status", "failed").containsEntry("error_type", "ModelException")
        .containsEntry("attempts", "1").containsEntry("tier", "business");
    Line crew = agents.stream().filter(l -> l.fields().get("agent").equals("crew_compliance")
        && l.fields().get("phase").equals("phase1_initial")).findFirst().orElseThrow();
    assertThat(crew.level()).isEqualTo(Level.INFO);
    assertThat(crew.fields().keySet()).containsExactly("event", "disruption_id", "phase", "agent", "tier", "status",
        "attempts", "model_calls", "duration_ms", "queued_ms", "tokens_in", "tokens_out", "cache_read", "cache_write",
        "cost_usd", "model", "priced_as"); // the test model answers in place of the routed one
    // nothing from the model's replies, the prompts or error texts
    assertThat(logger.lines).allSatisfy(l -> assertThat(l.fields().values())
        .noneMatch(v -> v.contains("OK 0.9") || v.contains("from test") || v.contains("<p")));
  }

  @Test
  void haltedRun_isAWarning_namingTheHalt() {
    Capturing logger = new Capturing();
    TestModel model = new TestModel().on("maintenance", q -> OrchestratorTest.fail(io.skymarshal.model.ModelException.Kind.VALIDATION));
    try (Orchestrator o = OrchestratorTest.builder(model)
        .listener(LoggingRunListener.builder().logger(logger).build()).build()) {
      assertThat(o.run(TestAgents.disruption()).status()).isEqualTo(Decision.Status.HALTED);
    }
    Line run = logger.lines.stream().filter(l -> "run".equals(l.fields().get("event"))).findFirst().orElseThrow();
    assertThat(run.level()).isEqualTo(Level.WARN);
    assertThat(run.fields()).containsEntry("status", "halted").containsEntry("halt_kind", "safety_agent_failed")
        .containsEntry("halt_agent", "maintenance").containsEntry("action", Decision.MANUAL_INTERVENTION);
  }
}
