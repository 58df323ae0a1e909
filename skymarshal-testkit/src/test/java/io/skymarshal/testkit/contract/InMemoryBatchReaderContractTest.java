package io.skymarshal.testkit.contract;

import io.skymarshal.data.BatchReader;
import io.skymarshal.data.InMemoryBatchReader;
import java.util.Map;

/** The in-memory reader keeps the {@link BatchReader} contract. */
class InMemoryBatchReaderContractTest extends BatchReaderContract<String, String> {
  private InMemoryBatchReader<String, String> reader;

  @Override
  protected BatchReader<String, String> readerHolding(Map<String, String> items) {
    reader = new InMemoryBatchReader<>();
    items.forEach(reader::put);
    return reader;
  }

  @Override
  protected String key(int i) {
    return "key-" + i;
  }

  @Override
  protected String value(String key, int i) {
    return "value of " + key + " #" + i;
  }

  @Override
  protected long requestCount() {
    return reader.requestCount();
  }
}
