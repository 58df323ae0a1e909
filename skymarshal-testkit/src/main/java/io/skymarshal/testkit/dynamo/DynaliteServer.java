package io.skymarshal.testkit.dynamo;

import io.skymarshal.testkit.tls.LoopbackCertificate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManager;

/**
 * A real DynamoDB-compatible server for tests: <a href="https://github.com/architect/dynalite">dynalite</a>
 * (Node.js, in memory) on a free loopback port. Tables are created ACTIVE at once
 * ({@code --createTableMs 0}). Talk to it with the real AWS SDK client and
 * {@code endpointOverride(server.endpoint())}, region {@link #REGION} and the static credentials
 * {@link #ACCESS_KEY_ID}/{@link #SECRET_ACCESS_KEY} (dynalite checks that requests are signed,
 * not by whom); {@link DynamoTestClients} does that.
 *
 * <p>With {@link Builder#tls()} it speaks HTTPS, as DynamoDB does (dynalite's {@code --ssl}), with
 * a fresh {@link LoopbackCertificate} for {@code 127.0.0.1} instead of the certificate dynalite
 * ships (expired in 2018, issued to the name "dynalite"); a client trusts it through
 * {@link #trustManagers()}, and {@link DynamoTestClients#async(DynaliteServer, software.amazon.awssdk.core.interceptor.ExecutionInterceptor...)}
 * does.
 *
 * <p>Needs Node.js &gt;= 20 and the npm package {@code dynalite@4.0.0}; see {@link Builder#autoInstall}
 * for how the package is found or installed. A missing piece gives a
 * {@link DynaliteUnavailableException} saying what to install.
 *
 * <p>{@link #close()} stops the server and its process tree. Thread-safe.
 */
public final class DynaliteServer implements AutoCloseable {
  /** The dynalite version the launcher installs and is tested with. */
  public static final String DYNALITE_VERSION = "4.0.0";
  /** The region test clients use; dynalite accepts any. */
  public static final String REGION = "us-east-1";
  /** The access key id test clients sign with; dynalite accepts any. */
  public static final String ACCESS_KEY_ID = "skymarshal-test";
  /** The secret key test clients sign with; dynalite accepts any. */
  public static final String SECRET_ACCESS_KEY = "skymarshal-test";

  private static final String READY = "Dynalite listening at";
  private static final int PORT_ATTEMPTS = 5;
  private static final Object SHARED_LOCK = new Object();
  private static DynaliteServer shared;
  private static DynaliteServer sharedTls;

  private final Process process;
  private final int port;
  private final LoopbackCertificate certificate;
  private final Thread shutdownHook;
  private final Deque<String> output;

