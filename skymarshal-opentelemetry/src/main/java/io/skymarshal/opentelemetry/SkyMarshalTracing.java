package io.skymarshal.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.CallStatus;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.ModelCall;
import io.skymarshal.core.Phase;
import io.skymarshal.core.PhaseTiming;
import io.skymarshal.core.RunListener;
import io.skymarshal.core.RunReport;
import io.skymarshal.core.Tier;
import io.skymarshal.core.spi.BuilderSettings;
import io.skymarshal.core.spi.ContextPropagator;
import io.skymarshal.model.TokenUsage;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * OpenTelemetry spans of SkyMarshal runs, through {@code opentelemetry-api} only (the application
 * brings the SDK and its exporters). One span per run, per phase, per agent's work in a phase
 * ({@code invoke_agent}, GenAI conventions) and per model call ({@code chat}, with the GenAI
 * attributes: model, provider, tokens, {@code error.type}):
 *
 * <pre>
 * skymarshal.run                       parent: the caller's current span
 * └─ phase1_initial                    (phase2_revision, phase3_arbitration)
 *    └─ invoke_agent crew_compliance   one per agent
 *       └─ chat {model id}             one per model call: attempt, re-ask, hedge
 * </pre>
 *
 * <p>Add it both as a listener and as a context propagator:
 * <pre>{@code
 * SkyMarshalTracing tracing = SkyMarshalTracing.create(openTelemetry);
 * Orchestrator o = Orchestrator.builder()
 *     ...
 *     .listener(tracing)
 *     .contextPropagator(tracing)
 *     .build();
 * }</pre>
 * As a listener it makes the spans: the run span's parent is the context current on the thread
 * that calls {@code Orchestrator.run} or {@code runAsync}. As a propagator it makes that context,
 * with the run span, current on the engine's threads while they work for the run, so spans the
 * application's own code makes there (in an agent's reads, in a {@code ModelClient}) join the
 * trace. (A Phase-1 model call whose prompt is ready before the engine chains onto it starts on
 * the caller's thread itself, where the caller's own context is current: the same trace.) The logging MDC (e.g. trace and span ids an OpenTelemetry log appender put there) is
 * carried by the engine itself.
 *
 * <p>Model-call spans are made when the call ends, with its measured start and end; time waiting
 * for a quota permit is the attribute {@code skymarshal.queued_ns}. Attributes name disruption ids,
 * flights, agents, models and statuses, never passengers, prompts or replies.
 *
 * <p>Runs are told apart by their {@link Disruption} instance: two runs of the same instance at
 * the same time share their spans' bookkeeping (run distinct instances, as a service does). A run
 * whose future fails with an engine fault (neither {@code onRunCompleted} nor
 * {@code onRunCancelled} is heard) leaves its spans unended and held.
 * Defaults: provider name {@value #DEFAULT_PROVIDER}, instrumentation scope
 * {@value #INSTRUMENTATION_NAME}. Thread-safe; one instance may serve several orchestrators.
 */
public final class SkyMarshalTracing implements RunListener, ContextPropagator {

  /** The instrumentation scope name of the tracer. */
  public static final String INSTRUMENTATION_NAME = "io.skymarshal";
  /** The default {@code gen_ai.provider.name}. */
  public static final String DEFAULT_PROVIDER = "aws.bedrock";
  /** The run span's name. */
  public static final String RUN_SPAN = "skymarshal.run";

  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<Long> CACHE_READ_TOKENS = AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
  static final AttributeKey<Long> CACHE_WRITE_TOKENS = AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> DISRUPTION_ID = AttributeKey.stringKey("skymarshal.disruption.id");
  static final AttributeKey<String> DISRUPTION_TYPE = AttributeKey.stringKey("skymarshal.disruption.type");
  static final AttributeKey<String> FLIGHT = AttributeKey.stringKey("skymarshal.flight");
  static final AttributeKey<String> PHASE = AttributeKey.stringKey("skymarshal.phase");
  static final AttributeKey<String> TIER = AttributeKey.stringKey("skymarshal.tier");
  static final AttributeKey<String> STATUS = AttributeKey.stringKey("skymarshal.status");
  static final AttributeKey<String> ACTION = AttributeKey.stringKey("skymarshal.action");
  static final AttributeKey<String> ROLE = AttributeKey.stringKey("skymarshal.role");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("skymarshal.attempt");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("skymarshal.attempts");
  static final AttributeKey<Long> MODEL_CALLS = AttributeKey.longKey("skymarshal.model_calls");
  static final AttributeKey<Long> QUEUED_NS = AttributeKey.longKey("skymarshal.queued_ns");
  static final AttributeKey<Double> COST_USD = AttributeKey.doubleKey("skymarshal.cost_usd");
  static final AttributeKey<Boolean> WILL_RETRY = AttributeKey.booleanKey("skymarshal.will_retry");

  private final Tracer tracer;
  private final String provider;
  private final Map<RunKey, RunSpans> runs = new ConcurrentHashMap<>();

  private SkyMarshalTracing(Builder b) {
    this.tracer = b.openTelemetry.getTracer(INSTRUMENTATION_NAME);
    this.provider = b.provider;
  }

  /** Tracing through {@code openTelemetry}'s tracer provider, with the defaults. */
  public static SkyMarshalTracing create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /** A builder of tracing through {@code openTelemetry}'s tracer provider. */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  /** The spans of one run: the run's, the open phases' and agents'. */
  private static final class RunSpans {
    final Span run;
    final Context context;
    final Map<Phase, Span> phases = new ConcurrentHashMap<>();
    final Map<String, Span> agents = new ConcurrentHashMap<>();

    RunSpans(Span run, Context context) {
      this.run = run;
      this.context = context;
    }

    Span parentOfAgent(Phase phase) {
      Span p = phases.get(phase);
      return p != null ? p : run;
    }
  }

  /** A run's key: its {@link Disruption} instance. */
  private static final class RunKey {
    private final Disruption disruption;

    RunKey(Disruption disruption) {
      this.disruption = disruption;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RunKey k && k.disruption == disruption;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(disruption);
    }
  }

  private static String agentKey(String agent, Phase phase) {
    return agent + '/' + phase.name();
  }

  @Override
  public void onRunStarted(Disruption disruption) {
    Context parent = Context.current();
    Span run = tracer.spanBuilder(RUN_SPAN).setParent(parent).setSpanKind(SpanKind.INTERNAL)
        .setAttribute(DISRUPTION_ID, disruption.id())
        .setAttribute(DISRUPTION_TYPE, disruption.type())
        .setAttribute(FLIGHT, disruption.flight().flightNumber())
        .startSpan();
    runs.put(new RunKey(disruption), new RunSpans(run, parent.with(run)));
  }

  /**
   * The context of {@code disruption}'s run (the caller's, with the run span), made current around
   * each of the run's tasks; the caller's current context when this tracer did not see the run start.
   */
  @Override
  public UnaryOperator<Runnable> capture(Disruption disruption) {
    RunSpans r = runs.get(new RunKey(disruption));
    Context context = r != null ? r.context : Context.current();
    return context::wrap;
  }

  @Override
  public void onPhaseStarted(Disruption disruption, Phase phase) {
    RunSpans r = runs.get(new RunKey(disruption));
    if (r == null) {
      return;
    }
    Span span = tracer.spanBuilder(phase.reportName()).setParent(Context.root().with(r.run))
        .setAttribute(PHASE, phase.reportName()).startSpan();
    r.phases.put(phase, span);
  }

  @Override
  public void onAgentStarted(Disruption disruption, String agent, Tier tier, Phase phase) {
    RunSpans r = runs.get(new RunKey(disruption));
    if (r == null) {
      return;
    }
    r.agents.put(agentKey(agent, phase), agentSpan(r, agent, tier, phase).startSpan());
  }

  private io.opentelemetry.api.trace.SpanBuilder agentSpan(RunSpans r, String agent, Tier tier, Phase phase) {
    return tracer.spanBuilder("invoke_agent " + agent).setParent(Context.root().with(r.parentOfAgent(phase)))
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(OPERATION_NAME, "invoke_agent").setAttribute(AGENT_NAME, agent)
        .setAttribute(TIER, lower(tier)).setAttribute(PHASE, phase.reportName());
  }

  @Override
  public void onAttemptFailed(Disruption disruption, String agent, Phase phase, int attempt, Throwable error,
      boolean willRetry) {
    RunSpans r = runs.get(new RunKey(disruption));
    Span span = r == null ? null : r.agents.get(agentKey(agent, phase));
    if (span != null) {
      span.addEvent("attempt_failed", Attributes.of(ATTEMPT, (long) attempt, ERROR_TYPE, ModelCall.errorTypeOf(error),
          WILL_RETRY, willRetry));
    }
  }

  @Override
  public void onModelCall(Disruption disruption, ModelCall call) {
    RunSpans r = runs.get(new RunKey(disruption));
    if (r == null) {
      return;
    }
    Span agent = r.agents.get(agentKey(call.agent(), call.phase()));
    long end = epochNanos();
    Span span = tracer.spanBuilder("chat " + call.modelId())
        .setParent(Context.root().with(agent != null ? agent : r.parentOfAgent(call.phase())))
        .setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(end - call.latencyNanos(), TimeUnit.NANOSECONDS)
        .setAttribute(OPERATION_NAME, "chat").setAttribute(PROVIDER_NAME, provider)
        .setAttribute(REQUEST_MODEL, call.modelId()).setAttribute(AGENT_NAME, call.agent())
        .setAttribute(PHASE, call.phase().reportName()).setAttribute(ATTEMPT, (long) call.attempt())
        .setAttribute(ROLE, lower(call.role())).setAttribute(QUEUED_NS, call.queuedNanos())
        .startSpan();
    if (call.outcome() == ModelCall.Outcome.SUCCEEDED) {
      usage(span, call.usage());
      span.setAttribute(COST_USD, call.costUsd());
    } else {
      span.setAttribute(ERROR_TYPE, call.errorType());
      if (call.outcome() == ModelCall.Outcome.FAILED) {
        span.setStatus(StatusCode.ERROR, call.errorType());
      }
    }
    span.end(end, TimeUnit.NANOSECONDS);
  }

  @Override
  public void onAgentCompleted(Disruption disruption, AgentCall call) {
    RunSpans r = runs.get(new RunKey(disruption));
    if (r == null) {
      return;
    }
    Span span = r.agents.remove(agentKey(call.agent(), call.phase()));
    if (span == null) { // skipped: it never started
      span = agentSpan(r, call.agent(), call.tier(), call.phase()).startSpan();
    }
    span.setAttribute(STATUS, lower(call.status()));
    span.setAttribute(ATTEMPTS, (long) call.attempts());
    span.setAttribute(MODEL_CALLS, (long) call.modelCalls());
    if (call.modelId() != null) {
      span.setAttribute(REQUEST_MODEL, call.costEstimated() ? call.pricedAs() : call.modelId());
      span.setAttribute(RESPONSE_MODEL, call.modelId());
    }
    usage(span, call.usage());
    span.setAttribute(COST_USD, call.costUsd());
    if (call.status() == CallStatus.FAILED || call.status() == CallStatus.TIMED_OUT) {
      String type = call.errorType();
      span.setAttribute(ERROR_TYPE, type);
      span.setStatus(StatusCode.ERROR, type);
    }
    span.end();
  }

  @Override
  public void onPhaseCompleted(Disruption disruption, PhaseTiming timing) {
    RunSpans r = runs.get(new RunKey(disruption));
    Span span = r == null ? null : r.phases.remove(timing.phase());
    if (span != null) {
      span.end();
    }
  }

  @Override
  public void onRunCompleted(Disruption disruption, Decision decision) {
    RunSpans r = runs.remove(new RunKey(disruption));
    if (r == null) {
      return;
    }
    Span run = r.run;
    run.setAttribute(STATUS, lower(decision.status()));
    run.setAttribute(ACTION, decision.action());
    report(run, decision.report());
    if (decision.haltReason() != null) {
      run.setAttribute(AttributeKey.stringKey("skymarshal.halt.kind"), lower(decision.haltReason().kind()));
    }
    if (decision.status() == Decision.Status.HALTED) {
      run.setStatus(StatusCode.ERROR, "halted: " + lower(decision.haltReason().kind()));
    }
    endOpen(r);
    run.end();
  }

  @Override
  public void onRunCancelled(Disruption disruption, RunReport report) {
    RunSpans r = runs.remove(new RunKey(disruption));
    if (r == null) {
      return;
    }
    r.run.setAttribute(STATUS, "cancelled");
    report(r.run, report);
    endOpen(r);
    r.run.end();
  }

  /** Ends spans a run left open (a phase cut short); they are marked cancelled. */
  private static void endOpen(RunSpans r) {
    r.agents.values().forEach(s -> {
      s.setAttribute(STATUS, "cancelled");
      s.end();
    });
    r.agents.clear();
    r.phases.values().forEach(Span::end);
    r.phases.clear();
  }

  private static void report(Span run, RunReport report) {
    usage(run, report.totalUsage());
    run.setAttribute(COST_USD, report.totalCostUsd());
  }

  private static void usage(Span span, TokenUsage u) {
    span.setAttribute(INPUT_TOKENS, u.totalInputTokens());
    span.setAttribute(OUTPUT_TOKENS, u.outputTokens());
    span.setAttribute(CACHE_READ_TOKENS, u.cacheReadTokens());
    span.setAttribute(CACHE_WRITE_TOKENS, u.cacheWriteTokens());
  }

  private static long epochNanos() {
    Instant now = Instant.now();
    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Builds {@link SkyMarshalTracing}. Each setting may be given once; a second time fails naming
   * it. Not thread-safe.
   */
  public static final class Builder {
    private final BuilderSettings settings = new BuilderSettings();
    private final OpenTelemetry openTelemetry;
    private String provider = DEFAULT_PROVIDER;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /** The {@code gen_ai.provider.name} of model-call spans (default {@value #DEFAULT_PROVIDER}). */
    public Builder providerName(String providerName) {
      Objects.requireNonNull(providerName, "providerName");
      if (providerName.isBlank()) {
        throw new IllegalArgumentException("providerName must not be blank");
      }
      settings.once("providerName");
      this.provider = providerName;
      return this;
    }

    /** The tracing listener and propagator. */
    public SkyMarshalTracing build() {
      return new SkyMarshalTracing(this);
    }
  }
}
