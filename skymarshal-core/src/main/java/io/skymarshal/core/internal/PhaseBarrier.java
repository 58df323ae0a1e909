package io.skymarshal.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The in-flight work of one phase, and the halt switch: the first halt records its reason and
 * cancels every piece of work not yet done (and any added later). Thread-safe.
 */
final class PhaseBarrier {
  private final List<CompletableFuture<?>> work = new ArrayList<>();
  private String reason;

  void add(CompletableFuture<?> f) {
    boolean cancelNow;
    synchronized (this) {
      work.add(f);
      cancelNow = reason != null;
    }
    if (cancelNow) {
      f.cancel(true);
    }
  }

  void halt(String why) {
    List<CompletableFuture<?>> toCancel;
    synchronized (this) {
      if (reason != null) {
        return;
      }
      reason = why;
      toCancel = new ArrayList<>(work);
    }
    toCancel.forEach(f -> f.cancel(true));
  }

  synchronized boolean halted() {
    return reason != null;
  }

  synchronized String reason() {
    return reason;
  }
}
