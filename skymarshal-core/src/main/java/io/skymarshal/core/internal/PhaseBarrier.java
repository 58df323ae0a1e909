package io.skymarshal.core.internal;

import io.skymarshal.core.HaltReason;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-flight work of one phase, and the halt switch: the first halt records its reason and
 * cancels every piece of work not yet done (and any added later). Thread-safe.
 */
final class PhaseBarrier {
  private final List<CallExecution> work = new ArrayList<>();
  private HaltReason reason;

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

  void halt(HaltReason why) {
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

  synchronized HaltReason reason() {
    return reason;
  }
}
