package io.skymarshal.bedrock;

import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One fake Bedrock (over HTTPS) and one Converse client on it for a whole test class, the fake's script and
 * recording cleared before each test. Register it on a static field:
 * {@code @RegisterExtension static final FakeBedrockFixture bedrock = FakeBedrockFixture.create();}.
 * Its before-each runs ahead of the test class's own {@code @BeforeEach} methods, so those can
 * script the fake after the reset.
 */
final class FakeBedrockFixture implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private final Duration callTimeout;
  private FakeBedrockServer server;
  private ConverseModelClient client;

  private FakeBedrockFixture(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /** A fixture whose client uses the client's default call timeout. */
  static FakeBedrockFixture create() {
    return withCallTimeout(ConverseModelClient.DEFAULT_CALL_TIMEOUT);
  }

  /** A fixture whose client gives up on a call after {@code callTimeout}. */
  static FakeBedrockFixture withCallTimeout(Duration callTimeout) {
    return new FakeBedrockFixture(callTimeout);
  }

  FakeBedrockServer server() {
    return server;
  }

  ConverseModelClient client() {
    return client;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = FakeBedrockServer.startHttps();
    client = TestClients.client(server, callTimeout);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // the client first, as its connections point at the server
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
      client = null;
      server = null;
    }
  }
}
