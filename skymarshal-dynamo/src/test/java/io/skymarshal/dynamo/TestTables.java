package io.skymarshal.dynamo;

import io.skymarshal.testkit.dynamo.DynaliteServer;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Creates and fills tables of {@link Part}s in the JVM's shared dynalite. */
final class TestTables {
  private static final AtomicInteger SEQ = new AtomicInteger();
  // one blocking client for the JVM: setting tables up must not cost a client each time
  private static final DynamoDbClient ADMIN = DynamoTestClients.sync(server().endpoint());

  private TestTables() {}

  static DynaliteServer server() {
    return DynaliteServer.shared();
  }

  /** A new table of parts {@code 0..count-1}; returns its name. */
  static String parts(int count) {
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      parts.add(Part.of(i));
    }
    return parts(parts);
  }

  /** A new table holding {@code parts}; returns its name. */
  static String parts(Collection<Part> parts) {
    String table = "parts-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
    DynamoDbClient c = ADMIN;
    {
      c.createTable(b -> b.tableName(table)
          .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
              .attributeType(ScalarAttributeType.S).build())
          .billingMode(BillingMode.PAY_PER_REQUEST));
      awaitActive(table);
      List<WriteRequest> writes = new ArrayList<>();
      for (Part p : parts) {
        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Part.MAPPER.toItem(p)).build()).build());
      }
      for (int i = 0; i < writes.size(); i += 25) {
        List<WriteRequest> batch = writes.subList(i, Math.min(writes.size(), i + 25));
        BatchWriteItemResponse r = c.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        if (!r.unprocessedItems().isEmpty()) {
          throw new IllegalStateException("dynalite left items unprocessed: " + r.unprocessedItems());
        }
      }
    }
    return table;
  }

  static void drop(String table) {
    ADMIN.deleteTable(b -> b.tableName(table));
  }

  /** dynalite makes a table ACTIVE on its next tick even with --createTableMs 0. */
  static void awaitActive(String table) {
    for (int i = 0; i < 500; i++) {
      if (ADMIN.describeTable(b -> b.tableName(table)).table().tableStatus() == TableStatus.ACTIVE) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("table " + table + " did not become ACTIVE");
  }
}
