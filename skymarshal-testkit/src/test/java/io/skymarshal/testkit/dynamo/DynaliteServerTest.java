package io.skymarshal.testkit.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class DynaliteServerTest {

  @Test
  void start_whenInstalled_servesTheRealSdkAndStopsOnClose() {
    DynaliteServer server = DynaliteServer.start();
    try (server; DynamoDbClient client = DynamoTestClients.sync(server.endpoint())) {
      assertThat(server.isRunning()).isTrue();
      assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
      var created = client.createTable(b -> b.tableName("tbl")
          .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
          .billingMode(BillingMode.PAY_PER_REQUEST));
      // --createTableMs 0: usable at once
      assertThat(client.describeTable(b -> b.tableName("tbl")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(created.tableDescription().tableName()).isEqualTo("tbl");
      client.putItem(b -> b.tableName("tbl").item(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1"))));
      assertThat(client.getItem(b -> b.tableName("tbl").key(Map.of("id", AttributeValue.fromS("a")))).item())
          .containsEntry("v", AttributeValue.fromN("1"));
    }
    assertThat(server.isRunning()).isFalse();
  }

  @Test
  void start_besideTheSharedServer_givesAnIndependentServer() {
    DynaliteServer b = DynaliteServer.shared();
    try (DynaliteServer a = DynaliteServer.start();
         DynamoDbClient ca = DynamoTestClients.sync(a.endpoint());
         DynamoDbClient cb = DynamoTestClients.sync(b.endpoint())) {
      assertThat(a.port()).isNotEqualTo(b.port());
      ca.createTable(t -> t.tableName("only-in-a")
          .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
          .billingMode(BillingMode.PAY_PER_REQUEST));
      assertThat(ca.listTables().tableNames()).containsExactly("only-in-a");
      assertThat(cb.listTables().tableNames()).doesNotContain("only-in-a");
    }
  }

  @Test
  void shared_whenCalledTwice_returnsTheSameRunningServerThatCannotBeClosed() {
    DynaliteServer s = DynaliteServer.shared();
    assertThat(DynaliteServer.shared()).isSameAs(s);
    assertThat(s.isRunning()).isTrue();
    assertThatThrownBy(s::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("shared");
  }

  @Test
  void start_whenNodeIsMissing_failsNamingNodeJs() {
    String before = System.getProperty("skymarshal.node");
    System.setProperty("skymarshal.node", "/nonexistent/node");
    try {
      assertThatThrownBy(DynaliteServer::start)
          .isInstanceOf(DynaliteUnavailableException.class)
          .hasMessageContaining("Node.js")
          .hasMessageContaining("/nonexistent/node");
    } finally {
      restore("skymarshal.node", before);
    }
  }

  @Test
  void start_whenHomeHoldsNoPackage_failsNamingTheFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
    String before = System.getProperty("skymarshal.dynalite.home");
    System.setProperty("skymarshal.dynalite.home", empty.toString());
    try {
      assertThatThrownBy(DynaliteServer::start)
          .isInstanceOf(DynaliteUnavailableException.class)
          .hasMessageContaining(empty.toString())
          .hasMessageContaining("cli.js");
    } finally {
      restore("skymarshal.dynalite.home", before);
    }
  }

  @Test
  void builder_whenTimeoutNotPositive_rejectsIt() {
    assertThatThrownBy(() -> DynaliteServer.builder().startTimeout(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startTimeout");
  }

  @Test
  void tls_servesTheRealSdkOverHttpsWithItsOwnCertificate() throws Exception {
    DynaliteServer server = DynaliteServer.builder().tls().start();
    try (server;
         DynamoDbClient sync = DynamoTestClients.sync(server);
         DynamoDbAsyncClient async = DynamoTestClients.async(server)) {
      assertThat(server.endpoint().toString()).startsWith("https://127.0.0.1:");
      assertThat(server.isTls()).isTrue();
      sync.createTable(b -> b.tableName("tls")
          .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
          .billingMode(BillingMode.PAY_PER_REQUEST));
      async.putItem(b -> b.tableName("tls").item(Map.of("id", AttributeValue.fromS("a")))).join();
      assertThat(sync.getItem(b -> b.tableName("tls").key(Map.of("id", AttributeValue.fromS("a")))).item())
          .containsEntry("id", AttributeValue.fromS("a"));
      // the server presents the certificate it was given, not the one dynalite ships
      assertThat(presentedCertificate(server)).isEqualTo(server.certificate().certificate());
    }
  }

  @Test
  void tls_whenTheClientTrustsOnlyTheJdkDefaults_theHandshakeFails() {
    DynaliteServer server = DynaliteServer.sharedTls();
    try (DynamoDbClient untrusting = DynamoTestClients.sync(server.endpoint())) {
      assertThatThrownBy(untrusting::listTables).isInstanceOf(SdkClientException.class)
          .hasStackTraceContaining("SSLHandshakeException");
    }
  }

  @Test
  void plain_hasNoCertificate() {
    DynaliteServer s = DynaliteServer.shared();
    assertThat(s.isTls()).isFalse();
    assertThat(s.endpoint().getScheme()).isEqualTo("http");
    assertThatThrownBy(s::trustManagers).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plain HTTP").hasMessageContaining("builder().tls()");
  }

  @Test
  void builder_whenASettingIsGivenTwice_failsNamingIt() {
    assertThatThrownBy(() -> DynaliteServer.builder().tls().tls())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("tls was already set");
  }

  private static java.security.cert.Certificate presentedCertificate(DynaliteServer server) throws Exception {
    javax.net.ssl.SSLContext ctx = server.certificate().clientContext();
    try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) ctx.getSocketFactory()
        .createSocket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
      s.startHandshake();
      return s.getSession().getPeerCertificates()[0];
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
