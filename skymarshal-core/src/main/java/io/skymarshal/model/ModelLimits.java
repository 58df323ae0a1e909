package io.skymarshal.model;

import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.Failsafe;
import dev.failsafe.Policy;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import io.skymarshal.core.spi.InlineScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Per-model limits on model calls, shared by everything in a process that calls the same models:
 * pass one instance to every {@code Orchestrator.Builder.modelLimits} (and use {@link #submit} for
 * calls of your own), so that together they stay under the account's Bedrock quotas instead of
 * each one discovering them by throttling.
 *
 * <p>Each model's {@link ModelQuota} becomes Failsafe policies, built once and shared: a smooth
 * {@link RateLimiter} for requests per minute, a bursty one for tokens per minute, a
 * {@link Bulkhead} for calls in flight. Waiting for a permit holds no thread. A model without a
 * quota of its own gets the {@linkplain Builder#defaultQuota default}, unlimited unless set.
 *
 * <p>Thread-safe. {@link #unlimited()} is what an orchestrator uses when given none.
 */
public final class ModelLimits {
  private static final ModelLimits UNLIMITED = new ModelLimits(Map.of(), ModelQuota.unlimited());

  private final Map<String, ModelQuota> quotas;
  private final ModelQuota defaultQuota;
  private final Map<String, Gate> gates = new ConcurrentHashMap<>();

  private ModelLimits(Map<String, ModelQuota> quotas, ModelQuota defaultQuota) {
    this.quotas = Map.copyOf(quotas);
    this.defaultQuota = defaultQuota;
  }

  /** No limits: calls go out at once. */
  public static ModelLimits unlimited() {
    return UNLIMITED;
  }

  /** A builder: no quotas, default unlimited. */
  public static Builder builder() {
    return new Builder();
  }

  /** The quota of {@code modelId}: its own, else the default. */
  public ModelQuota quotaFor(String modelId) {
    return quotas.getOrDefault(Objects.requireNonNull(modelId, "modelId"), defaultQuota);
  }

  /** Whether any model is limited. */
  public boolean limitsAny() {
    return defaultQuota.limits() || quotas.values().stream().anyMatch(ModelQuota::limits);
  }

  /**
   * Runs {@code call} once {@code modelId} has a request permit, {@code tokens} token permits and a
   * concurrency slot; the slot is held until the call's stage completes. Waiting longer than the
   * quota's {@link ModelQuota#maxQueueWait()} fails the returned future with
   * {@link QuotaExceededException} without calling. Cancelling the returned future while it waits
   * gives up the wait (permits already reserved by a rate limiter are not returned, as Failsafe's
   * rate limiters do not take permits back); cancelling it while the call runs cancels the call's
   * stage where it is a {@link CompletableFuture}.
   *
   * @param executor where {@code call} runs when it had to wait (it runs on the calling thread
   *                 when permits are free)
   */
  public <T> CompletableFuture<T> submit(String modelId, long tokens, Executor executor,
      Supplier<? extends CompletionStage<T>> call) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(call, "call");
    if (tokens < 0) {
      throw new IllegalArgumentException("tokens must be >= 0 but was " + tokens);
    }
    ModelQuota quota = quotaFor(modelId);
    if (!quota.limits()) {
      return start(call);
    }
    Gate gate = gates.computeIfAbsent(modelId, id -> new Gate(id, quota));
    return gate.submit(tokens, executor, call);
  }

  private static <T> CompletableFuture<T> start(Supplier<? extends CompletionStage<T>> call) {
    try {
      CompletionStage<T> stage = call.get();
      return stage == null ? CompletableFuture.failedFuture(new NullPointerException("call returned null"))
          : stage.toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public String toString() {
    return "ModelLimits" + quotas + " default " + defaultQuota;
  }

  /** One model's policies. */
  private static final class Gate {
    private final String modelId;
    private final ModelQuota quota;
    private final RateLimiter<Object> tokenLimiter;
    private final List<Policy<Object>> policies = new ArrayList<>();

    Gate(String modelId, ModelQuota quota) {
      this.modelId = modelId;
      this.quota = quota;
      Duration wait = quota.maxQueueWait();
      if (quota.requestsPerMinute() > 0) {
        policies.add(RateLimiter.smoothBuilder(quota.requestsPerMinute(), Duration.ofMinutes(1))
            .withMaxWaitTime(wait).build());
      }
      if (quota.maxConcurrent() > 0) {
        policies.add(Bulkhead.builder(quota.maxConcurrent()).withMaxWaitTime(wait).build());
      }
      tokenLimiter = quota.tokensPerMinute() > 0
          ? RateLimiter.burstyBuilder(quota.tokensPerMinute(), Duration.ofMinutes(1)).withMaxWaitTime(wait).build()
          : null;
    }

    <T> CompletableFuture<T> submit(long tokens, Executor executor, Supplier<? extends CompletionStage<T>> call) {
      InlineScheduler scheduler = InlineScheduler.handingOffTo(executor);
      long tokenWaitNanos = 0;
      if (tokenLimiter != null && tokens > 0) {
        int permits = (int) Math.min(tokens, quota.tokensPerMinute());
        Duration w = tokenLimiter.tryReservePermits(permits, quota.maxQueueWait());
        if (w.isNegative()) {
          return CompletableFuture.failedFuture(new QuotaExceededException(modelId, "model " + modelId
              + ": the local quota of " + quota.tokensPerMinute() + " tokens per minute has no room for "
              + permits + " more within " + quota.maxQueueWait().toMillis() + " ms; call not sent"));
        }
        tokenWaitNanos = w.toNanos();
      }
      CompletableFuture<T> limited;
      if (policies.isEmpty()) {
        limited = tokenWaitNanos == 0 ? start(call) : delayed(scheduler, tokenWaitNanos, () -> start(call));
      } else {
        Supplier<CompletableFuture<T>> run = () -> Failsafe.with(policies).with(scheduler)
            .getStageAsync(() -> call.get());
        limited = tokenWaitNanos == 0 ? run.get() : delayed(scheduler, tokenWaitNanos, run);
      }
      return limited.handle((r, e) -> {
        if (e == null) {
          return r;
        }
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof RateLimitExceededException) {
          throw new QuotaExceededException(modelId, "model " + modelId + ": the local quota of "
              + quota.requestsPerMinute() + " requests per minute had no permit within "
              + quota.maxQueueWait().toMillis() + " ms; call not sent");
        }
        if (c instanceof BulkheadFullException) {
          throw new QuotaExceededException(modelId, "model " + modelId + ": all " + quota.maxConcurrent()
              + " concurrent calls allowed by the local quota stayed busy for "
              + quota.maxQueueWait().toMillis() + " ms; call not sent");
        }
        throw e instanceof CompletionException ce ? ce : new CompletionException(e);
      });
    }

    /** {@code next} after {@code nanos} on the scheduler; cancelling the result before then cancels the wait. */
    private static <T> CompletableFuture<T> delayed(InlineScheduler scheduler, long nanos,
        Supplier<CompletableFuture<T>> next) {
      CompletableFuture<T> result = new CompletableFuture<>();
      java.util.concurrent.ScheduledFuture<?> timer = scheduler.schedule(() -> {
        if (!result.isDone()) {
          CompletableFuture<T> inner = next.get();
          inner.whenComplete((r, e) -> {
            if (e != null) {
              result.completeExceptionally(e);
            } else {
              result.complete(r);
            }
          });
          result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
              inner.cancel(true);
            }
          });
        }
        return null;
      }, nanos, TimeUnit.NANOSECONDS);
      result.whenComplete((r, e) -> {
        if (result.isCancelled()) {
          timer.cancel(false);
        }
      });
      return result;
    }
  }

  /** Builds {@link ModelLimits}. Not thread-safe; each setting may be given once. */
  public static final class Builder {
    private final Map<String, ModelQuota> quotas = new HashMap<>();
    private ModelQuota defaultQuota;

    private Builder() {}

    /** The quota of {@code modelId} (as {@code ModelProfile.modelId()} names it). */
    public Builder quota(String modelId, ModelQuota quota) {
      Objects.requireNonNull(modelId, "modelId");
      Objects.requireNonNull(quota, "quota");
      if (modelId.isBlank()) {
        throw new IllegalArgumentException("modelId must not be blank");
      }
      ModelQuota before = quotas.putIfAbsent(modelId, quota);
      if (before != null) {
        throw new IllegalStateException("the quota of " + modelId + " was already set to " + before);
      }
      return this;
    }

    /** The quota of every model without one of its own; unlimited unless set. */
    public Builder defaultQuota(ModelQuota quota) {
      Objects.requireNonNull(quota, "defaultQuota");
      if (defaultQuota != null) {
        throw new IllegalStateException("defaultQuota was already set to " + defaultQuota);
      }
      defaultQuota = quota;
      return this;
    }

    public ModelLimits build() {
      return new ModelLimits(quotas, defaultQuota == null ? ModelQuota.unlimited() : defaultQuota);
    }
  }
}
