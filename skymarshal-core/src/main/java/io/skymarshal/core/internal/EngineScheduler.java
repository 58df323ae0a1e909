package io.skymarshal.core.internal;

import dev.failsafe.spi.Scheduler;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Failsafe scheduler of the engine. Failsafe's default hands every execution to the common
 * ForkJoinPool (one thread on a two-core machine) even when it need not wait; the engine's
 * suppliers only start asynchronous work, so an execution due now runs at once on the calling
 * thread, and only a real wait (a backoff, a timeout) goes through one shared daemon timer
 * thread and then onto the engine's executor.
 */
final class EngineScheduler implements Scheduler {
  private static final ScheduledExecutorService TIMER = timer();

  private final Executor executor;

  EngineScheduler(Executor executor) {
    this.executor = executor;
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    FutureTask<Object> task = new FutureTask<>(() -> callable.call());
    if (delay <= 0) {
      task.run();
      return new TaskFuture(task, null);
    }
    ScheduledFuture<?> timer = TIMER.schedule(() -> executor.execute(task), delay, unit);
    return new TaskFuture(task, timer);
  }

  private static ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
      Thread th = new Thread(r, "skymarshal-timer");
      th.setDaemon(true);
      return th;
    });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  /** A task, and the timer entry that will start it (null when it already ran). */
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
