package io.skymarshal.examples.scaleout;

import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance's model: the offline model behind a count of calls per disruption (read from the
 * prompt's {@code <disruption id="...">}), shared by all instances, and a switch that kills it:
 * from {@link #die()} on, no call it was given or is given answers, as when a process stops.
 */
final class CountingModel implements ModelClient {
  private static final Pattern ID = Pattern.compile("<disruption id=\"([^\"]+)\"");

  private final String instance;
  private final ModelClient model;
  private final Map<String, AtomicInteger> callsByDisruption;
  private final Map<String, Map<io.skymarshal.core.Phase, java.util.Set<String>>> payers;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean dead;

  /**
   * @param payers per disruption and phase, the instances that made model calls in it (shared)
   */
  CountingModel(String instance, ModelClient model, Map<String, AtomicInteger> callsByDisruption,
      Map<String, Map<io.skymarshal.core.Phase, java.util.Set<String>>> payers) {
    this.instance = instance;
    this.model = model;
    this.callsByDisruption = callsByDisruption;
    this.payers = payers;
  }

  /** A fresh shared count. */
  static Map<String, AtomicInteger> newCount() {
    return new ConcurrentHashMap<>();
  }

  @Override
  public CompletableFuture<ModelReply> call(ModelRequest request) {
    calls.incrementAndGet();
    String text = request.messages().isEmpty() ? "" : request.messages().get(0).text();
    Matcher m = ID.matcher(text);
    String id = m.find() ? m.group(1) : "?";
    callsByDisruption.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    payers.computeIfAbsent(id, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(request.phase(), k -> ConcurrentHashMap.newKeySet()).add(instance);
    if (dead) {
      return new CompletableFuture<>();
    }
    CompletableFuture<ModelReply> reply = new CompletableFuture<>();
    model.call(request).whenComplete((r, e) -> {
      if (dead) {
        return; // the process is gone: the reply never arrives
      }
      if (e != null) {
        reply.completeExceptionally(e);
      } else {
        reply.complete(r);
      }
    });
    return reply;
  }

  /** Every call from now on, and every one in flight, never answers. */
  void die() {
    dead = true;
  }

  int calls() {
    return calls.get();
  }
}
