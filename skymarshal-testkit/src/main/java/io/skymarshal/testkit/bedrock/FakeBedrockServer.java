package io.skymarshal.testkit.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.skymarshal.testkit.tls.LoopbackCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;

/**
 * A fake Amazon Bedrock Runtime on a loopback port, speaking the Converse wire format, so the
 * real AWS SDK client can be tested without AWS. It speaks HTTPS, as Bedrock does, when built
 * with {@link Builder#https()} (or started with {@link #startHttps()}): a fresh self-signed
 * {@link LoopbackCertificate} for {@code 127.0.0.1}, which a client trusts through
 * {@link #trustManagers()}; {@link #newAsyncClient()} is an SDK client that already does. Without
 * it, plain HTTP.
 *
 * <p>Either way the server speaks HTTP/1.1 only. The SDK's async Bedrock Runtime client defaults
 * to HTTP/2 negotiated by ALPN, so a client of your own needs
 * {@code NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1)
 * .protocolNegotiation(ProtocolNegotiation.ASSUME_PROTOCOL)} ({@link #httpClientBuilder()} is
 * that, trusting the server); SkyMarshal's {@code ConverseModelClient} already does.
 *
 * <pre>{@code
 * try (FakeBedrockServer bedrock = FakeBedrockServer.startHttps();
 *      BedrockRuntimeAsyncClient client = bedrock.newAsyncClient()) {
 *   bedrock.enqueue(FakeReply.error(BedrockFault.THROTTLING));
 *   bedrock.enqueue(FakeReply.text("hello").withUsage(12, 3));
 *   ... client.converse(...) twice ...
 *   RecordedConverse first = bedrock.takeRequest();
 * }
 * }</pre>
 *
 * <p>Each request to {@code POST /model/{urlencoded modelId}/converse} is recorded (see
 * {@link #takeRequest()}) and answered with the next {@linkplain #enqueue enqueued} reply, or,
 * when none is left, by the {@linkplain #rule rule}. Model replies carry {@code output.message},
 * {@code stopReason}, {@code usage} (with {@code cacheReadInputTokens} and
 * {@code cacheWriteInputTokens}) and {@code metrics.latencyMs}; errors carry the status, the
 * {@code x-amzn-ErrorType} header in Bedrock's form ({@code ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/})
 * and {@code {"message": ...}}, as Bedrock sends them. With prompt caching on (the default), a
 * prefix up to a {@code cachePoint} (after the system prompt, or after a message: a continued
 * conversation) is written to the cache on first sight and read from it afterwards.
 *
 * <p>Thread-safe: requests are served concurrently. {@link #close()} stops the server and
 * releases requests held by {@link FakeReply#noReply()}.
 */
public final class FakeBedrockServer implements AutoCloseable {

  /** How long {@link #takeRequest()} waits. */
  public static final Duration DEFAULT_TAKE_TIMEOUT = Duration.ofSeconds(10);

