package io.skymarshal.testkit.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class LatencyProxyTest {

  @Test
  void proxy_forwardsBytesBothWaysUnchangedAndHalfCloses() throws Exception {
    ExecutorService exec = Executors.newSingleThreadExecutor();
    try (ServerSocket echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
         LatencyProxy proxy = LatencyProxy.start(echo.getLocalPort(), Duration.ofMillis(1))) {
      exec.submit(() -> {
        try (Socket s = echo.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
          out.write(("echo:" + new String(in.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        }
        return null;
      });
      byte[] big = "x".repeat(200_000).getBytes(StandardCharsets.UTF_8);
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        s.getOutputStream().write(big);
        s.shutdownOutput();
        String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reply).startsWith("echo:x").hasSize(5 + big.length);
      }
      assertThat(proxy.connectionCount()).isEqualTo(1);
    } finally {
      exec.shutdownNow();
    }
  }

  @Test
  void proxy_carriesRealSdkTrafficToDynalite() {
    try (LatencyProxy proxy = LatencyProxy.start(DynaliteServer.shared().port(), Duration.ofMillis(2));
         DynamoDbClient c = DynamoTestClients.sync(proxy.endpoint())) {
      assertThat(c.listTables().tableNames()).isNotNull();
      proxy.delay(Duration.ZERO);
      assertThat(proxy.delay()).isZero();
      assertThat(c.listTables().tableNames()).isNotNull();
    }
  }

  @Test
  void start_whenDelayNegativeOrPortInvalid_rejectsIt() {
    assertThatThrownBy(() -> LatencyProxy.start(4567, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delayEachWay");
    assertThatThrownBy(() -> LatencyProxy.start(0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetPort");
  }
}
