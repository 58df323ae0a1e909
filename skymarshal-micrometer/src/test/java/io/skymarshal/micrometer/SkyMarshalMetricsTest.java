package io.skymarshal.micrometer;

import static io.skymarshal.micrometer.SkyMarshalMetrics.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.Decision;
import io.skymarshal.core.ModelCall;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.RunListener;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SkyMarshalMetricsTest {

  /** Every model call the engine reports, to compare the meters with. */
  static final class ModelCalls implements RunListener {
    final List<ModelCall> seen = new CopyOnWriteArrayList<>();

    @Override
    public void onModelCall(io.skymarshal.core.Disruption d, ModelCall call) {
      seen.add(call);
    }
  }

  @Test
  void run_recordsEveryModelCallAndTheRun_withGenAiNamesAndTags() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ModelCalls calls = new ModelCalls();
    // network is throttled once and retried; finance fails for good, so the run is DEGRADED
    try (Orchestrator o = Runs.orchestrator(Runs.model("network", "finance"))
        .listener(SkyMarshalMetrics.create(registry)).listener(calls).build()) {
      Decision d = o.run(AirlineSamples.ey123Disruption());

      assertThat(d.status()).isEqualTo(Decision.Status.DEGRADED);
      // one timer count per model call, the same tags every time
      assertThat(registry.find(OPERATION_DURATION).timers().stream().mapToLong(Timer::count).sum())
          .isEqualTo(calls.seen.size());
      assertThat(registry.find(OPERATION_DURATION).meters()).allSatisfy(m -> assertThat(keys(m)).containsExactlyInAnyOrder(
          OPERATION_NAME, PROVIDER_NAME, REQUEST_MODEL, ERROR_TYPE, AGENT, PHASE, ROLE, OUTCOME));
      Timer throttled = registry.get(OPERATION_DURATION).tag(AGENT, "network").tag(PHASE, "phase1_initial")
          .tag(ERROR_TYPE, "throttled").tag(OUTCOME, "failed").timer();
      assertThat(throttled.count()).isEqualTo(1);
      assertThat(registry.get(OPERATION_DURATION).tag(AGENT, "crew_compliance").tag(PHASE, "phase1_initial")
          .tag(ERROR_TYPE, NONE).tag(PROVIDER_NAME, DEFAULT_PROVIDER).tag(OPERATION_NAME, "chat")
          .tag(REQUEST_MODEL, calls.seen.stream().filter(c -> c.agent().equals("crew_compliance")).findFirst()
              .orElseThrow().modelId()).timer().count()).isEqualTo(1);
      assertThat(registry.get(OPERATION_DURATION).tag(AGENT, "finance").tag(ERROR_TYPE, "validation").timer().count())
          .isEqualTo(1); // a permanent error is not retried

      // tokens: per GenAI type, summing to the report's totals
      TokenUsage total = d.report().totalUsage();
      assertThat(registry.get(TOKEN_USAGE).tag(TOKEN_TYPE, "input").summaries().stream()
          .mapToDouble(s -> s.totalAmount()).sum()).isEqualTo((double) total.totalInputTokens());
      assertThat(registry.get(TOKEN_USAGE).tag(TOKEN_TYPE, "output").summaries().stream()
          .mapToDouble(s -> s.totalAmount()).sum()).isEqualTo((double) total.outputTokens()).isPositive();
      assertThat(registry.get(TOKENS).tag(SKYMARSHAL_TOKEN_TYPE, "input").counters().stream()
          .mapToDouble(c -> c.count()).sum()).isEqualTo((double) total.inputTokens());

      // the run's own meters
      assertThat(registry.get(RUN_DURATION).tag(STATUS, "degraded").timer().count()).isEqualTo(1);
      assertThat(registry.get(RUN_DURATION).tag(STATUS, "degraded").timer().totalTime(TimeUnit.NANOSECONDS))
          .isEqualTo((double) d.report().totalDurationNanos());
      assertThat(registry.get(PHASE_DURATION).tag(PHASE, "phase1_initial").tag(STATUS, "degraded").timer().count())
          .isEqualTo(1);
      assertThat(registry.get(PHASE_DURATION).tag(PHASE, "phase3_arbitration").tag(STATUS, "succeeded").timer()
          .count()).isEqualTo(1);
      assertThat(registry.get(AGENT_DURATION).tag(AGENT, "finance").tag(PHASE, "phase1_initial").tag(STATUS, "failed")
          .tag(TIER, "business").timer().count()).isEqualTo(1);
      assertThat(registry.get(AGENT_DURATION).tag(AGENT, "finance").tag(PHASE, "phase2_revision").tag(STATUS, "skipped")
          .timer().count()).isEqualTo(1);
      assertThat(registry.get(AGENT_DURATION).timers().stream().mapToLong(Timer::count).sum())
          .isEqualTo(d.report().calls().size());
      assertThat(registry.get(RETRIES).tag(AGENT, "network").tag(ERROR_TYPE, "throttled").counter().count())
          .isEqualTo(1);
      assertThat(registry.get(THROTTLES).tag(AGENT, "network").counter().count()).isEqualTo(1);
      assertThat(registry.get(MISSING_AGENTS).tag(AGENT, "finance").tag(STATUS, "failed").counter().count())
          .isEqualTo(1);
      assertThat(registry.find(HALTS).counters()).isEmpty();
      double cost = registry.get(COST).counters().stream().mapToDouble(c -> c.count()).sum();
      assertThat(cost).isCloseTo(d.report().totalCostUsd(), Offset.offset(1e-9)).isPositive();
      // the offline model answers; its cost is an estimate at the routed model's prices
      assertThat(registry.get(COST).counters()).filteredOn(c -> c.count() > 0).isNotEmpty().allSatisfy(c -> assertThat(c.getId().getTag(ESTIMATED)).isEqualTo("true"));
      // no disruption id, flight or passenger in any tag
      Set<String> values = registry.getMeters().stream().flatMap(m -> m.getId().getTags().stream())
          .map(Tag::getValue).collect(Collectors.toSet());
      assertThat(values).doesNotContain(d.disruptionId(), "EY123");
    }
  }

  @Test
  void haltedRun_countsItsHaltByKind_andItsPhaseAsFailed() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Orchestrator o = Runs.orchestrator(Runs.model(null, "maintenance"))
        .listener(SkyMarshalMetrics.create(registry)).build()) {
      Decision d = o.run(AirlineSamples.ey123Disruption());

      assertThat(d.status()).isEqualTo(Decision.Status.HALTED);
      assertThat(registry.get(HALTS).tag(HALT_KIND, "safety_agent_failed").tag(AGENT, "maintenance").counter().count())
          .isEqualTo(1);
      assertThat(registry.get(RUN_DURATION).tag(STATUS, "halted").timer().count()).isEqualTo(1);
      assertThat(registry.get(PHASE_DURATION).tag(PHASE, "phase1_initial").tag(STATUS, "failed").timer().count())
          .isEqualTo(1);
      assertThat(registry.find(PHASE_DURATION).tag(PHASE, "phase2_revision").timers()).isEmpty();
    }
  }

  @Test
  void builder_tagsEveryMeter_andNamesTheProvider() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SkyMarshalMetrics metrics = SkyMarshalMetrics.builder(registry).providerName("anthropic")
        .tags(List.of(Tag.of("service", "ops"))).build();
    try (Orchestrator o = Runs.orchestrator(Runs.model(null, null)).listener(metrics).build()) {
      o.run(AirlineSamples.ey123Disruption());
    }
    assertThat(registry.getMeters()).isNotEmpty()
        .allSatisfy(m -> assertThat(m.getId().getTag("service")).isEqualTo("ops"));
    assertThat(registry.find(OPERATION_DURATION).meters())
        .allSatisfy(m -> assertThat(m.getId().getTag(PROVIDER_NAME)).isEqualTo("anthropic"));
    assertThat(registry.get(RUN_DURATION).tag(STATUS, "decided").timer().count()).isEqualTo(1);
  }

  @Test
  void builder_rejectsASettingGivenTwice_namingIt() {
    SkyMarshalMetrics.Builder b = SkyMarshalMetrics.builder(new SimpleMeterRegistry()).providerName("a");
    assertThatThrownBy(() -> b.providerName("b")).hasMessage("providerName was already set on this builder");
    assertThatThrownBy(() -> b.providerName(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void phaseStatus_isCancelledInACancelledRun_andDegradedForABusinessSkip() {
    AgentCall skipped = new AgentCall("finance", io.skymarshal.core.Tier.BUSINESS, Phase.REVISION,
        io.skymarshal.core.CallStatus.SKIPPED, 0, 0, 0, "m", TokenUsage.ZERO, 0, false, "no Phase-1 recommendation");
    assertThat(SkyMarshalMetrics.phaseStatus(List.of(skipped), false)).isEqualTo("degraded");
    assertThat(SkyMarshalMetrics.phaseStatus(List.of(skipped), true)).isEqualTo("cancelled");
    assertThat(SkyMarshalMetrics.phaseStatus(List.of(), false)).isEqualTo("succeeded");
  }

  private static Set<String> keys(Meter m) {
    return m.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toSet());
  }
}
