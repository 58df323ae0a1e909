package io.skymarshal.dynamo.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import io.skymarshal.core.spi.InlineScheduler;
import io.skymarshal.dynamo.BatchRetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.IntSupplier;

/**
 * Runs one DynamoDB request under a {@link BatchRetryPolicy} with Failsafe: retries while the
 * attempt fails retryably or its result is incomplete (unprocessed keys or items), with full-jitter
 * exponential backoff, until done, out of attempts, or out of time on the policy's clock.
 */
public final class Retrying {
  private Retrying() {}

  /**
   * @param attempt    makes one attempt; the result may be the same mutable state every time
   * @param incomplete whether a result still has work left
   * @param pending    how much work is left, for the listener
   * @return the last result (complete, or incomplete when the budget ran out), or the last failure
   */
  public static <R> CompletableFuture<R> run(BatchRetryPolicy policy, String table, String operation,
      Supplier<CompletableFuture<R>> attempt, Predicate<R> incomplete, IntSupplier pending) {
    Instant deadline = policy.clock().instant().plus(policy.maxDuration());
    RetryPolicy<R> retry = RetryPolicy.<R>builder()
        .handleIf((R r, Throwable t) -> t != null ? DynamoErrors.isRetryable(t) : r != null && incomplete.test(r))
        .withMaxAttempts(policy.maxAttempts())
        // the time budget is checked on the policy's clock, not Failsafe's, so tests control it
        .abortIf((R r, Throwable t) -> !policy.clock().instant().isBefore(deadline))
        .withDelayFn(ctx -> {
          Duration d = policy.nextDelay(ctx.getAttemptCount());
          Duration left = Duration.between(policy.clock().instant(), deadline);
          return left.isNegative() ? Duration.ZERO : (d.compareTo(left) > 0 ? left : d);
        })
        .onRetryScheduled(e -> policy.listener().onRetry(new BatchRetryPolicy.RetryEvent(table, operation,
            e.getAttemptCount(), e.getDelay(), pending.getAsInt(),
            e.getLastException() != null ? DynamoErrors.unwrap(e.getLastException())
                : new UnprocessedException(operation, table, pending.getAsInt()))))
        .build();
    FailsafeExecutor<R> exec = Failsafe.with(retry).with(InlineScheduler.onTimer(policy.scheduler()));
    return exec.getStageAsync(() -> {
      try {
        return attempt.get();
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    });
  }

  /** Why an attempt was retried although it did not fail: the service left work undone. */
  public static final class UnprocessedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnprocessedException(String operation, String table, int count) {
      super(operation + " on table '" + table + "' left " + count + " unprocessed", null, false, false);
    }
  }
}
