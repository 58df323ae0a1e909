package io.skymarshal.dynamo.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Runs asynchronous tasks with at most a given number in flight. */
public final class Concurrently {
  private Concurrently() {}

  /**
   * Starts {@code tasks} in order, at most {@code limit} at a time, starting the next as one
   * completes. The result lists each task's value in task order; it fails if a task fails.
   */
  public static <T> CompletableFuture<List<T>> run(List<Supplier<CompletableFuture<T>>> tasks, int limit) {
    if (tasks.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    Object[] results = new Object[tasks.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    CompletableFuture<List<T>> all = new CompletableFuture<>();
    Runnable[] launcher = new Runnable[1];
    launcher[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= tasks.size() || all.isDone()) {
        return;
      }
      CompletableFuture<T> f;
      try {
        f = tasks.get(i).get();
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      f.whenComplete((v, t) -> {
        if (t != null) {
          all.completeExceptionally(t);
          return;
        }
        results[i] = v;
        if (done.incrementAndGet() == tasks.size()) {
          @SuppressWarnings("unchecked")
          List<T> list = (List<T>) new ArrayList<>(Arrays.asList(results));
          all.complete(list);
        } else {
          launcher[0].run();
        }
      });
    };
    for (int k = 0; k < Math.min(limit, tasks.size()); k++) {
      launcher[0].run();
    }
    return all;
  }
}