  private DynaliteServer(Process process, int port, LoopbackCertificate certificate, Deque<String> output) {
    this.process = process;
    this.port = port;
    this.certificate = certificate;
    this.output = output;
    this.shutdownHook = new Thread(this::stop, "dynalite-stop-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a server with the default settings; see {@link Builder}. */
  public static DynaliteServer start() {
    return builder().start();
  }

  /**
   * One server for the whole JVM, started on first use and stopped when the JVM exits. Test
   * classes that share it must use table names of their own. Do not close it.
   */
  public static DynaliteServer shared() {
    synchronized (SHARED_LOCK) {
      if (shared == null || !shared.isRunning()) {
        shared = start();
      }
      return shared;
    }
  }

  /**
   * One HTTPS server ({@link Builder#tls()}) for the whole JVM, beside {@link #shared()}, started on
   * first use and stopped when the JVM exits. Do not close it.
   */
  public static DynaliteServer sharedTls() {
    synchronized (SHARED_LOCK) {
      if (sharedTls == null || !sharedTls.isRunning()) {
        sharedTls = builder().tls().start();
      }
      return sharedTls;
    }
  }

  /** A builder for a server with other settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The loopback port the server listens on. */
  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>} ({@code https://} over TLS): what to pass to {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create((isTls() ? "https" : "http") + "://127.0.0.1:" + port);
  }

  /** Whether the server speaks HTTPS. */
  public boolean isTls() {
    return certificate != null;
  }

  /**
   * The certificate the server presents.
   *
   * @throws IllegalStateException if the server speaks plain HTTP
   */
  public LoopbackCertificate certificate() {
    if (certificate == null) {
      throw new IllegalStateException("this dynalite speaks plain HTTP at " + endpoint()
          + ": start it with DynaliteServer.builder().tls() for a certificate");
    }
    return certificate;
  }

  /**
   * Trust managers that trust this server's certificate and nothing else, for an SDK HTTP client's
   * {@code tlsTrustManagersProvider(server::trustManagers)}.
   *
   * @throws IllegalStateException if the server speaks plain HTTP
   */
  public TrustManager[] trustManagers() {
    return certificate().trustManagers();
  }

  /** Whether the server process is alive. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops the server and every process it started; waits up to 5 s, then kills. Idempotent. */
  @Override
  public void close() {
    if (this == shared || this == sharedTls) {
      throw new IllegalStateException("the shared dynalite server is stopped when the JVM exits; do not close it");
    }
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  private void stop() {
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public String toString() {
    return "DynaliteServer[" + endpoint() + (isRunning() ? "" : ", stopped") + "]";
  }

  /** Starts dynalite servers. Not thread-safe. */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();
    private boolean autoInstall = !"false".equalsIgnoreCase(System.getProperty("skymarshal.dynalite.autoInstall"));
    private Duration startTimeout = Duration.ofSeconds(30);
    private LoopbackCertificate certificate;

    private Builder() {}

    /** Speak HTTPS ({@code --ssl}) with a fresh {@link LoopbackCertificate} (default: plain HTTP). */
    public Builder tls() {
      return tls(LoopbackCertificate.create());
    }

    /** Speak HTTPS ({@code --ssl}) presenting {@code certificate}. */
    public Builder tls(LoopbackCertificate certificate) {
      given.once("tls");
      this.certificate = Objects.requireNonNull(certificate, "certificate");
      return this;
    }

    /**
     * Whether to run {@code npm install --prefix <repository root>/.dynalite dynalite@4.0.0}
     * when the package is not found and npm is on the PATH. Default true, unless the system
     * property {@code skymarshal.dynalite.autoInstall} is {@code false}. The repository root is
     * the nearest directory up from the working directory that holds {@code mvnw} or {@code .git}.
     */
    public Builder autoInstall(boolean autoInstall) {
      given.once("autoInstall");
      this.autoInstall = autoInstall;
      return this;
    }

    /** How long to wait for the server to listen. Default 30 s. */
    public Builder startTimeout(Duration startTimeout) {
      given.once("startTimeout");
      Objects.requireNonNull(startTimeout, "startTimeout");
      if (startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive but was " + startTimeout);
      }
      this.startTimeout = startTimeout;
      return this;
    }

    /**
     * Starts a server on a free loopback port and waits until it listens.
     *
     * @throws DynaliteUnavailableException if Node.js or dynalite is missing, or it did not start
     */
    public DynaliteServer start() {
      DynaliteInstallation install = DynaliteInstallation.locate(autoInstall);
      String lastFailure = "";
      // the port is free when probed but may be taken before node binds it: try another one
      for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
        int port = freePort();
        Deque<String> output = new ArrayDeque<>();
        CountDownLatch ready = new CountDownLatch(1);
        Process p = launch(install, port, certificate);
        Thread reader = new Thread(() -> pump(p, output, ready), "dynalite-output-" + port);
        reader.setDaemon(true);
        reader.start();
        try {
          long deadline = System.nanoTime() + startTimeout.toNanos();
          while (!ready.await(20, TimeUnit.MILLISECONDS) && p.isAlive() && System.nanoTime() < deadline) {
            // waiting for the ready line, the process to die, or the deadline
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
          throw new DynaliteUnavailableException("interrupted while starting dynalite", e);
        }
        if (ready.getCount() == 0 && p.isAlive()) {
          return new DynaliteServer(p, port, certificate, output);
        }
        p.destroyForcibly();
        try {
          reader.join(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        lastFailure = snapshot(output);
        if (!lastFailure.contains("EADDRINUSE")) {
          throw new DynaliteUnavailableException("dynalite (" + install.cliJs + ") did not start within "
              + startTimeout + " on port " + port + "; output: " + lastFailure);
        }
      }
      throw new DynaliteUnavailableException("dynalite found no free port in " + PORT_ATTEMPTS
          + " attempts; last output: " + lastFailure);
    }

    private static Process launch(DynaliteInstallation install, int port, LoopbackCertificate certificate) {
      try {
        List<String> command = new ArrayList<>(List.of(install.node.toString(), install.cliJs.toString(),
            "--port", Integer.toString(port), "--host", "127.0.0.1",
            "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (certificate != null) {
          // dynalite hands its options to https.createServer, which takes PEM text for key and
          // cert (the "--opt=value" form keeps the line breaks)
          command.addAll(List.of("--ssl", "--key=" + certificate.privateKeyPem(),
              "--cert=" + certificate.certificatePem()));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
      } catch (IOException e) {
        throw new DynaliteUnavailableException("could not start " + install.node + " " + install.cliJs, e);
      }
    }

    private static int freePort() {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException("no free loopback port", e);
      }
    }
  }

  // reads the server's output so its pipe never fills, keeping the last lines for error messages
  private static void pump(Process p, Deque<String> output, CountDownLatch ready) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        synchronized (output) {
          output.addLast(line);
          if (output.size() > 50) {
            output.removeFirst();
          }
        }
        if (line.startsWith(READY)) {
          ready.countDown();
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  private static String snapshot(Deque<String> output) {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /** The last lines the server printed (at most 50), for diagnosing a failed test. */
  public String recentOutput() {
    return snapshot(output);
  }
}
