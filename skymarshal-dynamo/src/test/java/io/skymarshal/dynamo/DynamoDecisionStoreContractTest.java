package io.skymarshal.dynamo;

import io.skymarshal.store.DecisionStore;
import io.skymarshal.testkit.contract.DecisionStoreContract;
import io.skymarshal.testkit.dynamo.DynaliteServer;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The DynamoDB store keeps the {@link DecisionStore} contract, against real dynalite over HTTPS. */
class DynamoDecisionStoreContractTest extends DecisionStoreContract {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static DynamoDbAsyncClient client;

  /** The server: the shared HTTPS dynalite, as production talks TLS to DynamoDB. */
  protected static DynaliteServer server() {
    return DynaliteServer.sharedTls();
  }

  @BeforeAll
  static void connect() {
    client = DynamoTestClients.async(server());
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  /** Until the table is ACTIVE (dynalite makes it so at once, but not within the CreateTable call). */
  private static void awaitActive(String table) {
    for (int i = 0; i < 600; i++) {
      if (client.describeTable(b -> b.tableName(table)).join().table().tableStatus() == TableStatus.ACTIVE) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("table " + table + " not ACTIVE after 30 s");
  }

  @Override
  protected DecisionStore store(Clock clock) {
    String table = "decisions-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
    client.createTable(DynamoDecisionStore.createTableRequest(table)).join();
    awaitActive(table);
    return DynamoDecisionStore.builder(client, table).clock(clock).build();
  }
}