  private static final Pattern CONVERSE_PATH = Pattern.compile("/model/([^/]+)/converse");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The region {@link #newAsyncClient()} signs for; the fake accepts any. */
  public static final String REGION = "us-east-1";

  private final HttpServer server;
  private final LoopbackCertificate certificate;
  private final ExecutorService executor;
  private final PromptCacheSimulation cache;
  private final ConcurrentLinkedQueue<FakeReply> replies = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<RecordedConverse> recorded = new LinkedBlockingQueue<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile ReplyRule rule;

  private FakeBedrockServer(Builder b) throws IOException {
    this.cache = b.promptCaching ? new PromptCacheSimulation(b.clock, b.cacheTtl, b.cacheMinTokens) : null;
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-bedrock-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.certificate = b.certificate;
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port);
    if (certificate != null) {
      HttpsServer https = HttpsServer.create(address, 256);
      https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
      this.server = https;
    } else {
      this.server = HttpServer.create(address, 256);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a plain-HTTP server on a free loopback port, prompt caching simulated with the system clock. */
  public static FakeBedrockServer start() {
    return builder().start();
  }

  /** Starts an HTTPS server on a free loopback port with a fresh certificate; otherwise as {@link #start()}. */
  public static FakeBedrockServer startHttps() {
    return builder().https().start();
  }

  /** A builder for a server with other settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URL to give the SDK client as {@code endpointOverride}, e.g.
   * {@code https://127.0.0.1:50123} ({@code http://} for a plain-HTTP server).
   */
  public URI endpoint() {
    return URI.create((isHttps() ? "https://" : "http://")
        + server.getAddress().getAddress().getHostAddress() + ":" + port());
  }

  /** Whether the server speaks HTTPS. */
  public boolean isHttps() {
    return certificate != null;
  }

  /**
   * The certificate the server presents.
   *
   * @throws IllegalStateException if the server speaks plain HTTP
   */
  public LoopbackCertificate certificate() {
    if (certificate == null) {
      throw new IllegalStateException("this fake Bedrock speaks plain HTTP at " + endpoint()
          + ": build it with FakeBedrockServer.builder().https() for a certificate");
    }
    return certificate;
  }

  /**
   * Trust managers that trust this server's certificate and nothing else: an SDK HTTP client takes
   * them as {@code .tlsTrustManagersProvider(server::trustManagers)}.
   *
   * @throws IllegalStateException if the server speaks plain HTTP
   */
  public TrustManager[] trustManagers() {
    return certificate().trustManagers();
  }

  /**
   * A Netty HTTP client builder this server can talk to: HTTP/1.1 without ALPN
   * ({@code ProtocolNegotiation.ASSUME_PROTOCOL}) and, for an HTTPS server, trusting its certificate.
   * Needs {@code software.amazon.awssdk:netty-nio-client}; the server itself needs no AWS SDK.
   */
  public NettyNioAsyncHttpClient.Builder httpClientBuilder() {
    return SdkClients.httpClientBuilder(this);
  }

  /**
   * A Bedrock Runtime async client builder pointed at this server: {@link #httpClientBuilder()},
   * region {@link #REGION}, static test credentials, and the SDK's retries off so each call is one
   * request (and one enqueued reply). Change what you need and build it. Needs
   * {@code software.amazon.awssdk:bedrockruntime}.
   */
  public BedrockRuntimeAsyncClientBuilder asyncClientBuilder() {
    return SdkClients.asyncClientBuilder(this);
  }

  /** {@link #asyncClientBuilder()} built: a real SDK client that talks to (and trusts) this server. Close it. */
  public BedrockRuntimeAsyncClient newAsyncClient() {
    return SdkClients.asyncClientBuilder(this).build();
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Adds replies to answer the next requests with, in order. */
  public FakeBedrockServer enqueue(FakeReply... more) {
    for (FakeReply r : more) {
      replies.add(Objects.requireNonNull(r, "reply"));
    }
    return this;
  }

  /** The rule answering requests when no enqueued reply is left; null for none. */
  public FakeBedrockServer rule(ReplyRule newRule) {
    this.rule = newRule;
    return this;
  }

  /**
   * The oldest request not yet taken, waiting up to {@link #DEFAULT_TAKE_TIMEOUT} for one.
   *
   * @throws IllegalStateException if none arrives in time
   */
  public RecordedConverse takeRequest() {
    return takeRequest(DEFAULT_TAKE_TIMEOUT);
  }

  /**
   * The oldest request not yet taken, waiting up to {@code timeout} for one.
   *
   * @throws IllegalStateException if none arrives in time
   */
  public RecordedConverse takeRequest(Duration timeout) {
    try {
      RecordedConverse r = recorded.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (r == null) {
        throw new IllegalStateException("no request arrived within " + timeout + " ("
            + requestCount() + " received in all)");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a request", e);
    }
  }

  /** How many requests the server has received. */
  public int requestCount() {
    return sequence.get();
  }

  /** Enqueued replies not used yet. */
  public int pendingReplies() {
    return replies.size();
  }

  /**
   * Forgets the enqueued replies, the rule, the requests not taken, the prompt cache and the
   * request count, so one server can serve many tests. Requests held open stay held.
   */
  public void reset() {
    replies.clear();
    rule = null;
    recorded.clear();
    if (cache != null) {
      cache.clear();
    }
    sequence.set(0);
  }

  /** Stops the server at once; requests still held open are dropped. */
  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] bodyBytes = exchange.getRequestBody().readAllBytes();
      String bodyText = new String(bodyBytes, StandardCharsets.UTF_8);
      String rawPath = exchange.getRequestURI().getRawPath();
      Matcher m = CONVERSE_PATH.matcher(rawPath);
      boolean converse = m.matches() && "POST".equals(exchange.getRequestMethod());
      String modelId = converse ? decode(m.group(1)) : null;
      JsonNode body = parse(bodyText);
      RecordedConverse request = new RecordedConverse(sequence.getAndIncrement(),
          exchange.getRequestMethod(), rawPath, modelId, exchange.getRequestHeaders(), bodyText, body);
      recorded.add(request);
      if (!converse) {
        ConverseResponses.sendError(exchange, request, 404, "UnknownOperationException", "this fake serves only POST "
            + "/model/{modelId}/converse, not " + exchange.getRequestMethod() + " " + rawPath);
        return;
      }
      if (body == null || !body.isObject()) {
        ConverseResponses.sendError(exchange, request, 400, "ValidationException", "the request body is not a JSON object");
        return;
      }
      if (!body.path("messages").isArray() || body.path("messages").isEmpty()) {
        ConverseResponses.sendError(exchange, request, 400, "ValidationException", "A conversation must start with a user message.");
        return;
      }
      answer(exchange, request, nextReply(request));
    } catch (RuntimeException e) {
      // The client sees a broken connection; nothing else sensible can be sent.
      throw new IOException("fake Bedrock failed to answer", e);
    }
  }

  private FakeReply nextReply(RecordedConverse request) {
    FakeReply queued = replies.poll();
    if (queued != null) {
      return queued;
    }
    ReplyRule r = rule;
    if (r == null) {
      return FakeReply.error(BedrockFault.INTERNAL_SERVER, "FakeBedrockServer has no reply enqueued "
          + "and no rule for request #" + request.sequence());
    }
    try {
      return Objects.requireNonNull(r.reply(request), "the reply rule returned null");
    } catch (RuntimeException e) {
      return FakeReply.error(BedrockFault.INTERNAL_SERVER, "the reply rule failed: " + e);
    }
  }

  private void answer(HttpExchange exchange, RecordedConverse request, FakeReply reply)
      throws IOException {
    if (reply.type == FakeReply.Type.NO_REPLY) {
      awaitClosing(null);
      return;
    }
    if (!reply.delay.isZero() && awaitClosing(reply.delay)) {
      return;
    }
    if (reply.type == FakeReply.Type.ERROR) {
      ConverseResponses.sendError(exchange, request, reply.fault.status(), reply.fault.errorType(), reply.message);
      return;
    }
    ConverseResponses.send(exchange, request, 200, null, ConverseResponses.modelBody(request, reply, cache));
  }

  /** Waits for the server to close, or for {@code max} if not null; true if it is closing. */
  private boolean awaitClosing(Duration max) {
    try {
      if (max == null) {
        closing.await();
        return true;
      }
      return closing.await(max.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static String decode(String segment) {
    // URLDecoder would turn a literal '+' into a space; in a path a '+' is itself.
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static JsonNode parse(String text) {
    try {
      return text.isEmpty() ? null : JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Builds a {@link FakeBedrockServer}. Not thread-safe. */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();

    private int port;
    private LoopbackCertificate certificate;
    private boolean promptCaching = true;
    private Clock clock = Clock.systemUTC();
    private Duration cacheTtl = Duration.ofMinutes(5);
    private int cacheMinTokens = -1;

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      given.once("port");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be in [0, 65535] but was " + port);
      }
      this.port = port;
      return this;
    }

    /** Speak HTTPS with a fresh {@link LoopbackCertificate} (default: plain HTTP). */
    public Builder https() {
      return https(LoopbackCertificate.create());
    }

    /** Speak HTTPS presenting {@code certificate}, e.g. one a test's clients already trust. */
    public Builder https(LoopbackCertificate certificate) {
      given.once("https");
      this.certificate = Objects.requireNonNull(certificate, "certificate");
      return this;
    }

    /** Whether to simulate prompt caching (default true). */
    public Builder promptCaching(boolean on) {
      given.once("promptCaching");
      this.promptCaching = on;
      return this;
    }

    /** The clock cache entries expire by (default the system clock). */
    public Builder clock(Clock clock) {
      given.once("clock");
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long an unused cache entry lives (default 5 minutes, Bedrock's default TTL). */
    public Builder cacheTtl(Duration ttl) {
      given.once("cacheTtl");
      Objects.requireNonNull(ttl, "cacheTtl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("cacheTtl must be > 0 but was " + ttl);
      }
      this.cacheTtl = ttl;
      return this;
    }

    /**
     * The fewest prefix tokens (estimated) a cache checkpoint needs, for every model. By default
     * per model: 4,096 for Haiku 4.5 and Opus 4.5, else 1,024.
     */
    public Builder cacheMinTokens(int tokens) {
      given.once("cacheMinTokens");
      if (tokens < 0) {
        throw new IllegalArgumentException("cacheMinTokens must be >= 0 but was " + tokens);
      }
      this.cacheMinTokens = tokens;
      return this;
    }

    /**
     * Starts the server.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public FakeBedrockServer start() {
      try {
        return new FakeBedrockServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the fake Bedrock server on port " + port
            + (certificate != null ? " (HTTPS)" : ""), e);
      }
    }
  }
}
