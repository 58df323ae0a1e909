package io.skymarshal.core.internal;

import io.skymarshal.core.spi.InlineScheduler;
import dev.failsafe.Failsafe;
import dev.failsafe.TimeoutExceededException;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.AgentPolicy;
import io.skymarshal.core.CallStatus;
import io.skymarshal.core.Phase;
import io.skymarshal.core.ReplyFormatException;
import io.skymarshal.core.ReplyTruncatedException;
import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.core.Hedging;
import io.skymarshal.core.ModelCall;
import io.skymarshal.model.ModelLimits;
import io.skymarshal.model.ModelQuota;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.TokenUsage;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One agent's (or the arbitrator's) work in one phase: a timeout around the whole work
 * ({@link AgentTimeouts}), a Failsafe {@code RetryPolicy} around each model attempt, one re-ask
 * after a malformed reply (with a raised output limit when the reply was cut at it), and the
 * counts the report needs (attempts, model calls, tokens).
 */
final class CallExecution {

  /** A parsed reply and the conversation that produced it, so a follow-up can continue it. */
  record Parsed<T>(T value, ModelRequest request, ModelReply reply) {}

  private final String agent;
  private final Tier tier;
  private final Phase phase;
  private final ModelProfile profile;
  private final AgentPolicy policy;
  private final CallPolicies policies;
  private final ModelGateway gateway;
  private final Executor executor;
  private final RunContext run;
  private final CancelScope scope = new CancelScope();

  private int attempts;
  private int modelCalls;
  private TokenUsage usage = TokenUsage.ZERO;
  private long queuedNanos;
  private boolean cacheRead;
  private volatile CompletableFuture<?> outer;
  private volatile boolean cancelRequested;

  CallExecution(String agent, Tier tier, Phase phase, ModelProfile profile, CallPolicies policies, ModelGateway gateway,
      Executor executor, RunContext run) {
    this.agent = agent;
    this.tier = tier;
    this.phase = phase;
    this.profile = profile;
    this.policies = policies;
    this.policy = policies.policy();
    this.gateway = gateway;
    this.executor = executor;
    this.run = run;
  }

  /**
   * Runs {@code prepare} (data reads, prompt) once, then {@code attempt} under the retry policy,
   * all within the timeout. The returned future is cancelled, or fails with
   * {@link TimeoutExceededException}, as a whole: in-flight model calls are cancelled with it.
   */
  <I, T> CompletableFuture<T> execute(Supplier<CompletableFuture<I>> prepare, Function<I, CompletableFuture<T>> attempt) {
    // A Scheduler, not .with(executor): Failsafe 3.3.2 completes getStageAsync with null when given
    // a plain Executor. Blocking work hops to our executor inside prepare and parse.
    InlineScheduler scheduler = InlineScheduler.handingOffTo(executor);
    CompletableFuture<T> outer = new CompletableFuture<>();
    this.outer = outer;
    // The timeout is ours, not a Failsafe Timeout around the work: the same cut (the whole work,
    // reads and every attempt and backoff, failing with TimeoutExceededException), without
    // Failsafe's per-call cost (see AgentTimeouts and docs/benchmarks.md).
    java.util.concurrent.ScheduledFuture<?> timer = AgentTimeouts.schedule(
        () -> outer.completeExceptionally(new TimeoutExceededException(policies.timeout())),
        policy.timeout().toNanos());
    CompletableFuture<I> prepared;
    try {
      prepared = scope.track(prepare.get());
    } catch (RuntimeException e) {
      prepared = CompletableFuture.failedFuture(e);
    }
    prepared.thenCompose(input -> scope.track(
            Failsafe.with(policies.retry()).with(scheduler).getStageAsync(() -> attemptOnce(attempt, input))))
        .whenComplete((r, e) -> {
          if (e == null) {
            outer.complete(r);
          } else {
            outer.completeExceptionally(unwrap(e));
          }
        });
    // A timed-out or cancelled execution stops its work: the in-flight model calls, pending
    // retries and queued reads are cancelled (scope). Failsafe runs completion callbacks while
    // holding the future's lock, so cancelling other futures from inside one can deadlock against
    // a thread doing the reverse: cancellation therefore always happens on the executor, and the
    // result completes only after the in-flight model calls were cancelled, so an outcome never
    // outlives its calls.
    CompletableFuture<T> result = new CompletableFuture<>();
    outer.whenComplete((r, e) -> {
      timer.cancel(false);
      if (e == null) {
        result.complete(r);
      } else {
        executor.execute(() -> {
          scope.cancel();
          result.completeExceptionally(e);
        });
      }
    });
    return result;
  }

