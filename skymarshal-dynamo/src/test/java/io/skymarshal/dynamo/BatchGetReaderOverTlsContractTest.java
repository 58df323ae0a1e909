package io.skymarshal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The {@link io.skymarshal.data.BatchReader} contract for the BatchGetItem reader over HTTPS, as
 * DynamoDB speaks it: dynalite with {@code --ssl} and a loopback certificate, the real SDK client
 * trusting that certificate.
 */
class BatchGetReaderOverTlsContractTest extends BatchGetReaderContractTest {

  @Override
  protected TestTables tables() {
    return TestTables.tls();
  }

  @Test
  void tables_areServedOverHttps() {
    assertThat(tables().server().endpoint().getScheme()).isEqualTo("https");
  }
}
