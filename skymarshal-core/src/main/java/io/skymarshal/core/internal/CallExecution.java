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
import io.skymarshal.model.ModelClient;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One agent's (or the arbitrator's) work in one phase: a Failsafe {@link Timeout} around the whole
 * work, a {@link RetryPolicy} around each model attempt, one re-ask after a malformed reply (with a
 * raised output limit when the reply was cut at it), and the counts the report needs (attempts,
 * model calls, tokens).
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
  private final ModelClient client;
  private final Executor executor;
  private final RunContext run;
  private final CancelScope scope = new CancelScope();

  private int attempts;
  private int modelCalls;
  private TokenUsage usage = TokenUsage.ZERO;
  private boolean cacheRead;
  private volatile CompletableFuture<?> outer;
  private volatile boolean cancelRequested;

  CallExecution(String agent, Tier tier, Phase phase, ModelProfile profile, CallPolicies policies, ModelClient client,
      Executor executor, RunContext run) {
    this.agent = agent;
    this.tier = tier;
    this.phase = phase;
    this.profile = profile;
    this.policies = policies;
    this.policy = policies.policy();
    this.client = client;
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
    CompletableFuture<T> outer = Failsafe.with(policies.timeout()).with(scheduler).getStageAsync(() ->
        scope.track(prepare.get()).thenCompose(input ->
            Failsafe.with(policies.retry()).with(scheduler).getStageAsync(() -> attemptOnce(attempt, input))));
    this.outer = outer;
    // Failsafe runs completion callbacks while holding the future's lock, so cancelling other
    // futures from inside one can deadlock against a thread doing the reverse. Cancellation
    // therefore always happens on the executor, and the result completes only after the
    // in-flight model calls were cancelled, so an outcome never outlives its calls.
    CompletableFuture<T> result = new CompletableFuture<>();
    outer.whenComplete((r, e) -> {
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
        return callModel(reask).thenApplyAsync(r2 -> new Parsed<>(parse(parser, r2), reask, r2), executor);
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
    return callModel(bigger).thenApplyAsync(r2 -> {
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

  /** One model call, counted, its usage recorded, cancellable with this execution; none once cancelled. */
  CompletableFuture<ModelReply> callModel(ModelRequest request) {
    if (cancelRequested()) {
      return CompletableFuture.failedFuture(new CancellationException("cancelled before calling the model"));
    }
    synchronized (this) {
      modelCalls++;
    }
    CompletableFuture<ModelReply> f;
    try {
      f = client.call(request);
      if (f == null) {
        f = CompletableFuture.failedFuture(new SkyMarshalException("model client returned null for " + agent, false));
      }
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    scope.track(f);
    return f.thenApply(reply -> {
      if (reply.usage().exceedsCallLimit()) {
        // a backend that reports this is broken: its figures are not added to the report's totals
        TokenUsage u = reply.usage();
        throw new ModelException(ModelException.Kind.OTHER, profile.modelId(), "model " + profile.modelId()
            + " reported implausible usage (" + u.inputTokens() + " in, " + u.outputTokens() + " out, "
            + u.cacheReadTokens() + " cache read, " + u.cacheWriteTokens() + " cache write tokens; at most "
            + TokenUsage.MAX_PER_CALL + " of each per reply)");
      }
      synchronized (this) {
        usage = usage.plus(reply.usage());
        cacheRead |= reply.readFromCache();
        if (reply.modelId() != null && !reply.modelId().equals(profile.modelId())) {
          answeredBy = reply.modelId();
        }
      }
      return reply;
    });
  }

  /** The report entry for this execution, ending with {@code error} (null on success). */
  /** The model that answered, when it is not the routed one (an offline or simulated model); else null. */
  private String answeredBy;

  synchronized AgentCall toCall(Throwable error, long durationNanos) {
    Throwable cause = unwrap(error);
    CallStatus status = statusOf(cause);
    String message = cause == null ? null : describe(cause);
    return new AgentCall(agent, tier, phase, status, attempts, modelCalls, durationNanos,
        answeredBy != null ? answeredBy : profile.modelId(), usage, profile.costUsd(usage), cacheRead, message,
        answeredBy != null ? profile.modelId() : null);
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
