package io.skymarshal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The {@link io.skymarshal.data.BatchReader} contract for the index query reader over HTTPS:
 * dynalite with {@code --ssl} and a loopback certificate, the real SDK client trusting it.
 */
class IndexQueryReaderOverTlsContractTest extends IndexQueryReaderContractTest {

  @Override
  protected TestTables tables() {
    return TestTables.tls();
  }

  @Test
  void tables_areServedOverHttps() {
    assertThat(tables().server().endpoint().getScheme()).isEqualTo("https");
  }
}
