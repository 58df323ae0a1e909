package io.skymarshal.bedrock;

import static io.skymarshal.bedrock.TestClients.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.testkit.bedrock.BedrockFault;
import io.skymarshal.testkit.bedrock.FakeReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retrying is the engine's job; these show the client fits a Failsafe retry policy keyed on
 * {@link ModelException#retryable()}: one HTTP attempt per call, so retries never multiply.
 */
class ConverseRetryTest {

  @RegisterExtension
  static final FakeBedrockFixture bedrock = FakeBedrockFixture.create();

  private final AtomicInteger retries = new AtomicInteger();
  /** Retries after a throttle only: on a loaded machine a call may also time out and be retried. */
  private final AtomicInteger throttleRetries = new AtomicInteger();

  private RetryPolicy<ModelReply> retryTransient(int maxRetries) {
    return RetryPolicy.<ModelReply>builder()
        .handleIf((reply, e) -> e instanceof ModelException me && me.retryable())
        .withBackoff(Duration.ofMillis(1), Duration.ofMillis(16))
        .withMaxRetries(maxRetries)
        .onRetry(event -> {
          retries.incrementAndGet();
          if (event.getLastException() instanceof ModelException me && me.kind() == ModelException.Kind.THROTTLED) {
            throttleRetries.incrementAndGet();
          }
        })
        .build();
  }

  private CompletableFuture<ModelReply> callWithRetries(ModelRequest request, int maxRetries) {
    return Failsafe.with(retryTransient(maxRetries)).getStageAsync(() -> bedrock.client().call(request));
  }

  @Test
  void call_whenThrottlingStormHitsConcurrentCalls_retryPolicyGetsEveryCallThrough() {
    int throttles = 30;
    int calls = 12;
    AtomicInteger seen = new AtomicInteger();
    bedrock.server().rule(req -> seen.getAndIncrement() < throttles
        ? FakeReply.error(BedrockFault.THROTTLING) : FakeReply.text("ok " + req.lastUserText()));

    List<CompletableFuture<ModelReply>> futures = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      // more retries than throttles in all, so no call can run out whatever the interleaving
      futures.add(callWithRetries(request(ModelProfiles.CLAUDE_HAIKU_4_5, "call " + i), throttles));
    }

    for (int i = 0; i < calls; i++) {
      assertThat(futures.get(i).join().text()).isEqualTo("ok call " + i);
    }
    assertThat(throttleRetries.get()).isEqualTo(throttles);
    // each throttle costs exactly one more request; a timeout under load may add one more, never fewer
    assertThat(bedrock.server().requestCount()).isGreaterThanOrEqualTo(calls + throttles)
        .isEqualTo(calls + throttles + (retries.get() - throttleRetries.get()));
  }

  @Test
  void call_whenThrottledWithoutRetryPolicy_failsAfterOneAttempt() {
    bedrock.server().enqueue(FakeReply.error(BedrockFault.THROTTLING), FakeReply.text("would succeed"));

    Throwable e = bedrock.client().call(request(ModelProfiles.CLAUDE_HAIKU_4_5, "q"))
        .handle((r, t) -> t).join();

    assertThat(e).isInstanceOf(ModelException.class);
    assertThat(bedrock.server().requestCount()).isEqualTo(1);
  }

  @Test
  void call_whenStillThrottledAfterThreeAttempts_failsWithTheLastThrottle() {
    bedrock.server().rule(req -> FakeReply.error(BedrockFault.THROTTLING));

    Throwable e = callWithRetries(request(ModelProfiles.CLAUDE_HAIKU_4_5, "q"), 2)
        .handle((r, t) -> t).join();

    assertThat(e).isInstanceOf(ModelException.class);
    assertThat(((ModelException) e).kind()).isEqualTo(ModelException.Kind.THROTTLED);
    assertThat(bedrock.server().requestCount()).isEqualTo(3);
  }

  @Test
  void call_whenPermanentError_isNotRetried() {
    bedrock.server().rule(req -> FakeReply.error(BedrockFault.VALIDATION));

    Throwable e = callWithRetries(request(ModelProfiles.CLAUDE_HAIKU_4_5, "q"), 5)
        .handle((r, t) -> t).join();

    assertThat(((ModelException) e).kind()).isEqualTo(ModelException.Kind.VALIDATION);
    assertThat(retries.get()).isZero();
    assertThat(bedrock.server().requestCount()).isEqualTo(1);
  }
}
