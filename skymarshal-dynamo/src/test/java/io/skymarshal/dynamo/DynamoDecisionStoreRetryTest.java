package io.skymarshal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.core.Decision;
import io.skymarshal.store.Claim;
import io.skymarshal.store.DecisionKey;
import io.skymarshal.store.DecisionStoreException;
import io.skymarshal.store.StoredDecision;
import io.skymarshal.testkit.dynamo.DynaliteServer;
import io.skymarshal.testkit.dynamo.DynamoFaultInjector;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The DynamoDB store against failures in transit: it tries again, and every write is safe to repeat. */
class DynamoDecisionStoreRetryTest {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final DecisionKey KEY = new DecisionKey("DISR-RETRY", "a".repeat(64));

  /** Throttles the next UpdateItems before they are sent, or loses the answers of the next ones the server applied. */
  static final class Faults implements ExecutionInterceptor {
    final AtomicInteger throttle = new AtomicInteger();
    final AtomicInteger loseAnswers = new AtomicInteger();

    private static boolean updateItem(ExecutionAttributes a) {
      return "UpdateItem".equals(a.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      if (updateItem(attributes) && throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw DynamoFaultInjector.error(DynamoFaultInjector.THROTTLING, "throttled (injected)");
      }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
      if (updateItem(attributes) && loseAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw SdkClientException.create("answer lost (injected)", new IOException("connection closed"));
      }
      return context.response();
    }
  }

  private final Faults faults = new Faults();
  private DynamoDbAsyncClient client;
  private DynamoDecisionStore store;

  @BeforeEach
  void table() throws InterruptedException {
    client = DynamoTestClients.async(DynaliteServer.shared(), faults);
    String table = "decisions-retry-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
    client.createTable(DynamoDecisionStore.createTableRequest(table)).join();
    while (client.describeTable(b -> b.tableName(table)).join().table().tableStatus() != TableStatus.ACTIVE) {
      Thread.sleep(50);
    }
    store = DynamoDecisionStore.builder(client, table).build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static StoredDecision decision(String owner) {
    return new StoredDecision(KEY, Decision.Status.DECIDED, "DELAY", false, "{}", owner, Instant.EPOCH, Optional.empty());
  }

  @Test
  void claim_throttledTwice_acquiresOnTheThirdTry() {
    faults.throttle.set(2);

    assertThat(store.claim(KEY, "i-1", Duration.ofMinutes(1))).isInstanceOf(Claim.Acquired.class);
    assertThat(faults.throttle.get()).isZero();
  }

  @Test
  void claim_throttledThreeTimes_failsRetryableNamingTheTries() {
    faults.throttle.set(3);

    assertThatThrownBy(() -> store.claim(KEY, "i-1", Duration.ofMinutes(1))).isInstanceOf(DecisionStoreException.class)
        .hasMessageContaining("3 times").hasMessageContaining("Throttling")
        .satisfies(e -> assertThat(((DecisionStoreException) e).retryable()).isTrue());
  }

  @Test
  void claim_whoseAnswerWasLost_isStillItsOwners() {
    faults.loseAnswers.set(1);

    assertThat(store.claim(KEY, "i-1", Duration.ofMinutes(1))).isInstanceOf(Claim.Acquired.class);
    assertThat(store.claim(KEY, "i-2", Duration.ofMinutes(1))).isInstanceOfSatisfying(Claim.Held.class,
        h -> assertThat(h.owner()).isEqualTo("i-1"));
  }

  @Test
  void complete_whoseAnswerWasLost_returnsTheDecisionTheFirstTryStored() {
    store.claim(KEY, "i-1", Duration.ofMinutes(1));
    faults.loseAnswers.set(1);

    StoredDecision stored = store.complete(KEY, "i-1", decision("i-1"));

    assertThat(stored.decidedBy()).isEqualTo("i-1");
    assertThat(store.find(KEY)).contains(stored);
    // and the disruption's latest decision is this one: a changed document links to it
    DecisionKey changed = new DecisionKey(KEY.disruptionId(), "b".repeat(64));
    assertThat(store.claim(changed, "i-1", Duration.ofMinutes(1))).isInstanceOfSatisfying(Claim.Acquired.class,
        a -> assertThat(a.previousHash()).contains(KEY.documentHash()));
  }
}
