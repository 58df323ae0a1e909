package io.skymarshal.dynamo;

import io.skymarshal.testkit.dynamo.DynaliteServer;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Creates and fills tables of {@link Part}s in the JVM's shared dynalite. */
final class TestTables {
  /** The index of {@link #groupedParts} tables. */
  static final String GROUP_INDEX = "byGroup";
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
      write(table, writes);
    }
    return table;
  }

  private static void write(String table, List<WriteRequest> writes) {
    for (int i = 0; i < writes.size(); i += 25) {
      List<WriteRequest> batch = writes.subList(i, Math.min(writes.size(), i + 25));
      BatchWriteItemResponse r = ADMIN.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
      if (!r.unprocessedItems().isEmpty()) {
        throw new IllegalStateException("dynalite left items unprocessed: " + r.unprocessedItems());
      }
    }
  }

  /**
   * A new table of the parts in {@code groups}, each item carrying its group's key in the
   * attribute {@code group}, with the global secondary index {@value #GROUP_INDEX} on
   * {@code group} (hash) and {@code id} (range); returns the table's name.
   */
  static String groupedParts(Map<String, List<Part>> groups) {
    String table = "groups-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
    ADMIN.createTable(b -> b.tableName(table)
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("group").attributeType(ScalarAttributeType.S).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(GROUP_INDEX)
            .keySchema(KeySchemaElement.builder().attributeName("group").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("id").keyType(KeyType.RANGE).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
    awaitActive(table);
    List<WriteRequest> writes = new ArrayList<>();
    groups.forEach((group, parts) -> {
      for (Part p : parts) {
        Map<String, AttributeValue> item = new HashMap<>(Part.MAPPER.toItem(p));
        item.put("group", AttributeValue.fromS(group));
        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      }
    });
    write(table, writes);
    return table;
  }

  static void drop(String table) {
    ADMIN.deleteTable(b -> b.tableName(table));
  }

  /** dynalite makes a table (and its indexes) ACTIVE on its next tick even with --createTableMs 0. */
  static void awaitActive(String table) {
    for (int i = 0; i < 500; i++) {
      TableDescription d = ADMIN.describeTable(b -> b.tableName(table)).table();
      if (d.tableStatus() == TableStatus.ACTIVE && d.globalSecondaryIndexes().stream()
          .allMatch(x -> x.indexStatus() == null || x.indexStatus() == IndexStatus.ACTIVE)) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("table " + table + " did not become ACTIVE");
  }
}
