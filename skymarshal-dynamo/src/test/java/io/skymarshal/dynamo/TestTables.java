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

/**
 * Creates and fills tables of {@link Part}s in one of the JVM's shared dynalite servers: the plain
 * HTTP one ({@link #plain()}) or the HTTPS one ({@link #tls()}).
 */
final class TestTables {
  /** The index of {@link #groupedParts} tables. */
  static final String GROUP_INDEX = "byGroup";
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static TestTables plain;
  private static TestTables tls;

  private final DynaliteServer server;
  // one blocking client per server: setting tables up must not cost a client each time
  private final DynamoDbClient admin;

  private TestTables(DynaliteServer server) {
    this.server = server;
    this.admin = DynamoTestClients.sync(server);
  }

  /** Tables in {@link DynaliteServer#shared()} (plain HTTP). */
  static synchronized TestTables plain() {
    if (plain == null) {
      plain = new TestTables(DynaliteServer.shared());
    }
    return plain;
  }

  /** Tables in {@link DynaliteServer#sharedTls()} (HTTPS); its clients must trust the server's certificate. */
  static synchronized TestTables tls() {
    if (tls == null) {
      tls = new TestTables(DynaliteServer.sharedTls());
    }
    return tls;
  }

  DynaliteServer server() {
    return server;
  }

  /** A new table of parts {@code 0..count-1}; returns its name. */
  String parts(int count) {
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      parts.add(Part.of(i));
    }
    return parts(parts);
  }

  /** A new table holding {@code parts}; returns its name. */
  String parts(Collection<Part> parts) {
    String table = "parts-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
    DynamoDbClient c = admin;
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

  private void write(String table, List<WriteRequest> writes) {
    for (int i = 0; i < writes.size(); i += 25) {
      List<WriteRequest> batch = writes.subList(i, Math.min(writes.size(), i + 25));
      BatchWriteItemResponse r = admin.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
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
  String groupedParts(Map<String, List<Part>> groups) {
    String table = "groups-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
    admin.createTable(b -> b.tableName(table)
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

  void drop(String table) {
    admin.deleteTable(b -> b.tableName(table));
  }

  /** dynalite makes a table (and its indexes) ACTIVE on its next tick even with --createTableMs 0. */
  void awaitActive(String table) {
    for (int i = 0; i < 500; i++) {
      TableDescription d = admin.describeTable(b -> b.tableName(table)).table();
      if (d.tableStatus() == TableStatus.ACTIVE && d.globalSecondaryIndexes().stream()
          .allMatch(x -> x.indexStatus() == null || x.indexStatus() == IndexStatus.ACTIVE)) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("table " + table + " did not become ACTIVE");
  }
}
