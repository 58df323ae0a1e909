package io.skymarshal.testkit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.testkit.dynamo.DynaliteServer;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The real SDK client over TLS to dynalite, with the interceptor on it. */
class DynamoWireFaultsTest {
  private static final String TABLE = "wire-faults-test";
  private static DynaliteServer server;

  @BeforeAll
  static void seed() {
    server = DynaliteServer.sharedTls();
    try (DynamoDbClient c = DynamoTestClients.sync(server)) {
      c.createTable(b -> b.tableName(TABLE)
          .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
          .billingMode(BillingMode.PAY_PER_REQUEST));
      // dynalite makes a table ACTIVE asynchronously even with --createTableMs 0
      for (int tries = 0; c.describeTable(b -> b.tableName(TABLE)).table().tableStatusAsString().equals("CREATING")
          && tries < 500; tries++) {
        Thread.onSpinWait();
      }
      for (int i = 0; i < 20; i++) {
        String id = "k" + i;
        c.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS(id))));
      }
    }
  }

  @AfterAll
  static void drop() {
    try (DynamoDbClient c = DynamoTestClients.sync(server)) {
      c.deleteTable(b -> b.tableName(TABLE));
    }
  }

  @Test
  void throttle_onTheFirstTries_isTheSdksModelledThrottlingError_thenTheSameRequestIsAnswered() {
    DynamoWireFaults faults = DynamoWireFaults.builder().throttle(1.0, 2).build();
    try (DynamoDbAsyncClient c = DynamoTestClients.async(server, faults)) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> c.batchGetItem(b -> b.requestItems(request(0, 5))).join())
            .isInstanceOf(CompletionException.class)
            .cause().isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.isThrottlingException()).isTrue();
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo(DynamoWireFaults.PROVISIONED_THROUGHPUT_EXCEEDED);
            });
      }
      BatchGetItemResponse third = c.batchGetItem(b -> b.requestItems(request(0, 5))).join();
      assertThat(third.responses().get(TABLE)).hasSize(5);
      // another request is a request of its own: its first tries are throttled too
      assertThatThrownBy(() -> c.batchGetItem(b -> b.requestItems(request(5, 10))).join())
          .cause().isInstanceOf(ProvisionedThroughputExceededException.class);
    }
    assertThat(faults.throttledCount()).isEqualTo(3);
    assertThat(faults.callCount()).isEqualTo(4);
  }

  @Test
  void unprocessed_leavesEachChosenKeyUnprocessedItsFirstTimes_andNeverLosesOne() {
    DynamoWireFaults faults = DynamoWireFaults.builder().unprocessed(1.0, 1).build();
    try (DynamoDbAsyncClient c = DynamoTestClients.async(server, faults)) {
      BatchGetItemResponse first = c.batchGetItem(b -> b.requestItems(request(10, 16))).join();
      assertThat(first.responses().getOrDefault(TABLE, List.of())).isEmpty();
      assertThat(first.unprocessedKeys().get(TABLE).keys()).hasSize(6);

      BatchGetItemResponse second = c.batchGetItem(b -> b.requestItems(Map.of(TABLE, first.unprocessedKeys().get(TABLE))))
          .join();
      assertThat(second.responses().get(TABLE)).hasSize(6);
      assertThat(second.unprocessedKeys()).isEmpty();
    }
    assertThat(faults.trimmedKeyCount()).isEqualTo(6);
    assertThat(faults.trimmedCallCount()).isEqualTo(1);
  }

  @Test
  void unprocessed_chosenByASeededHash_isTheSameForTheSameKeysWhateverTheOrder() {
    List<Integer> forward = trimmedCounts(0, 20);
    List<Integer> again = trimmedCounts(0, 20);
    assertThat(again).isEqualTo(forward);
    assertThat(forward.get(0)).isBetween(1, 19);
  }

  private static List<Integer> trimmedCounts(int from, int to) {
    DynamoWireFaults faults = DynamoWireFaults.builder().seed(3).unprocessed(0.5, 1).build();
    List<Integer> out = new ArrayList<>();
    try (DynamoDbAsyncClient c = DynamoTestClients.async(server, faults)) {
      BatchGetItemResponse r = c.batchGetItem(b -> b.requestItems(request(from, to))).join();
      KeysAndAttributes left = r.unprocessedKeys().get(TABLE);
      out.add(left == null ? 0 : left.keys().size());
      out.add(r.responses().getOrDefault(TABLE, List.of()).size());
    }
    return out;
  }

  private static Map<String, KeysAndAttributes> request(int from, int to) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = from; i < to; i++) {
      keys.add(Map.of("id", AttributeValue.fromS("k" + i)));
    }
    return Map.of(TABLE, KeysAndAttributes.builder().keys(keys).build());
  }
}
