package io.skymarshal.dynamo.internal;

import dev.failsafe.spi.Scheduler;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Failsafe scheduler of DynamoDB requests. Failsafe's default hands every attempt, the first
 * included, to the common ForkJoinPool (a single thread on a two-core machine), which serializes
 * the start of concurrent chunks behind whatever else runs there. An attempt only starts a
 * non-blocking SDK call, so one that is due now runs on the calling thread, and only a backoff
 * waits, on one shared daemon timer thread (or the policy's scheduler), which then starts it.
 */
final class RetryScheduler implements Scheduler {
  private static final ScheduledExecutorService TIMER = timer();
  private static final RetryScheduler DEFAULT = new RetryScheduler(TIMER);

  private final ScheduledExecutorService timer;

  private RetryScheduler(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** Delays on {@code timer}, or on the shared timer when null. */
  static RetryScheduler on(ScheduledExecutorService timer) {
    return timer == null ? DEFAULT : new RetryScheduler(timer);
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    FutureTask<Object> task = new FutureTask<>(callable::call);
    if (delay <= 0) {
      task.run();
      return new TaskFuture(task, null);
    }
    return new TaskFuture(task, timer.schedule(task, delay, unit));
  }

  private static ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
      Thread th = new Thread(r, "skymarshal-dynamo-retry");
      th.setDaemon(true);
      return th;
    });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  /** A task and the timer entry that starts it (null when it ran at once). */
  private static final class TaskFuture implements ScheduledFuture<Object> {
    private final FutureTask<Object> task;
    private final ScheduledFuture<?> timer;

    TaskFuture(FutureTask<Object> task, ScheduledFuture<?> timer) {
      this.task = task;
      this.timer = timer;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return timer == null ? 0 : timer.getDelay(unit);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (timer != null) {
        timer.cancel(false);
      }
      return task.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
      return task.isCancelled();
    }

    @Override
    public boolean isDone() {
      return task.isDone();
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
      return task.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
      return task.get(timeout, unit);
    }
  }
}
