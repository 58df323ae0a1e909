package io.skymarshal.dynamo;

import io.skymarshal.data.BatchReader;
import io.skymarshal.testkit.contract.BatchReaderContract;
import io.skymarshal.testkit.dynamo.DynamoRequestLog;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** The DynamoDB reader keeps the {@link BatchReader} contract, against real dynalite. */
class BatchGetReaderContractTest extends BatchReaderContract<String, Part> {
  private DynamoRequestLog log;
  private DynamoDbAsyncClient client;
  private String table;

  /** Where the tables live: the plain-HTTP dynalite; {@code ...OverTls} subclasses use the HTTPS one. */
  protected TestTables tables() {
    return TestTables.plain();
  }

  @Override
  protected BatchReader<String, Part> readerHolding(Map<String, Part> items) {
    table = tables().parts(items.values());
    log = new DynamoRequestLog();
    client = DynamoTestClients.async(tables().server(), log);
    return BatchGetReader.builder(client, table, Part.MAPPER).build();
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
    return Part.key(i);
  }

  @Override
  protected Part value(String key, int i) {
    return Part.of(i);
  }

  @Override
  protected long requestCount() {
    return log.count("BatchGetItem");
  }
}
