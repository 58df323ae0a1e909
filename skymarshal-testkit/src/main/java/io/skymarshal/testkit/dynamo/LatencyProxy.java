package io.skymarshal.testkit.dynamo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on a free loopback port that forwards every connection to a target and holds
 * each chunk of bytes for a set delay in each direction, so that a server answering in a
 * millisecond on loopback looks like one a few milliseconds away. A delay of {@code d} each way
 * adds {@code 2d} to every request/response round trip; delays overlap like network latency
 * (bytes sent back to back are not delayed one after the other), so concurrent requests gain
 * from concurrency as they would against a remote service.
 *
 * <p>Bounded: it only listens on and connects to loopback. The delay can be changed while
 * running and applies to bytes read after the change. {@link #close()} stops it and closes all
 * connections. Thread-safe.
 */
public final class LatencyProxy implements AutoCloseable {
  private static final byte[] EOF = new byte[0];

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final ExecutorService threads;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong delayNanos = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private volatile boolean closed;

  private LatencyProxy(ServerSocket server, InetSocketAddress target, Duration delayEachWay) {
    this.server = server;
    this.target = target;
    delay(delayEachWay);
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "latency-proxy-" + server.getLocalPort() + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    threads.execute(this::acceptLoop);
  }

  /**
   * Starts a proxy to {@code 127.0.0.1:targetPort}.
   *
   * @param delayEachWay how long each chunk of bytes is held in each direction; zero for none
   */
  public static LatencyProxy start(int targetPort, Duration delayEachWay) {
    if (targetPort < 1 || targetPort > 65535) {
      throw new IllegalArgumentException("targetPort must be in 1..65535 but was " + targetPort);
    }
    checkDelay(delayEachWay);
    try {
      ServerSocket s = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
      return new LatencyProxy(s, new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), delayEachWay);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open a loopback port", e);
    }
  }

  /** Sets the delay in each direction; zero for none. */
  public void delay(Duration delayEachWay) {
    delayNanos.set(checkDelay(delayEachWay).toNanos());
  }

  private static Duration checkDelay(Duration delayEachWay) {
    Objects.requireNonNull(delayEachWay, "delayEachWay");
    if (delayEachWay.isNegative()) {
      throw new IllegalArgumentException("delayEachWay must not be negative but was " + delayEachWay);
    }
    return delayEachWay;
  }

  /** The delay in each direction. */
  public Duration delay() {
    return Duration.ofNanos(delayNanos.get());
  }

  /** The port the proxy listens on. */
  public int port() {
    return server.getLocalPort();
  }

  /** {@code http://127.0.0.1:<port>}: what to pass to {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** Connections accepted so far. */
  public long connectionCount() {
    return connections.get();
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    sockets.forEach(LatencyProxy::closeQuietly);
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      connections.incrementAndGet();
      Socket upstream = new Socket();
      try {
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        upstream.connect(target, 5_000);
      } catch (IOException e) {
        closeQuietly(client);
        closeQuietly(upstream);
        continue;
      }
      sockets.add(client);
      sockets.add(upstream);
      AtomicInteger directionsDone = new AtomicInteger();
      pipe(client, upstream, directionsDone);
      pipe(upstream, client, directionsDone);
    }
  }

  // one thread reads and stamps each chunk with its due time, another writes it when due
  private void pipe(Socket from, Socket to, AtomicInteger directionsDone) {
    BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    threads.execute(() -> {
      byte[] buf = new byte[64 * 1024];
      try {
        // not try-with-resources: closing a socket's stream closes the socket, and the other
        // direction may still be sending
        InputStream in = from.getInputStream();
        for (int n; (n = in.read(buf)) >= 0; ) {
          queue.add(new Chunk(Arrays.copyOf(buf, n), System.nanoTime() + delayNanos.get()));
        }
      } catch (IOException e) {
        // the connection was closed or reset; the writer ends the other side
      }
      queue.add(new Chunk(EOF, System.nanoTime() + delayNanos.get()));
    });
    threads.execute(() -> {
      try {
        OutputStream out = to.getOutputStream();
        while (true) {
          Chunk c = queue.take();
          for (long wait; (wait = c.due - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
          }
          if (c.bytes == EOF) {
            to.shutdownOutput();
            break;
          }
          out.write(c.bytes);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        closeQuietly(from);
        closeQuietly(to);
      } finally {
        if (directionsDone.incrementAndGet() == 2) {
          closeQuietly(from);
          closeQuietly(to);
          sockets.remove(from);
          sockets.remove(to);
        }
      }
    });
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing on the way out
    }
  }

  private record Chunk(byte[] bytes, long due) {}
}
