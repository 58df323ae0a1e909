package io.skymarshal.core.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The timer that cuts an agent's work at its timeout: one daemon thread for every orchestrator
 * of the JVM, as Failsafe's own {@code Timeout} has. What differs is what an agent call that ends
 * in time costs: its timer is cancelled without an exception (Failsafe cancels a
 * {@code CompletableFuture}, which builds a {@code CancellationException} with its stack trace,
 * per call) and removed from the queue at once, so a timer thread that waits for the earliest of
 * thousands of 45-90 s deadlines is not woken by calls that ended. Thread-safe.
 */
final class AgentTimeouts {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private AgentTimeouts() {}

  /** Runs {@code onTimeout} after {@code nanos}, unless the returned future is cancelled first. */
  static ScheduledFuture<?> schedule(Runnable onTimeout, long nanos) {
    return TIMER.schedule(onTimeout, nanos, TimeUnit.NANOSECONDS);
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "skymarshal-timeouts");
      thread.setDaemon(true);
      return thread;
    });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }
}
