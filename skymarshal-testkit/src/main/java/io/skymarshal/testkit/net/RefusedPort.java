package io.skymarshal.testkit.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * A loopback port that refuses connections, for tests of "the endpoint cannot be reached".
 * Port 1 (tcpmux) is used, checked once to refuse: a port taken from a closed {@code ServerSocket}
 * may be bound again at once by another server of the same test run (a fake or dynalite), which
 * then accepts and never answers, turning "connection refused" into a timeout. Thread-safe.
 */
public final class RefusedPort {
  private static final int PORT = 1;
  private static volatile boolean checked;

  private RefusedPort() {}

  /**
   * The port.
   *
   * @throws IllegalStateException if something on this machine listens on it
   */
  public static int port() {
    if (!checked) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 2_000);
        throw new IllegalStateException("port " + PORT + " accepts connections on this machine; no refused port");
      } catch (ConnectException refused) {
        checked = true;
      } catch (IOException e) {
        throw new IllegalStateException("cannot tell whether port " + PORT + " refuses connections: " + e, e);
      }
    }
    return PORT;
  }

  /** {@code http://127.0.0.1:1}. */
  public static URI httpUri() {
    return URI.create("http://127.0.0.1:" + port());
  }
}