  private <I, T> CompletableFuture<T> attemptOnce(Function<I, CompletableFuture<T>> attempt, I input) {
    int n;
    synchronized (this) {
      n = ++attempts;
    }
    CompletableFuture<T> f = attempt.apply(input);
    f.whenComplete((r, e) -> {
      if (e != null) {
        Throwable cause = unwrap(e);
        boolean willRetry = isRetryable(cause) && n < policy.maxAttempts();
        run.attemptFailed(agent, phase, n, cause, willRetry);
      }
    });
    return f;
  }

  /**
   * Cancels this execution: pending retries stop and in-flight model calls are cancelled
   * (asynchronously, on the executor); no model call starts from now on.
   */
  void cancel() {
    cancelRequested = true;
    CompletableFuture<?> o = outer;
    if (o != null) {
      executor.execute(() -> o.cancel(true));
    }
  }

  /**
   * Whether this execution or its run was cancelled: work not yet started must not start. The
   * cancellation itself runs on the executor, possibly behind other work, so this is checked
   * before each read and each model call.
   */
  boolean cancelRequested() {
    return cancelRequested || run.cancelled();
  }

  /**
   * Calls the model with {@code request} and parses the reply; a reply that does not parse is
   * re-asked once, and a second bad reply fails with {@link ReplyFormatException}. The re-ask
   * depends on why: a reply cut at the output limit ({@link ModelReply#hitMaxTokens()}) is asked
   * again unchanged with the limit raised ({@link #raisedLimit}), or fails at once with
   * {@link ReplyTruncatedException} if it cannot be raised; any other bad reply is re-asked with
   * the parse error.
   */
  <T> CompletableFuture<Parsed<T>> callAndParse(ModelRequest request, Function<ModelReply, T> parser) {
    return callModel(request).thenComposeAsync(reply -> {
      try {
        return CompletableFuture.completedFuture(new Parsed<>(parse(parser, reply), request, reply));
      } catch (ReplyFormatException e) {
        if (reply.hitMaxTokens()) {
          return reaskCut(request, reply, parser);
        }
        ModelRequest reask = request.withMoreMessages(
            List.of(Message.assistant(reply.text()), Message.user(Reasks.afterFormatError(e))));
        return callModel(reask, ModelCall.Role.REASK)
            .thenApplyAsync(r2 -> new Parsed<>(parse(parser, r2), reask, r2), executor);
      }
    }, executor);
  }

  /**
   * A cut reply, asked again: the same conversation (the cut text is not worth showing the model),
   * with the limit raised. Cut again, it fails saying to raise the limit.
   */
  private <T> CompletableFuture<Parsed<T>> reaskCut(ModelRequest request, ModelReply cut, Function<ModelReply, T> parser) {
    ModelProfile p = request.profile();
    int raised = raisedLimit(p);
    if (raised <= p.maxTokens()) {
      return CompletableFuture.failedFuture(
          new ReplyTruncatedException(agent, cut.modelId(), p.maxTokens(), p.maxOutputTokens(), 0, cut.text()));
    }
    ModelRequest bigger = request.withMaxTokens(raised);
    return callModel(bigger, ModelCall.Role.REASK).thenApplyAsync(r2 -> {
      try {
        return new Parsed<>(parse(parser, r2), bigger, r2);
      } catch (ReplyFormatException e) {
        if (r2.hitMaxTokens()) {
          throw new ReplyTruncatedException(agent, r2.modelId(), raised, p.maxOutputTokens(), p.maxTokens(), r2.text());
        }
        throw e;
      }
    }, executor);
  }

