package io.skymarshal.core.spi;

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
 * A Failsafe {@link Scheduler} for executions that only start asynchronous work (a model call, an
 * SDK request). Failsafe's default hands every execution, the first included, to the common
 * ForkJoinPool (one thread on a two-core machine), serializing concurrent starts behind whatever
 * else runs there. Here an execution due now runs at once on the calling thread, and only a real
 * wait (a backoff between retries) goes through a timer thread: a shared daemon one unless given.
 * (Failsafe's {@code Timeout} schedules its timer on Failsafe's own default scheduler whatever is
 * configured here.) Public so that every module that runs Failsafe executions around asynchronous
 * work (the engine, the DynamoDB readers, an adapter of your own) schedules them the same way.
 * Thread-safe.
 */
public final class InlineScheduler implements Scheduler {
  private static final ScheduledExecutorService SHARED_TIMER = timer();

  private final ScheduledExecutorService timer;
  private final Executor handoff;

  private InlineScheduler(ScheduledExecutorService timer, Executor handoff) {
    this.timer = timer;
    this.handoff = handoff;
  }

  /** Waits on the shared timer, then runs the delayed execution on {@code executor}. */
  public static InlineScheduler handingOffTo(Executor executor) {
    return new InlineScheduler(SHARED_TIMER, java.util.Objects.requireNonNull(executor, "executor"));
  }

  /** Waits on {@code timer} (the shared timer when null) and runs the delayed execution there. */
  public static InlineScheduler onTimer(ScheduledExecutorService timer) {
    return new InlineScheduler(timer == null ? SHARED_TIMER : timer, null);
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    FutureTask<Object> task = new FutureTask<>(() -> callable.call());
    if (delay <= 0) {
      task.run();
      return new TaskFuture(task, null);
    }
    ScheduledFuture<?> entry = handoff == null ? timer.schedule(task, delay, unit)
        : timer.schedule(() -> handoff.execute(task), delay, unit);
    return new TaskFuture(task, entry);
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
