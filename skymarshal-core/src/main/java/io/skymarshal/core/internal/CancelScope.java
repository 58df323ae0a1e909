package io.skymarshal.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * The futures of one agent's work that must stop when it is cut (timeout) or cancelled (halt).
 * A future tracked after {@link #cancel()} is cancelled at once. Thread-safe.
 */
final class CancelScope {
  private final List<Future<?>> futures = new ArrayList<>();
  private boolean cancelled;

  <F extends Future<?>> F track(F future) {
    boolean cancelNow;
    synchronized (this) {
      cancelNow = cancelled;
      if (!cancelNow) {
        futures.add(future);
      }
    }
    if (cancelNow) {
      future.cancel(true);
    }
    return future;
  }

  void cancel() {
    List<Future<?>> toCancel;
    synchronized (this) {
      cancelled = true;
      toCancel = new ArrayList<>(futures);
      futures.clear();
    }
    toCancel.forEach(f -> f.cancel(true));
  }
}
