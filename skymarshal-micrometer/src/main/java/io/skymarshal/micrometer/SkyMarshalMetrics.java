package io.skymarshal.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.CallStatus;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.MissingAgent;
import io.skymarshal.core.ModelCall;
import io.skymarshal.core.Phase;
import io.skymarshal.core.PhaseTiming;
import io.skymarshal.core.RunListener;
import io.skymarshal.core.RunReport;
import io.skymarshal.core.Tier;
import io.skymarshal.core.spi.BuilderSettings;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.TokenUsage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RunListener} that records SkyMarshal's runs and model calls as Micrometer meters:
 * the OpenTelemetry GenAI client metrics ({@value #OPERATION_DURATION}, {@value #TOKEN_USAGE})
 * for every model call, and the run's own (run, phase and agent durations by status; retries,
 * throttles, halts, agents missing from degraded runs, cost). The meters and their tags are
 * listed in {@code skymarshal-micrometer/README.md}.
 *
 * <pre>{@code
 * Orchestrator o = Orchestrator.builder()
 *     ...
 *     .listener(SkyMarshalMetrics.create(meterRegistry))
 *     .build();
 * }</pre>
 *
 * <p>Every tag has a small, fixed set of values (agent names, phases, model ids, statuses, error
 * kinds): no disruption id, flight or passenger ever becomes a tag. Each meter always carries the
 * same tag keys (a successful model call has {@code error.type=none}), as Prometheus requires.
 *
 * <p>Defaults: provider name {@value #DEFAULT_PROVIDER}, no extra tags. Histograms and
 * percentiles are left to the registry's {@code MeterFilter}s. Thread-safe and stateless: one
 * instance may serve any number of orchestrators and runs at once.
 */
public final class SkyMarshalMetrics implements RunListener {

  /** Timer: every model call, sent to outcome (OpenTelemetry GenAI). */
  public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
  /** Distribution summary: tokens per model call by {@value #TOKEN_TYPE} (OpenTelemetry GenAI). */
  public static final String TOKEN_USAGE = "gen_ai.client.token.usage";
  /** Counter: tokens of every kind, cached input apart. */
  public static final String TOKENS = "skymarshal.model.tokens";
  /** Timer: time each model call waited for a local quota permit. */
  public static final String QUEUED = "skymarshal.model.queued";
  /** Counter: model calls answered with a throttling error (by the service or a local quota). */
  public static final String THROTTLES = "skymarshal.model.throttles";
  /** Counter: failed attempts of an agent call that are retried. */
  public static final String RETRIES = "skymarshal.agent.retries";
  /** Timer: an agent's work in a phase (reads, prompts, every attempt), by status. */
  public static final String AGENT_DURATION = "skymarshal.agent.duration";
  /** Timer: a phase, by status. */
  public static final String PHASE_DURATION = "skymarshal.phase.duration";
  /** Timer: a whole run, by status. */
  public static final String RUN_DURATION = "skymarshal.run.duration";
  /** Counter: runs without a decision (HALTED or REFERRED), by halt kind. */
  public static final String HALTS = "skymarshal.run.halts";
  /** Counter: BUSINESS agents missing from decided runs (each one makes its run DEGRADED). */
  public static final String MISSING_AGENTS = "skymarshal.run.missing.agents";
  /** Counter: cost in US dollars at the routed models' prices. */
  public static final String COST = "skymarshal.cost";

  /** GenAI attribute: the operation, always {@value #OPERATION_CHAT}. */
  public static final String OPERATION_NAME = "gen_ai.operation.name";
  /** GenAI attribute: who serves the model. */
  public static final String PROVIDER_NAME = "gen_ai.provider.name";
  /** GenAI attribute: the model id the request addressed. */
  public static final String REQUEST_MODEL = "gen_ai.request.model";
  /** GenAI attribute: {@code input} or {@code output}. */
  public static final String TOKEN_TYPE = "gen_ai.token.type";
  /** Why a call failed ({@link ModelCall#errorType()}), {@value #NONE} when it did not. */
  public static final String ERROR_TYPE = "error.type";
  /** The agent (or {@code arbitrator}). */
  public static final String AGENT = "skymarshal.agent";
  /** {@code safety}, {@code business} or {@code arbitrator}. */
  public static final String TIER = "skymarshal.tier";
  /** {@link Phase#reportName()}, e.g. {@code phase1_initial}. */
  public static final String PHASE = "skymarshal.phase";
  /** The status of what the meter measures; values in the README's table. */
  public static final String STATUS = "skymarshal.status";
  /** Why a model call was sent: {@code primary}, {@code reask} or {@code hedge}. */
  public static final String ROLE = "skymarshal.role";
  /** How a model call ended: {@code succeeded}, {@code failed} or {@code cancelled}. */
  public static final String OUTCOME = "skymarshal.outcome";
  /** Token kind of {@value #TOKENS}: {@code input} (not cached), {@code output}, {@code cache_read}, {@code cache_write}. */
  public static final String SKYMARSHAL_TOKEN_TYPE = "skymarshal.token.type";
  /** The kind of a halt ({@code HaltReason.Kind} in lower case). */
  public static final String HALT_KIND = "skymarshal.halt.kind";
  /** Whether a cost is an estimate at the routed model's prices for a reply of another model. */
  public static final String ESTIMATED = "skymarshal.cost.estimated";

  /** The value of {@value #OPERATION_NAME}. */
  public static final String OPERATION_CHAT = "chat";
  /** The default {@value #PROVIDER_NAME}: Amazon Bedrock, as the GenAI conventions spell it. */
  public static final String DEFAULT_PROVIDER = "aws.bedrock";
  /** The value of {@value #ERROR_TYPE} (and of agents, where a tag has none) when there is nothing to name. */
  public static final String NONE = "none";

  private final MeterRegistry registry;
  private final String provider;
  private final Tags common;

  private SkyMarshalMetrics(Builder b) {
    this.registry = b.registry;
    this.provider = b.provider;
    this.common = b.tags;
  }

  /** Metrics into {@code registry} with the defaults. */
  public static SkyMarshalMetrics create(MeterRegistry registry) {
    return builder(registry).build();
  }

  /** A builder of metrics into {@code registry}. */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  @Override
  public void onModelCall(Disruption disruption, ModelCall call) {
    Tags model = common.and(OPERATION_NAME, OPERATION_CHAT, PROVIDER_NAME, provider, REQUEST_MODEL, call.modelId());
    Tags who = Tags.of(AGENT, call.agent(), PHASE, call.phase().reportName());
    Timer.builder(OPERATION_DURATION).description("GenAI operation duration")
        .tags(model).tags(who)
        .tag(ERROR_TYPE, call.errorType() == null ? NONE : call.errorType())
        .tag(ROLE, lower(call.role())).tag(OUTCOME, lower(call.outcome()))
        .register(registry).record(call.latencyNanos(), TimeUnit.NANOSECONDS);
    Timer.builder(QUEUED).description("Time a model call waited for a local quota permit")
        .tags(common).tag(REQUEST_MODEL, call.modelId()).tags(who)
        .register(registry).record(call.queuedNanos(), TimeUnit.NANOSECONDS);
    if (ModelException.Kind.THROTTLED.name().toLowerCase(Locale.ROOT).equals(call.errorType())) {
      Counter.builder(THROTTLES).description("Model calls answered with a throttling error")
          .tags(common).tag(REQUEST_MODEL, call.modelId()).tags(who).register(registry).increment();
    }
    if (call.outcome() == ModelCall.Outcome.SUCCEEDED) {
      TokenUsage u = call.usage();
      tokenUsage(model, who, "input", u.totalInputTokens());
      tokenUsage(model, who, "output", u.outputTokens());
      tokens(call, "input", u.inputTokens());
      tokens(call, "output", u.outputTokens());
      tokens(call, "cache_read", u.cacheReadTokens());
      tokens(call, "cache_write", u.cacheWriteTokens());
    }
  }

  private void tokenUsage(Tags model, Tags who, String type, long count) {
    DistributionSummary.builder(TOKEN_USAGE).description("Measures number of input and output tokens used")
        .baseUnit("tokens").tags(model).tags(who).tag(TOKEN_TYPE, type).register(registry).record(count);
  }

  private void tokens(ModelCall call, String type, long count) {
    Counter c = Counter.builder(TOKENS).description("Tokens by kind, cached input apart").baseUnit("tokens")
        .tags(common).tag(REQUEST_MODEL, call.modelId()).tag(AGENT, call.agent()).tag(SKYMARSHAL_TOKEN_TYPE, type)
        .register(registry);
    if (count > 0) {
      c.increment(count);
    }
  }

  @Override
  public void onAttemptFailed(Disruption disruption, String agent, Phase phase, int attempt, Throwable error,
      boolean willRetry) {
    if (willRetry) {
      Counter.builder(RETRIES).description("Failed attempts of agent calls that are retried")
          .tags(common).tag(AGENT, agent).tag(PHASE, phase.reportName()).tag(ERROR_TYPE, ModelCall.errorTypeOf(error))
          .register(registry).increment();
    }
  }

  @Override
  public void onAgentCompleted(Disruption disruption, AgentCall call) {
    Timer.builder(AGENT_DURATION).description("An agent's work in a phase: reads, prompts and every attempt")
        .tags(common).tag(AGENT, call.agent()).tag(TIER, lower(call.tier())).tag(PHASE, call.phase().reportName())
        .tag(STATUS, lower(call.status()))
        .register(registry).record(call.durationNanos(), TimeUnit.NANOSECONDS);
    if (call.modelCalls() > 0) {
      Counter.builder(COST).description("Cost at the routed models' prices").baseUnit("usd")
          .tags(common).tag(AGENT, call.agent()).tag(TIER, lower(call.tier()))
          .tag(REQUEST_MODEL, call.costEstimated() ? call.pricedAs() : call.modelId() == null ? NONE : call.modelId())
          .tag(ESTIMATED, Boolean.toString(call.costEstimated()))
          .register(registry).increment(call.costUsd());
    }
  }

  @Override
  public void onRunCompleted(Disruption disruption, Decision decision) {
    RunReport report = decision.report();
    runEnded(report, lower(decision.status()), false);
    if (decision.haltReason() != null) {
      Counter.builder(HALTS).description("Runs without a decision (HALTED or REFERRED), by halt kind")
          .tags(common).tag(HALT_KIND, lower(decision.haltReason().kind()))
          .tag(AGENT, decision.haltReason().agent() == null ? NONE : decision.haltReason().agent())
          .register(registry).increment();
    }
    if (decision.decided()) {
      for (MissingAgent m : decision.missingAgents()) {
        Counter.builder(MISSING_AGENTS).description("BUSINESS agents missing from decided runs")
            .tags(common).tag(AGENT, m.agent()).tag(STATUS, lower(m.status()))
            .register(registry).increment();
      }
    }
  }

  @Override
  public void onRunCancelled(Disruption disruption, RunReport report) {
    runEnded(report, "cancelled", true);
  }

  /**
   * The run's timer and, from its report, each phase's: a phase's status is known only once every
   * call in it is, so phases are recorded when the run ends.
   */
  private void runEnded(RunReport report, String status, boolean cancelled) {
    Timer.builder(RUN_DURATION).description("A run from start to decision, by status")
        .tags(common).tag(STATUS, status)
        .register(registry).record(report.totalDurationNanos(), TimeUnit.NANOSECONDS);
    for (PhaseTiming p : report.phases()) {
      Timer.builder(PHASE_DURATION).description("A phase from start to its last outcome, by status")
          .tags(common).tag(PHASE, p.phase().reportName()).tag(STATUS, phaseStatus(report.calls(p.phase()), cancelled))
          .register(registry).record(p.durationNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /**
   * {@code succeeded} when every call of the phase did; {@code failed} when a SAFETY agent or the
   * arbitrator did not; {@code degraded} when only BUSINESS agents did not; {@code cancelled} in a
   * cancelled run.
   */
  static String phaseStatus(List<AgentCall> calls, boolean cancelled) {
    if (cancelled) {
      return "cancelled";
    }
    String status = "succeeded";
    for (AgentCall c : calls) {
      if (c.status() == CallStatus.SUCCEEDED) {
        continue;
      }
      if (c.tier() != Tier.BUSINESS && c.status() != CallStatus.SKIPPED && c.status() != CallStatus.CANCELLED) {
        return "failed";
      }
      status = "degraded";
    }
    return status;
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Builds {@link SkyMarshalMetrics}. Each setting may be given once; a second time fails naming
   * it. Not thread-safe.
   */
  public static final class Builder {
    private final BuilderSettings settings = new BuilderSettings();
    private final MeterRegistry registry;
    private String provider = DEFAULT_PROVIDER;
    private Tags tags = Tags.empty();

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * The {@value #PROVIDER_NAME} tag of the GenAI meters (default {@value #DEFAULT_PROVIDER});
     * e.g. {@code anthropic} for a client that calls Anthropic directly.
     */
    public Builder providerName(String providerName) {
      Objects.requireNonNull(providerName, "providerName");
      if (providerName.isBlank()) {
        throw new IllegalArgumentException("providerName must not be blank");
      }
      settings.once("providerName");
      this.provider = providerName;
      return this;
    }

    /** Tags added to every meter (e.g. the service's region); keep their values few. */
    public Builder tags(Iterable<Tag> tags) {
      Objects.requireNonNull(tags, "tags");
      settings.once("tags");
      this.tags = Tags.of(tags);
      return this;
    }

    /** The listener; add it with {@code Orchestrator.builder().listener(...)}. */
    public SkyMarshalMetrics build() {
      return new SkyMarshalMetrics(this);
    }
  }
}