  /**
   * The output limit to ask a cut reply again with: twice {@code maxTokens}, at most the model's
   * maximum output; {@code maxTokens} itself (no raise) when the maximum is unknown or reached.
   */
  static int raisedLimit(ModelProfile p) {
    if (p.maxOutputTokens() <= p.maxTokens()) {
      return p.maxTokens();
    }
    return (int) Math.min((long) p.maxTokens() * 2, p.maxOutputTokens());
  }

  /** The attempt's own model call; see {@link #callModel(ModelRequest, ModelCall.Role)}. */
  CompletableFuture<ModelReply> callModel(ModelRequest request) {
    return callModel(request, ModelCall.Role.PRIMARY);
  }

  /**
   * One model call, through the model limits and, where the tier hedges, raced against a hedge;
   * counted, its usage recorded, observed ({@code onModelCall}), cancellable with this execution;
   * none once cancelled.
   */
  CompletableFuture<ModelReply> callModel(ModelRequest request, ModelCall.Role role) {
    if (cancelRequested()) {
      return CompletableFuture.failedFuture(new CancellationException("cancelled before calling the model"));
    }
    int attempt;
    synchronized (this) {
      attempt = Math.max(1, attempts);
    }
    Hedging hedging = gateway.hedging(tier);
    if (!hedging.enabled()) {
      return send(request, role, attempt).outcome();
    }
    return hedged(request, role, attempt, hedging);
  }

  /**
   * A request sent: {@code call} is the request itself (cancel it to cancel the request),
   * {@code outcome} its reply once accounted for and observed.
   */
  private record Sent(CompletableFuture<ModelReply> call, CompletableFuture<ModelReply> outcome) {}

