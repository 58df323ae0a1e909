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
 *
 * <p>The queue also holds a no-op heartbeat every {@value #HEARTBEAT_SECONDS} s. A timer thread
 * is woken whenever a task becomes the head of its queue; with the heartbeat as head, a deadline
 * further away than the next beat (every default timeout) is queued without waking it.
 */
final class AgentTimeouts {
  static final int HEARTBEAT_SECONDS = 10;
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
    t.scheduleAtFixedRate(() -> { }, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    return t;
  }
}
