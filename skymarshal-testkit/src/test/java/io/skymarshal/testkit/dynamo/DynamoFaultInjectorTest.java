package io.skymarshal.testkit.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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

class DynamoFaultInjectorTest {
  private static final String TABLE = "fault-injector-test";
  private static DynaliteServer server;

  @BeforeAll
  static void seed() {
    server = DynaliteServer.shared();
    try (DynamoDbClient c = DynamoTestClients.sync(server.endpoint())) {
      c.createTable(b -> b.tableName(TABLE)
          .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
          .billingMode(BillingMode.PAY_PER_REQUEST));
      // dynalite makes a table ACTIVE asynchronously even with --createTableMs 0: under load a put
      // sent at once can find it still CREATING (ResourceNotFoundException)
      for (int tries = 0; c.describeTable(b -> b.tableName(TABLE)).table().tableStatusAsString().equals("CREATING")
          && tries < 500; tries++) {
        Thread.onSpinWait();
      }
      for (int i = 0; i < 50; i++) {
        String id = "k" + i;
        c.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS(id))));
      }
    }
  }

  @AfterAll
  static void drop() {
    try (DynamoDbClient c = DynamoTestClients.sync(server.endpoint())) {
      c.deleteTable(b -> b.tableName(TABLE));
    }
  }

  @Test
  void throttle_whenRateIsOne_everyCallFailsWithAThrottlingServiceException() {
    DynamoFaultInjector faults = DynamoFaultInjector.builder().throttle(1.0).build();
    try (DynamoDbAsyncClient c = DynamoTestClients.async(server.endpoint(), faults)) {
      for (int i = 0; i < 6; i++) {
        assertThatThrownBy(() -> c.batchGetItem(b -> b.requestItems(request(0, 10))).join())
            .isInstanceOf(CompletionException.class)
            .cause().isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.isThrottlingException()).as(e.awsErrorDetails().errorCode()).isTrue());
      }
    }
    assertThat(faults.throttledCount()).isEqualTo(6);
    assertThat(faults.callCount()).isEqualTo(6);
  }

  @Test
  void throttle_withOneCode_usesItsModelledException() {
    DynamoFaultInjector faults = DynamoFaultInjector.builder()
        .throttle(1.0, DynamoFaultInjector.PROVISIONED_THROUGHPUT_EXCEEDED).build();
    try (DynamoDbClient c = DynamoTestClients.sync(server.endpoint(), faults)) {
      assertThatThrownBy(() -> c.batchGetItem(b -> b.requestItems(request(0, 3))))
          .isInstanceOf(ProvisionedThroughputExceededException.class);
    }
  }

  @Test
  void unprocessed_whenEveryCallTrimmed_movesKeysOutOfTheResponseWithoutLosingAny() {
    DynamoFaultInjector faults = DynamoFaultInjector.builder().seed(7).unprocessed(1.0, 0.3).build();
    try (DynamoDbClient c = DynamoTestClients.sync(server.endpoint(), faults)) {
      BatchGetItemResponse r = c.batchGetItem(b -> b.requestItems(request(0, 40)));
      List<Map<String, AttributeValue>> items = r.responses().get(TABLE);
      List<Map<String, AttributeValue>> left = r.unprocessedKeys().get(TABLE).keys();
      assertThat(left).isNotEmpty();
      List<String> ids = new ArrayList<>();
      items.forEach(i -> ids.add(i.get("id").s()));
      left.forEach(k -> ids.add(k.get("id").s()));
      // every requested key is either returned or unprocessed, never both
      assertThat(ids).doesNotHaveDuplicates().hasSize(40);
      assertThat(faults.trimmedKeyCount()).isEqualTo(left.size());
    }
  }

  @Test
  void unprocessed_withSameSeed_trimsTheSameKeys() {
    assertThat(trimmedIds(11)).isEqualTo(trimmedIds(11));
  }

  @Test
  void failKeys_whenRequestNamesTheKey_failsOnlyThatRequest() {
    DynamoFaultInjector faults = DynamoFaultInjector.builder()
        .failKeys(k -> "k3".equals(k.get("id").s()), "ValidationException").build();
    try (DynamoDbClient c = DynamoTestClients.sync(server.endpoint(), faults)) {
      assertThatThrownBy(() -> c.batchGetItem(b -> b.requestItems(request(0, 5))))
          .isInstanceOfSatisfying(AwsServiceException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
      assertThat(c.batchGetItem(b -> b.requestItems(request(10, 15))).responses().get(TABLE)).hasSize(5);
    }
    assertThat(faults.failedCount()).isEqualTo(1);
  }

  @Test
  void operations_whenGetItemNotChosen_leavesGetItemAlone() {
    DynamoFaultInjector faults = DynamoFaultInjector.builder().throttle(1.0).build();
    try (DynamoDbClient c = DynamoTestClients.sync(server.endpoint(), faults)) {
      assertThat(c.getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("k1")))).item()).isNotEmpty();
    }
    assertThat(faults.callCount()).isZero();
  }

  @Test
  void builder_whenRateOutOfRange_rejectsIt() {
    assertThatThrownBy(() -> DynamoFaultInjector.builder().throttle(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("throttle rate");
  }

  private static List<String> trimmedIds(long seed) {
    DynamoFaultInjector faults = DynamoFaultInjector.builder().seed(seed).unprocessed(1.0, 0.2).build();
    try (DynamoDbClient c = DynamoTestClients.sync(server.endpoint(), faults)) {
      return c.batchGetItem(b -> b.requestItems(request(0, 30))).unprocessedKeys().get(TABLE).keys()
          .stream().map(k -> k.get("id").s()).toList();
    }
  }

  private static Map<String, KeysAndAttributes> request(int from, int to) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = from; i < to; i++) {
      keys.add(Map.of("id", AttributeValue.fromS("k" + i)));
    }
    return Map.of(TABLE, KeysAndAttributes.builder().keys(keys).build());
  }
}