  /** Sends {@code request} once: waits for its quota permits, calls the client, accounts for the outcome. */
  private Sent send(ModelRequest request, ModelCall.Role role, int attempt) {
    synchronized (this) {
      modelCalls++;
    }
    String modelId = profile.modelId();
    ModelLimits limits = gateway.limits();
    ModelQuota quota = limits.quotaFor(modelId);
    boolean limited = quota.limits();
    long tokens = limited ? quota.tokensFor(request) : 0;
    long enqueued = run.now();
    AtomicLong sentAt = new AtomicLong(-1);
    CompletableFuture<ModelReply> f = limits.submit(modelId, tokens, executor, () -> {
      sentAt.set(limited ? run.now() : enqueued); // nothing to wait for: no time queued
      if (cancelRequested()) {
        return CompletableFuture.failedFuture(new CancellationException("cancelled before calling the model"));
      }
      try {
        CompletableFuture<ModelReply> c = gateway.client().call(request);
        return c != null ? c
            : CompletableFuture.failedFuture(new SkyMarshalException("model client returned null for " + agent, false));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    });
    scope.track(f);
    return new Sent(f, f.handle((reply, e) -> {
      long now = run.now();
      long sent = sentAt.get();
      long queued = Math.max(0, (sent < 0 ? now : sent) - enqueued);
      long latency = sent < 0 ? 0 : Math.max(0, now - sent);
      if (e == null && reply.usage().exceedsCallLimit()) {
        // a backend that reports this is broken: its figures are not added to the report's totals
        TokenUsage u = reply.usage();
        e = new ModelException(ModelException.Kind.OTHER, modelId, "model " + modelId
            + " reported implausible usage (" + u.inputTokens() + " in, " + u.outputTokens() + " out, "
            + u.cacheReadTokens() + " cache read, " + u.cacheWriteTokens() + " cache write tokens; at most "
            + TokenUsage.MAX_PER_CALL + " of each per reply)");
      }
      if (e == null) {
        synchronized (this) {
          usage = usage.plus(reply.usage());
          queuedNanos += queued;
          cacheRead |= reply.readFromCache();
          if (reply.modelId() != null && !reply.modelId().equals(modelId)) {
            answeredBy = reply.modelId();
          }
        }
        gateway.window(modelId).record(latency);
        run.modelCall(new ModelCall(agent, tier, phase, modelId, attempt, role, queued, latency, reply.usage(),
            profile.costUsd(reply.usage()), ModelCall.Outcome.SUCCEEDED, null));
        return reply;
      }
      Throwable cause = unwrap(e);
      synchronized (this) {
        queuedNanos += queued;
      }
      boolean cancelled = cause instanceof CancellationException;
      run.modelCall(new ModelCall(agent, tier, phase, modelId, attempt, role, queued, latency, TokenUsage.ZERO, 0,
          cancelled ? ModelCall.Outcome.CANCELLED : ModelCall.Outcome.FAILED, ModelCall.errorTypeOf(cause)));
      throw cause instanceof CompletionException ce ? ce : new CompletionException(cause);
    }));
  }

  /**
   * {@code request} sent, and sent again after the hedging delay if it has not answered by then;
   * the first reply wins and the other request is cancelled. Fails only when every request sent
   * failed, with the first request's error. The result completes once both requests' outcomes
   * are final and accounted for, so the agent's report counts the tokens of both.
   */
  private CompletableFuture<ModelReply> hedged(ModelRequest request, ModelCall.Role role, int attempt, Hedging hedging) {
    LatencyWindow window = gateway.window(profile.modelId());
    long delay = hedging.delayNanos(window.quantile(0.95), window.samples());
    HedgeRace race = new HedgeRace();
    Sent primary = send(request, role, attempt);
    race.primarySent(primary.call());
    primary.outcome().whenComplete((r, e) -> race.legDone(true, r, e));
    race.timer(InlineScheduler.handingOffTo(executor).schedule(() -> {
      if (race.startHedge()) {
        try {
          Sent hedge = send(request, ModelCall.Role.HEDGE, attempt);
          race.hedgeSent(hedge.call());
          hedge.outcome().whenComplete((r, e) -> race.legDone(false, r, e));
        } catch (RuntimeException e) {
          race.legDone(false, null, e);
        }
      }
      return null;
    }, delay, TimeUnit.NANOSECONDS));
    return race.result;
  }

  /**
   * The state of one hedged request: which of its two requests (legs) ran, how they ended, and
   * the answer once decided. The result is decided by the first reply, or by the last failure
   * when no leg can still answer; it completes when no leg is in flight any more.
   */
  private final class HedgeRace {
    final CompletableFuture<ModelReply> result = new CompletableFuture<>();
    private CompletableFuture<ModelReply> primaryCall;
    private CompletableFuture<ModelReply> hedgeCall;
    private java.util.concurrent.ScheduledFuture<?> timer;
    private int inFlight = 1;
    private boolean hedgeStarted;
    private boolean primaryDone;
    private boolean hedgeDone;
    private boolean decided;
    private ModelReply reply;
    private Throwable error;
    private Throwable primaryError;

    synchronized void primarySent(CompletableFuture<ModelReply> call) {
      primaryCall = call;
    }

    void timer(java.util.concurrent.ScheduledFuture<?> t) {
      boolean cancel;
      synchronized (this) {
        timer = t;
        cancel = decided;
      }
      if (cancel) {
        t.cancel(false);
      }
    }

    /** Whether to send the hedge now: only while nothing is decided and the execution is wanted. */
    synchronized boolean startHedge() {
      if (decided || primaryDone || cancelRequested()) {
        return false;
      }
      hedgeStarted = true;
      inFlight++;
      return true;
    }

    void hedgeSent(CompletableFuture<ModelReply> call) {
      boolean cancel;
      synchronized (this) {
        hedgeCall = call;
        cancel = decided;
      }
      if (cancel) {
        executor.execute(() -> call.cancel(true));
      }
    }

    void legDone(boolean primary, ModelReply r, Throwable e) {
      List<java.util.concurrent.Future<?>> toCancel = new java.util.ArrayList<>();
      boolean complete;
      synchronized (this) {
        inFlight--;
        if (primary) {
          primaryDone = true;
          primaryError = e;
        } else {
          hedgeDone = true;
        }
        if (!decided) {
          if (e == null) {
            decided = true;
            reply = r;
          } else if (!hedgeStarted || (primaryDone && hedgeDone)) {
            decided = true; // no request can still answer
            error = primaryError != null ? primaryError : e;
          }
          if (decided) {
            if (timer != null) {
              toCancel.add(timer);
            }
            CompletableFuture<ModelReply> other = primary ? hedgeCall : primaryCall;
            if (other != null && !other.isDone()) {
              toCancel.add(other);
            }
          }
        }
        complete = decided && inFlight == 0;
      }
      if (toCancel.isEmpty() && !complete) {
        return;
      }
      // on the executor: Failsafe may call back here holding a future's lock (see execute)
      executor.execute(() -> {
        toCancel.forEach(f -> f.cancel(true));
        if (complete) {
          if (error == null) {
            result.complete(reply);
          } else {
            result.completeExceptionally(unwrap(error));
          }
        }
      });
    }
  }

  /** The model that answered, when it is not the routed one (an offline or simulated model); else null. */
  private String answeredBy;

  /** The report entry for this execution, ending with {@code error} (null on success). */
  synchronized AgentCall toCall(Throwable error, long durationNanos) {
    Throwable cause = unwrap(error);
    CallStatus status = statusOf(cause);
    String message = cause == null ? null : describe(cause);
    return new AgentCall(agent, tier, phase, status, attempts, modelCalls, durationNanos,
        answeredBy != null ? answeredBy : profile.modelId(), usage, profile.costUsd(usage), cacheRead, message,
        answeredBy != null ? profile.modelId() : null, queuedNanos);
  }

  static CallStatus statusOf(Throwable cause) {
    if (cause == null) {
      return CallStatus.SUCCEEDED;
    }
    if (cause instanceof TimeoutExceededException) {
      return CallStatus.TIMED_OUT;
    }
    if (cause instanceof CancellationException) {
      return CallStatus.CANCELLED;
    }
    return CallStatus.FAILED;
  }

  private String describe(Throwable cause) {
    if (cause instanceof TimeoutExceededException) {
      return "timed out after " + policy.timeout().toMillis() + " ms (" + attempts + " attempts)";
    }
    if (cause instanceof CancellationException) {
      return run.cancelled() ? "cancelled: the run was cancelled" : "cancelled: the run halted";
    }
    String type = cause.getClass().getSimpleName();
    return type + ": " + cause.getMessage() + " (after " + attempts + (attempts == 1 ? " attempt)" : " attempts)");
  }

  private static <T> T parse(Function<ModelReply, T> parser, ModelReply reply) {
    try {
      return parser.apply(reply);
    } catch (ReplyFormatException e) {
      throw e;
    } catch (SkyMarshalException e) {
      throw e;
    } catch (RuntimeException e) {
      // a value the domain types reject (e.g. a confidence of 1.7) is a malformed reply too
      throw new ReplyFormatException(String.valueOf(e.getMessage()), reply.text(), e);
    }
  }

  static boolean isRetryable(Throwable t) {
    Throwable c = unwrap(t);
    return c instanceof SkyMarshalException s && s.retryable();
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
