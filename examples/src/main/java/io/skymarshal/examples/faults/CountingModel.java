package io.skymarshal.examples.faults;

import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the engine's model calls and how they failed, by {@link ModelException.Kind} (or the
 * exception's class when it is not a {@code ModelException}; {@code cancelled} when the engine
 * gave up on the call). Thread-safe.
 */
final class CountingModel implements ModelClient {
  private final ModelClient delegate;
  private final AtomicLong calls = new AtomicLong();
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

  CountingModel(ModelClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletableFuture<ModelReply> call(ModelRequest request) {
    calls.incrementAndGet();
    CompletableFuture<ModelReply> f = delegate.call(request);
    f.whenComplete((r, e) -> {
      if (e != null) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        String kind = c instanceof ModelException me ? me.kind().name()
            : c instanceof CancellationException ? "cancelled" : c.getClass().getSimpleName();
        failures.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
      }
    });
    return f;
  }

  long calls() {
    return calls.get();
  }

  /** Failed calls by kind, sorted by kind. */
  Map<String, Long> failures() {
    Map<String, Long> out = new TreeMap<>();
    failures.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
