package io.skymarshal.testkit.sqs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * A real SQS-compatible server for tests: <a href="https://github.com/softwaremill/elasticmq">ElasticMQ</a>
 * ({@code org.elasticmq:elasticmq-rest-sqs_2.13}, Apache-2.0), in this JVM, in memory, on a free
 * loopback port. It speaks the SQS JSON protocol the AWS SDK v2 client uses: long polling,
 * visibility timeouts and {@code ChangeMessageVisibility}, dead-letter queues by
 * {@code RedrivePolicy}, message attributes. Talk to it with {@link #newAsyncClient()} (the real
 * SDK client with {@code endpointOverride}, region {@link #REGION}, static credentials), or build
 * your own with {@link #endpoint()}.
 *
 * <p>ElasticMQ speaks plain HTTP only. Needs {@code elasticmq-rest-sqs_2.13} and the SDK's
 * {@code sqs} module on the class path (optional dependencies of the testkit). {@link #close()}
 * stops it. Thread-safe.
 */
public final class ElasticMqServer implements AutoCloseable {
  /** The region clients use; ElasticMQ accepts any. */
  public static final String REGION = "us-east-1";
  private static final int PORT_ATTEMPTS = 5;

  private final SQSRestServer server;
  private final int port;

  private ElasticMqServer(SQSRestServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a server on a free port of 127.0.0.1, trying another port if one is taken between
   * being found free and being bound.
   *
   * @throws IllegalStateException if no port could be bound after five attempts
   */
  public static ElasticMqServer start() {
    RuntimeException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int port = freePort();
      SQSRestServer s = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).withAWSRegion(REGION).start();
      try {
        s.waitUntilStarted();
        return new ElasticMqServer(s, port);
      } catch (RuntimeException e) { // bound by someone else meanwhile
        last = e;
        try {
          s.stopAndWait();
        } catch (RuntimeException ignored) {
          // it did not start
        }
      }
    }
    throw new IllegalStateException("ElasticMQ could not bind a loopback port in " + PORT_ATTEMPTS + " attempts", last);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /**
   * A new SDK v2 async client for this server (Netty, a 5 s connection timeout, static test
   * credentials); close it when done.
   */
  public SqsAsyncClient newAsyncClient() {
    return SqsAsyncClient.builder()
        .endpointOverride(endpoint())
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
            .maxConcurrency(64))
        .build();
  }

  /** Stops the server; queues and messages are gone. */
  @Override
  public void close() {
    server.stopAndWait();
  }
}
