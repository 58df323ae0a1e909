package io.skymarshal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelReply;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The hedge race, whatever order its two requests end in and however each ends: the agent call
 * succeeds exactly when one request answered, both requests are counted, every request is
 * observed once, and no request is left running.
 */
class HedgeRaceProperties {

  @Property(tries = 60)
  void hedgedCall_succeedsExactlyWhenOneRequestAnswers(@ForAll boolean primaryAnswers, @ForAll boolean hedgeAnswers,
      @ForAll boolean primaryEndsFirst) throws Exception {
    List<CompletableFuture<ModelReply>> held = new CopyOnWriteArrayList<>();
    TestModel model = new TestModel();
    AtomicInteger n = new AtomicInteger();
    model.on("network", q -> {
      if (q.phase() != Phase.INITIAL || n.getAndIncrement() >= 2) {
        return TestModel.ok("OK 0.9");
      }
      CompletableFuture<ModelReply> f = new CompletableFuture<>();
      held.add(f);
      if (held.size() == 2) {
        // both requests are out: end them in the chosen order, off the engine's thread
        CompletableFuture.runAsync(() -> {
          CompletableFuture<ModelReply> first = held.get(primaryEndsFirst ? 0 : 1);
          CompletableFuture<ModelReply> second = held.get(primaryEndsFirst ? 1 : 0);
          end(first, primaryEndsFirst ? primaryAnswers : hedgeAnswers);
          end(second, primaryEndsFirst ? hedgeAnswers : primaryAnswers);
        });
      }
      return f;
    });
    ModelCallsTest.Calls calls = new ModelCallsTest.Calls();
    AgentPolicy once = OrchestratorTest.FAST.withTimeout(Duration.ofMinutes(2)).withMaxAttempts(1);
    try (Orchestrator o = Orchestrator.builder().agents(TestAgents.all()).arbitrator(new TestAgents.LineArbitrator())
        .modelClient(model).random(new Random(7)).policy(Tier.SAFETY, once).policy(Tier.BUSINESS, once)
        .policy(Tier.ARBITRATOR, once).hedging(Tier.BUSINESS, Hedging.after(Duration.ofMillis(1)))
        .listener(calls).build()) {
      Decision d = o.runAsync(TestAgents.disruption()).get(60, TimeUnit.SECONDS);

      AgentCall network = d.report().call("network", Phase.INITIAL).orElseThrow();
      assertThat(network.modelCalls()).isEqualTo(2);
      assertThat(network.status().succeeded()).isEqualTo(primaryAnswers || hedgeAnswers);
      assertThat(held).allSatisfy(f -> assertThat(f).isDone());
      List<ModelCall> observed = calls.seen.stream()
          .filter(c -> c.agent().equals("network") && c.phase() == Phase.INITIAL).toList();
      assertThat(observed).hasSize(2);
      assertThat(observed).extracting(ModelCall::role)
          .containsExactlyInAnyOrder(ModelCall.Role.PRIMARY, ModelCall.Role.HEDGE);
      long succeeded = observed.stream().filter(c -> c.outcome() == ModelCall.Outcome.SUCCEEDED).count();
      assertThat(succeeded).isBetween(primaryAnswers || hedgeAnswers ? 1L : 0L, 2L);
      assertThat(network.usage()).isEqualTo(observed.stream().map(ModelCall::usage)
          .reduce(io.skymarshal.model.TokenUsage.ZERO, io.skymarshal.model.TokenUsage::plus));
    }
  }

  private static void end(CompletableFuture<ModelReply> f, boolean answers) {
    if (answers) {
      f.complete(TestModel.reply("OK 0.9"));
    } else {
      f.completeExceptionally(new ModelException(ModelException.Kind.SERVER_ERROR, "m", "503"));
    }
  }
}
