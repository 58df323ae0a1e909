package io.skymarshal.dynamo;

import io.skymarshal.data.BatchReader;
import io.skymarshal.testkit.contract.BatchReaderContract;
import io.skymarshal.testkit.dynamo.DynamoRequestLog;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The query reader keeps the {@link BatchReader} contract, against real dynalite: each key is a
 * group of one to three parts, read with one Query of a global secondary index, as the airline's
 * "by flight" tables are.
 */
class IndexQueryReaderContractTest extends BatchReaderContract<String, List<Part>> {

  /** A group's parts, in the order the index returns them (by id); a group with no parts is missing. */
  static final GroupMapper<String, List<Part>> GROUPS = new GroupMapper<>() {
    @Override
    public String partitionAttribute() {
      return "group";
    }

    @Override
    public AttributeValue partitionValue(String key) {
      return AttributeValue.fromS(key);
    }

    @Override
    public List<Part> fromItems(String key, List<Map<String, AttributeValue>> items) {
      return items.isEmpty() ? null : items.stream().map(Part.MAPPER::fromItem).toList();
    }
  };

  private DynamoRequestLog log;
  private DynamoDbAsyncClient client;
  private String table;

  /** Where the tables live: the plain-HTTP dynalite; {@code ...OverTls} subclasses use the HTTPS one. */
  protected TestTables tables() {
    return TestTables.plain();
  }

  @Override
  protected BatchReader<String, List<Part>> readerHolding(Map<String, List<Part>> items) {
    table = tables().groupedParts(items);
    log = new DynamoRequestLog();
    client = DynamoTestClients.async(tables().server(), log);
    return IndexQueryReader.builder(client, table, TestTables.GROUP_INDEX, GROUPS).build();
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
      tables().drop(table);
    }
  }

  @Override
  protected String key(int i) {
    return "group-" + i;
  }

  /** One to three parts, their ids in index order (a single digit after the group's key). */
  @Override
  protected List<Part> value(String key, int i) {
    List<Part> parts = new ArrayList<>();
    for (int j = 0; j <= i % 3; j++) {
      parts.add(new Part(key + "/" + j, "part " + j + " of group " + i, i * 10 + j));
    }
    return List.copyOf(parts);
  }

  /** DynamoDB has no batch query: one Query per key, and each group fits one page. */
  @Override
  protected int keysPerRequest() {
    return 1;
  }

  @Override
  protected long requestCount() {
    return log.count("Query");
  }
}
