package io.skymarshal.testkit.model;

import io.skymarshal.core.Phase;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.TokenUsage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An in-process {@link ModelClient} for tests, scripted like OkHttp's MockWebServer: enqueue
 * what each agent answers, run the code under test, then read what was sent with
 * {@link #takeRequest()}.
 *
 * <p>Scripts are per agent, optionally per phase (a phase-specific script wins). Each call takes
 * the next step of its script: a reply, a failure, a delay, or a reply that never comes. When a
 * script is empty the {@link #otherwise} function answers; by default an unscripted call fails
 * with a permanent {@link ModelException} naming the agent and phase, so a missing script shows
 * up as an error and never as a silent default. Thread-safe.
 *
 * <pre>{@code
 * ScriptedModel model = new ScriptedModel()
 *     .enqueue("maintenance", Step.fail(ModelException.Kind.THROTTLED))
 *     .enqueue("maintenance", Step.reply("{\"action\":\"AOG\", ...}"))
 *     .otherwise(request -> Step.reply("..."));
 * }</pre>
 */
public final class ScriptedModel implements ModelClient {

  /** One scripted answer. Immutable. */
  public static final class Step {
    private final String text;
    private final ModelException.Kind failure;
    private final Duration delay;
    private final boolean never;
    private final TokenUsage usage;

    private Step(String text, ModelException.Kind failure, Duration delay, boolean never, TokenUsage usage) {
      this.text = text;
      this.failure = failure;
      this.delay = delay;
      this.never = never;
      this.usage = usage;
    }

    /** Answers {@code text} with 100 input and 20 output tokens. */
    public static Step reply(String text) {
      return new Step(Objects.requireNonNull(text, "text"), null, Duration.ZERO, false, TokenUsage.of(100, 20));
    }

    /** Fails with a {@link ModelException} of {@code kind} (transient kinds are retried by the engine). */
    public static Step fail(ModelException.Kind kind) {
      return new Step(null, Objects.requireNonNull(kind, "kind"), Duration.ZERO, false, TokenUsage.ZERO);
    }

    /** Never answers: the engine's timeout must cut it. */
    public static Step never() {
      return new Step(null, null, Duration.ZERO, true, TokenUsage.ZERO);
    }

    /** The same step, completed {@code delay} later (on a JDK timer thread). */
    public Step after(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative but was " + delay);
      }
      return new Step(text, failure, delay, never, usage);
    }

    /** The same step reporting {@code usage}. */
    public Step withUsage(TokenUsage usage) {
      return new Step(text, failure, delay, never, Objects.requireNonNull(usage, "usage"));
    }
  }

  /** The model id of every reply and error. */
  public static final String MODEL_ID = "scripted-model";

  private final Map<String, Deque<Step>> scripts = new HashMap<>();
  private final BlockingQueue<ModelRequest> requests = new LinkedBlockingQueue<>();
  private volatile Function<ModelRequest, Step> otherwise = r -> {
    throw new ModelException(ModelException.Kind.VALIDATION, MODEL_ID,
        "no scripted step for agent " + r.agent() + " in " + r.phase().reportName() + " (" + MODEL_ID + ")");
  };

  /** Appends {@code step} to {@code agent}'s script for every phase. */
  public ScriptedModel enqueue(String agent, Step step) {
    return append(key(agent, null), step);
  }

  /** Appends {@code step} to {@code agent}'s script for one phase; it is used before the all-phase script. */
  public ScriptedModel enqueue(String agent, Phase phase, Step step) {
    return append(key(agent, Objects.requireNonNull(phase, "phase")), step);
  }

  /** What answers when a script is empty (default: a permanent error naming the agent and phase). */
  public ScriptedModel otherwise(Function<ModelRequest, Step> fallback) {
    this.otherwise = Objects.requireNonNull(fallback, "fallback");
    return this;
  }

  @Override
  public CompletableFuture<ModelReply> call(ModelRequest request) {
    requests.add(request);
    Step step;
    try {
      step = next(request);
    } catch (ModelException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (step.never) {
      return new CompletableFuture<>();
    }
    CompletableFuture<ModelReply> f = new CompletableFuture<>();
    Runnable complete = () -> {
      if (step.failure != null) {
        f.completeExceptionally(new ModelException(step.failure, MODEL_ID,
            "scripted " + step.failure + " from " + MODEL_ID + " for " + request.agent() + " in "
                + request.phase().reportName()));
      } else {
        f.complete(new ModelReply(step.text, step.usage, MODEL_ID, "end_turn"));
      }
    };
    if (step.delay.isZero()) {
      complete.run();
    } else {
      CompletableFuture.delayedExecutor(step.delay.toNanos(), TimeUnit.NANOSECONDS).execute(complete);
    }
    return f;
  }

  /** The oldest request not yet taken, waiting up to 5 seconds; null if none came. */
  public ModelRequest takeRequest() throws InterruptedException {
    return requests.poll(5, TimeUnit.SECONDS);
  }

  /** How many requests arrived and were not yet taken. */
  public int pendingRequests() {
    return requests.size();
  }

  private synchronized ScriptedModel append(String key, Step step) {
    scripts.computeIfAbsent(key, k -> new ArrayDeque<>()).add(Objects.requireNonNull(step, "step"));
    return this;
  }

  private Step next(ModelRequest r) {
    Step step;
    synchronized (this) {
      step = poll(key(r.agent(), r.phase()));
      if (step == null) {
        step = poll(key(r.agent(), null));
      }
    }
    return step != null ? step : Objects.requireNonNull(otherwise.apply(r), "otherwise returned null");
  }

  private Step poll(String key) {
    Deque<Step> q = scripts.get(key);
    return q == null ? null : q.poll();
  }

  private static String key(String agent, Phase phase) {
    return Objects.requireNonNull(agent, "agent") + "/" + (phase == null ? "*" : phase.name());
  }
}
