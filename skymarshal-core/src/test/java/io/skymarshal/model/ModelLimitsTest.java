package io.skymarshal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelLimitsTest {
  private static final String SONNET = "sonnet";
  private static final Executor DIRECT = Runnable::run;
  private static final Duration SHORT = Duration.ofMillis(50);

  private static ModelLimits limits(ModelQuota q) {
    return ModelLimits.builder().quota(SONNET, q).build();
  }

  @Test
  void submit_whenUnlimited_callsAtOnce() throws Exception {
    AtomicInteger called = new AtomicInteger();
    CompletableFuture<String> f = ModelLimits.unlimited().submit(SONNET, 1_000_000, DIRECT,
        () -> CompletableFuture.completedFuture("r" + called.incrementAndGet()));
    assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("r1");
  }

  @Test
  void submit_whenConcurrencyFull_waitsForASlot_andStartsWhenOneFrees() throws Exception {
    ModelLimits l = limits(ModelQuota.of(0, 0, 2).withMaxQueueWait(Duration.ofSeconds(30)));
    List<CompletableFuture<String>> inFlight = new ArrayList<>();
    AtomicInteger started = new AtomicInteger();
    List<CompletableFuture<String>> results = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      results.add(l.submit(SONNET, 0, DIRECT, () -> {
        started.incrementAndGet();
        CompletableFuture<String> f = new CompletableFuture<>();
        synchronized (inFlight) {
          inFlight.add(f);
        }
        return f;
      }));
    }
    assertThat(started).hasValue(2);
    inFlight.get(0).complete("first");
    assertThat(results.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("first");
    // the freed slot goes to the third call
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (started.get() < 3 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(started).hasValue(3);
  }

  @Test
  void submit_whenConcurrencyStaysFull_failsTyped_withoutCalling() {
    ModelLimits l = limits(ModelQuota.of(0, 0, 1).withMaxQueueWait(SHORT));
    l.submit(SONNET, 0, DIRECT, CompletableFuture::new); // holds the only slot
    AtomicInteger called = new AtomicInteger();
    CompletableFuture<Object> second = l.submit(SONNET, 0, DIRECT, () -> {
      called.incrementAndGet();
      return new CompletableFuture<>();
    });
    assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(QuotaExceededException.class).hasMessageContaining("sonnet")
        .hasMessageContaining("1 concurrent calls");
    assertThat(called).hasValue(0);
    assertThat(((QuotaExceededException) catchCause(second)).retryable()).isTrue();
  }

  @Test
  void submit_whenRequestRateSpent_failsTyped() {
    ModelLimits l = limits(ModelQuota.of(1, 0, 0).withMaxQueueWait(SHORT));
    assertThat(l.submit(SONNET, 0, DIRECT, () -> CompletableFuture.completedFuture("a")).join()).isEqualTo("a");
    CompletableFuture<String> second = l.submit(SONNET, 0, DIRECT, () -> CompletableFuture.completedFuture("b"));
    assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).cause()
        .isInstanceOf(QuotaExceededException.class).hasMessageContaining("1 requests per minute");
  }

  @Test
  void submit_whenTokenQuotaSpent_failsTyped_andOtherModelsAreUnaffected() {
    ModelLimits l = limits(ModelQuota.of(0, 1_000, 0).withMaxQueueWait(SHORT));
    assertThat(l.submit(SONNET, 800, DIRECT, () -> CompletableFuture.completedFuture("a")).join()).isEqualTo("a");
    CompletableFuture<String> second = l.submit(SONNET, 800, DIRECT, () -> CompletableFuture.completedFuture("b"));
    assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).cause()
        .isInstanceOf(QuotaExceededException.class).hasMessageContaining("1000 tokens per minute");
    assertThat(l.submit("haiku", 800, DIRECT, () -> CompletableFuture.completedFuture("c")).join()).isEqualTo("c");
  }

  @Test
  void submit_whenTokenQuotaHasRoomAfterAWait_callsAfterTheWait() throws Exception {
    // 60,000 tokens a minute: a 1,000-token burst spends a second's worth; the next waits for it
    ModelLimits l = limits(ModelQuota.of(0, 60_000, 0).withMaxQueueWait(Duration.ofMinutes(2)));
    for (int i = 0; i < 60; i++) {
      l.submit(SONNET, 1_000, DIRECT, () -> CompletableFuture.completedFuture("x")).join();
    }
    CompletableFuture<String> waiting = l.submit(SONNET, 1_000, Runnable::run,
        () -> CompletableFuture.completedFuture("later"));
    assertThat(waiting).isNotDone(); // the minute's tokens are spent: it waits instead of failing
    waiting.cancel(true);
  }

  @Test
  void tokensFor_countsInputEstimateAndOutputLimitTimesBurndown() {
    ModelProfile p = new ModelProfile("m", "M", new ModelPrice(1, 1, 0.1, 1.25), 1_000, 0, 1024);
    ModelRequest r = new ModelRequest("a", Tier.SAFETY, Phase.INITIAL, p, "x".repeat(400), false,
        List.of(Message.user("y".repeat(400))), null);
    assertThat(ModelQuota.of(0, 0, 0).tokensFor(r)).isEqualTo(200 + 1_000);
    assertThat(ModelQuota.forClaude4(0, 0, 0).tokensFor(r)).isEqualTo(200 + 5_000);
    assertThat(ModelQuota.forClaude4(0, 3_000, 0).tokensFor(r)).as("capped at a minute's worth").isEqualTo(3_000);
  }

  @Test
  void quotaAndBuilder_rejectBadSettings_namingThem() {
    assertThatThrownBy(() -> ModelQuota.of(-1, 0, 0)).hasMessageContaining("requestsPerMinute");
    assertThatThrownBy(() -> ModelQuota.of(0, 0, 0).withMaxQueueWait(Duration.ZERO)).hasMessageContaining("maxQueueWait");
    assertThatThrownBy(() -> ModelQuota.of(0, 0, 0).withOutputBurndown(0)).hasMessageContaining("outputBurndown");
    assertThatThrownBy(() -> ModelLimits.builder().quota(SONNET, ModelQuota.unlimited()).quota(SONNET, ModelQuota.unlimited()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("quota of sonnet was already set");
    assertThat(limits(ModelQuota.unlimited()).limitsAny()).isFalse();
    assertThat(limits(ModelQuota.of(5, 0, 0)).quotaFor("other")).isEqualTo(ModelQuota.unlimited());
  }

  private static Throwable catchCause(CompletableFuture<?> f) {
    try {
      f.join();
      return null;
    } catch (java.util.concurrent.CompletionException e) {
      return e.getCause();
    }
  }
}
