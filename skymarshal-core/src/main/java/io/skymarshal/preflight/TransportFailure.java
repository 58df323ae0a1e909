package io.skymarshal.preflight;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Tells an endpoint that could not be reached from a service that answered with an error, by the
 * causes an SDK wraps: unknown host, connection refused, no route, TLS failure, connection
 * closed, or another I/O error. Used by the preflight checks to say "cannot reach" once, naming
 * the endpoint, instead of a client's nested exception text. Stateless.
 */
public final class TransportFailure {

  private TransportFailure() {}

  /**
   * What went wrong on the way to the endpoint, in a few words (e.g. {@code host
   * bedrock-runtime.xx-fake-1.amazonaws.com not found}, {@code connection refused}), or empty
   * when {@code error} has no I/O cause: the endpoint answered, or the failure is of another kind.
   */
  public static Optional<String> describe(Throwable error) {
    IOException io = null;
    for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof UnknownHostException e) {
        return Optional.of("host " + (e.getMessage() == null ? "" : firstWord(e.getMessage()) + " ")
            + "not found (DNS)");
      }
      if (c instanceof NoRouteToHostException) {
        return Optional.of("no route to the host");
      }
      if (c instanceof ConnectException e) {
        // Netty's connect timeout is a ConnectException too; its message says so
        String msg = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return Optional.of(msg.contains("timed out") ? "connecting timed out" : "connection refused");
      }
      if (c instanceof SSLException e) {
        return Optional.of("TLS failed: " + e.getMessage());
      }
      if (c instanceof SocketTimeoutException) {
        return Optional.of("no answer in time");
      }
      if (c instanceof ClosedChannelException) {
        return Optional.of("the connection was closed before an answer came");
      }
      if (io == null && c instanceof IOException e) {
        io = e;
      }
    }
    if (io != null) {
      String msg = io.getMessage();
      return Optional.of(msg == null || msg.isBlank() ? "I/O error (" + io.getClass().getSimpleName() + ")"
          : "I/O error: " + msg);
    }
    return Optional.empty();
  }

  private static String firstWord(String message) {
    // "bedrock-runtime.xx-fake-1.amazonaws.com: Name or service not known" -> the host alone
    int colon = message.indexOf(':');
    return (colon > 0 ? message.substring(0, colon) : message).trim();
  }
}
