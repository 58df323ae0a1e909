package io.skymarshal.core;

import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.TokenUsage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A model for engine tests: a behaviour per agent (default: answer at once), and a log of every
 * call with a sequence number taken when the call started and when its future completed.
 */
final class TestModel implements ModelClient {

  /** One call: what was asked, and its start and end positions in the global sequence. */
  record Call(ModelRequest request, long startSeq, CompletableFuture<ModelReply> future) {}

  final AtomicLong seq = new AtomicLong();
  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Function<ModelRequest, CompletableFuture<ModelReply>>> behaviour = new ConcurrentHashMap<>();

  static ModelReply reply(String text) {
    return new ModelReply(text, TokenUsage.of(100, 20), "test-model", "end_turn");
  }

  static CompletableFuture<ModelReply> ok(String text) {
    return CompletableFuture.completedFuture(reply(text));
  }

  TestModel on(String agent, Function<ModelRequest, CompletableFuture<ModelReply>> b) {
    behaviour.put(agent, b);
    return this;
  }

  @Override
  public CompletableFuture<ModelReply> call(ModelRequest request) {
    Function<ModelRequest, CompletableFuture<ModelReply>> b = behaviour.get(request.agent());
    CompletableFuture<ModelReply> f = b != null ? b.apply(request)
        : request.agent().equals("arbitrator") ? ok("DELAY 0.8 A6-APA") : ok("OK 0.9");
    Call c = new Call(request, seq.incrementAndGet(), f);
    calls.add(c);
    return f;
  }

  List<Call> callsOf(String agent) {
    return calls.stream().filter(c -> c.request().agent().equals(agent)).toList();
  }

  long count(String agent) {
    return callsOf(agent).size();
  }
}
