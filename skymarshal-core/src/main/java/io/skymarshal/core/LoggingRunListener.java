package io.skymarshal.core;

import io.skymarshal.core.spi.BuilderSettings;
import io.skymarshal.model.TokenUsage;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A {@link RunListener} that writes one structured SLF4J line per agent call, per phase and per
 * run: ids, status, attempts, duration, tokens and cost, as SLF4J key-value pairs (JSON encoders
 * make them fields; logback shows them with {@code %kvp} in its pattern; simple backends put them
 * before the message as {@code key=value}). Never prompts, replies, error texts or passenger data:
 * a failure is named by its type ({@code error_type}).
 *
 * <pre>
 * event=agent disruption_id=D-1 phase=phase1_initial agent=crew_compliance tier=safety status=succeeded
 *   attempts=1 model_calls=1 duration_ms=812 queued_ms=0 tokens_in=4231 tokens_out=310 cache_read=0
 *   cache_write=0 cost_usd=0.017343 model=global.anthropic.claude-sonnet-4-5-20250929-v1:0 skymarshal agent
 * </pre>
 *
 * <p>Levels: INFO, and WARN for an agent call that failed or timed out and for a run that ends
 * HALTED or REFERRED. Defaults: logger {@value #DEFAULT_LOGGER}. Thread-safe and stateless.
 */
public final class LoggingRunListener implements RunListener {

  /** The default logger name. */
  public static final String DEFAULT_LOGGER = "io.skymarshal.events";

  private final Logger log;

  private LoggingRunListener(Logger log) {
    this.log = log;
  }

  /** A listener logging to {@value #DEFAULT_LOGGER}. */
  public static LoggingRunListener create() {
    return builder().build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void onAgentCompleted(Disruption disruption, AgentCall call) {
    boolean bad = call.status() == CallStatus.FAILED || call.status() == CallStatus.TIMED_OUT;
    Level level = bad ? Level.WARN : Level.INFO;
    if (!enabled(level)) {
      return;
    }
    LoggingEventBuilder e = log.atLevel(level);
    e.addKeyValue("event", "agent").addKeyValue("disruption_id", disruption.id())
        .addKeyValue("phase", call.phase().reportName()).addKeyValue("agent", call.agent())
        .addKeyValue("tier", lower(call.tier())).addKeyValue("status", lower(call.status()))
        .addKeyValue("attempts", call.attempts()).addKeyValue("model_calls", call.modelCalls())
        .addKeyValue("duration_ms", Math.round(call.durationMs())).addKeyValue("queued_ms", Math.round(call.queuedMs()));
    tokens(e, call.usage());
    e.addKeyValue("cost_usd", usd(call.costUsd()));
    if (call.modelId() != null) {
      e.addKeyValue("model", call.modelId());
    }
    if (call.costEstimated()) {
      e.addKeyValue("priced_as", call.pricedAs());
    }
    if (bad) {
      e.addKeyValue("error_type", call.errorType());
    }
    e.log("skymarshal agent");
  }

  @Override
  public void onPhaseCompleted(Disruption disruption, PhaseTiming timing) {
    if (!enabled(Level.INFO)) {
      return;
    }
    log.atInfo().addKeyValue("event", "phase").addKeyValue("disruption_id", disruption.id())
        .addKeyValue("phase", timing.phase().reportName()).addKeyValue("duration_ms", Math.round(timing.durationMs()))
        .log("skymarshal phase");
  }

  @Override
  public void onRunCompleted(Disruption disruption, Decision decision) {
    boolean stopped = !decision.decided();
    if (!enabled(stopped ? Level.WARN : Level.INFO)) {
      return;
    }
    LoggingEventBuilder e = log.atLevel(stopped ? Level.WARN : Level.INFO);
    e.addKeyValue("event", "run").addKeyValue("disruption_id", disruption.id())
        .addKeyValue("flight", disruption.flight().flightNumber())
        .addKeyValue("status", lower(decision.status())).addKeyValue("action", decision.action())
        .addKeyValue("needs_review", decision.needsReview());
    if (decision.haltReason() != null) {
      e.addKeyValue("halt_kind", lower(decision.haltReason().kind()));
      if (decision.haltReason().agent() != null) {
        e.addKeyValue("halt_agent", decision.haltReason().agent());
      }
    }
    if (!decision.missingAgents().isEmpty()) {
      e.addKeyValue("missing", decision.missingAgents().stream().map(MissingAgent::agent)
          .distinct().collect(Collectors.joining(",")));
    }
    report(e, decision.report());
    e.log("skymarshal run");
  }

  @Override
  public void onRunCancelled(Disruption disruption, RunReport report) {
    if (!enabled(Level.INFO)) {
      return;
    }
    LoggingEventBuilder e = log.atInfo().addKeyValue("event", "run").addKeyValue("disruption_id", disruption.id())
        .addKeyValue("flight", disruption.flight().flightNumber()).addKeyValue("status", "cancelled");
    report(e, report);
    e.log("skymarshal run");
  }

  private static void report(LoggingEventBuilder e, RunReport r) {
    e.addKeyValue("duration_ms", Math.round(r.totalDurationMs())).addKeyValue("agent_calls", r.calls().size())
        .addKeyValue("attempts", r.calls().stream().mapToInt(AgentCall::attempts).sum())
        .addKeyValue("model_calls", r.calls().stream().mapToInt(AgentCall::modelCalls).sum())
        .addKeyValue("queued_ms", Math.round(r.totalQueuedNanos() / 1_000_000.0));
    tokens(e, r.totalUsage());
    e.addKeyValue("cost_usd", usd(r.totalCostUsd())).addKeyValue("cost_estimated", r.costEstimated());
  }

  private static void tokens(LoggingEventBuilder e, TokenUsage u) {
    e.addKeyValue("tokens_in", u.totalInputTokens()).addKeyValue("tokens_out", u.outputTokens())
        .addKeyValue("cache_read", u.cacheReadTokens()).addKeyValue("cache_write", u.cacheWriteTokens());
  }

  private boolean enabled(Level level) {
    return log.isEnabledForLevel(level);
  }

  private static String usd(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** Builds a {@link LoggingRunListener}. Each setting may be given once. Not thread-safe. */
  public static final class Builder {
    private final BuilderSettings settings = new BuilderSettings();
    private Logger logger;

    private Builder() {}

    /** The logger to write to (default {@value #DEFAULT_LOGGER}). */
    public Builder logger(Logger logger) {
      Objects.requireNonNull(logger, "logger");
      settings.once("logger");
      this.logger = logger;
      return this;
    }

    /** The listener. */
    public LoggingRunListener build() {
      return new LoggingRunListener(logger != null ? logger : LoggerFactory.getLogger(DEFAULT_LOGGER));
    }
  }
}
