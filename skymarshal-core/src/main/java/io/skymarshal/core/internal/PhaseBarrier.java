package io.skymarshal.core.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The in-flight work of one phase, and the halt switch: the first halt records its reason and
 * cancels every piece of work not yet done (and any added later). Thread-safe.
 */
final class PhaseBarrier {
  private final List<CallExecution> work = new ArrayList<>();
  private String reason;

  void add(CallExecution f) {
    boolean cancelNow;
    synchronized (this) {
      work.add(f);
      cancelNow = reason != null;
    }
    if (cancelNow) {
      f.cancel();
    }
  }

  void halt(String why) {
    List<CallExecution> toCancel;
    synchronized (this) {
      if (reason != null) {
        return;
      }
      reason = why;
      toCancel = new ArrayList<>(work);
    }
    toCancel.forEach(CallExecution::cancel);
  }

  synchronized boolean halted() {
    return reason != null;
  }

  synchronized String reason() {
    return reason;
  }
}
