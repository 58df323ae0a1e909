package io.skymarshal.testkit.model;

import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.core.Ticker;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.prompt.TokenCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A model with a model's latency and a model's prompt cache, answering by rules: each call is
 * answered by an answerer (default {@link OfflineModel}, the airline rules) from the readable
 * twin of what was sent ({@link PromptTwins}, so VERBOSE prompts are answered too), its tokens
 * are counted on what was really sent, the prompt cache is applied as Bedrock applies it, and the
 * reply completes after the call's latency under its {@link LatencyProfile}, multiplied by the
 * time scale.
 *
 * <p>Tokens: input = reply schema (a tool definition) + system prompt + messages, output = the
 * reply, counted with a {@link TokenCounter} (default cl100k_base, the proxy for Claude's).
 *
 * <p>Prompt cache, as Bedrock and Anthropic describe it: a checkpoint after the system prompt
 * (when {@link ModelRequest#cacheSystemPrompt()}) and after each message with
 * {@link Message#cachePoint()}, at most four; one whose prefix (everything before it) is below
 * the model's {@link io.skymarshal.model.ModelProfile#minCacheTokens()} is ignored. The longest
 * prefix at a checkpoint that is in the cache and fresh is read; from there to the last valid
 * checkpoint is written; every valid checkpoint is then fresh for the time to live (default 5
 * minutes of model time, renewed by each use).
 *
 * <p>Time: latencies are model time. With time scale {@code s > 0} a reply completes after
 * {@code s} times its latency of wall time, and the cache's clock is the ticker's time divided by
 * {@code s}; with {@code s = 0} (the default) replies complete at once and the cache's clock is
 * {@link #advance advanced} by hand. Jitter is drawn from a random source seeded with the seed and
 * the request itself, so the same request has the same latency whatever the order of calls.
 *
 * <p>Every call is recorded ({@link #drainCalls()}). Thread-safe.
 */
public final class SimulatedModel implements ModelClient {
  /** Bedrock's limit on cache checkpoints in one request. */
  static final int MAX_CACHE_POINTS = 4;

  /** One call as the simulation saw it: what it cost and how long it took, in model time. */
  public record Call(String agent, io.skymarshal.core.Phase phase, String modelId, TokenUsage usage, Duration latency) {}

  private final ModelClient answerer;
  private final Function<String, LatencyProfile> profiles;
  private final PromptTwins twins;
  private final TokenCounter tokens;
  private final double timeScale;
  private final long seed;
  private final Duration cacheTtl;
  private final Ticker ticker;
  private final long startNanos;
  private volatile long manualNanos;
  private final Map<String, Long> cache = new ConcurrentHashMap<>();
  private final List<Call> calls = new ArrayList<>();

  private SimulatedModel(Builder b) {
    this.answerer = b.answerer != null ? b.answerer : OfflineModel.create();
    this.profiles = b.profiles;
    this.twins = b.twins;
    this.tokens = b.tokens;
    this.timeScale = b.timeScale;
    this.seed = b.seed;
    this.cacheTtl = b.cacheTtl;
    this.ticker = b.ticker;
    this.startNanos = ticker.read();
    tokens.count("warm-up");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The profile of Claude Sonnet 4.5 for every model id but those naming Haiku, which get Haiku 4.5's. */
  public static LatencyProfile claudeProfile(String modelId) {
    return modelId.contains("haiku") ? LatencyProfile.CLAUDE_HAIKU_4_5 : LatencyProfile.CLAUDE_SONNET_4_5;
  }

  @Override
  public CompletableFuture<ModelReply> call(ModelRequest request) {
    Objects.requireNonNull(request, "request");
    ModelRequest readable = twins.readable(request);
    return answerer.call(readable).thenCompose(answer -> {
      TokenUsage usage = usage(request, answer.text());
      Duration latency = profiles.apply(request.modelId()).latency(usage, random(request));
      synchronized (calls) {
        calls.add(new Call(request.agent(), request.phase(), request.modelId(), usage, latency));
      }
      ModelReply reply = new ModelReply(answer.text(), usage, request.modelId(), answer.stopReason());
      long wait = Math.round(latency.toNanos() * timeScale);
      if (wait <= 0) {
        return CompletableFuture.completedFuture(reply);
      }
      // complete on the delay timer's own thread, not one new thread per reply
      return CompletableFuture.supplyAsync(() -> reply,
          CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, Runnable::run));
    });
  }

  /** The calls recorded since the last drain, in the order they were answered; clears the record. */
  public List<Call> drainCalls() {
    synchronized (calls) {
      List<Call> out = List.copyOf(calls);
      calls.clear();
      return out;
    }
  }

  /** Forgets every cache entry. */
  public void clearCache() {
    cache.clear();
  }

  /** Moves the cache's clock on by {@code d}; only with time scale 0, where nothing else moves it. */
  public void advance(Duration d) {
    if (timeScale > 0) {
      throw new IllegalStateException("with a time scale the ticker moves the clock");
    }
    manualNanos += d.toNanos();
  }

  private long modelNanos() {
    return timeScale > 0 ? Math.round((ticker.read() - startNanos) / timeScale) : manualNanos;
  }

  private SplittableRandom random(ModelRequest request) {
    long h = seed;
    h = 31 * h + request.agent().hashCode();
    h = 31 * h + request.phase().ordinal();
    h = 31 * h + request.modelId().hashCode();
    for (Message m : request.messages()) {
      h = 31 * h + m.text().hashCode();
    }
    return new SplittableRandom(h);
  }

  /** What the call is billed, with the prompt cache applied. */
  TokenUsage usage(ModelRequest request, String reply) {
    long schema = request.replyFormat() == null ? 0 : tokens.count(request.replyFormat().jsonSchema());
    long system = tokens.count(request.systemPrompt());
    long output = tokens.count(reply);
    int min = request.profile().minCacheTokens();
    // each checkpoint: the tokens before it and the text that identifies that prefix
    List<long[]> points = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    StringBuilder prefix = new StringBuilder(request.modelId()).append('\u0000')
        .append(request.replyFormat() == null ? "" : request.replyFormat().jsonSchema()).append('\u0000')
        .append(request.systemPrompt());
    long total = schema + system;
    if (request.cacheSystemPrompt()) {
      addPoint(points, keys, total, prefix, min);
    }
    for (Message m : request.messages()) {
      total += tokens.count(m.text());
      prefix.append('\u0000').append(m.role()).append('\u0000').append(m.text());
      if (m.cachePoint()) {
        addPoint(points, keys, total, prefix, min);
      }
    }
    if (points.isEmpty()) {
      return new TokenUsage(total, output, 0, 0);
    }
    long now = modelNanos();
    long read = 0;
    for (int i = points.size() - 1; i >= 0; i--) {
      Long expiry = cache.get(keys.get(i));
      if (expiry != null && now < expiry) {
        read = points.get(i)[0];
        break;
      }
    }
    long write = points.get(points.size() - 1)[0] - read;
    long until = now + cacheTtl.toNanos();
    keys.forEach(k -> cache.put(k, until));
    return new TokenUsage(total - read - write, output, read, write);
  }

  private static void addPoint(List<long[]> points, List<String> keys, long tokensBefore, StringBuilder prefix, int min) {
    if (min > 0 && tokensBefore >= min && points.size() < MAX_CACHE_POINTS) {
      points.add(new long[] {tokensBefore});
      keys.add(prefix.toString());
    }
  }

  /** Builds a {@link SimulatedModel}. Not thread-safe. */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();
    private ModelClient answerer;
    private Function<String, LatencyProfile> profiles = SimulatedModel::claudeProfile;
    private PromptTwins twins = new PromptTwins();
    private TokenCounter tokens = TokenCounter.cl100k();
    private double timeScale = 0;
    private long seed = 42;
    private Duration cacheTtl = Duration.ofMinutes(5);
    private Ticker ticker = Ticker.system();

    private Builder() {}

    /** Who decides the replies; default {@link OfflineModel#create()}. Its usage and latency are ignored. */
    public Builder answerer(ModelClient answerer) {
      given.once("answerer");
      this.answerer = Objects.requireNonNull(answerer, "answerer");
      return this;
    }

    /** The latency profile of each model id; default {@link SimulatedModel#claudeProfile}. */
    public Builder profiles(Function<String, LatencyProfile> profiles) {
      given.once("profiles");
      this.profiles = Objects.requireNonNull(profiles, "profiles");
      return this;
    }

    /** Where the readable twins of sent prompts are; default an empty set (every prompt is read as sent). */
    public Builder twins(PromptTwins twins) {
      given.once("twins");
      this.twins = Objects.requireNonNull(twins, "twins");
      return this;
    }

    /** How tokens are counted; default cl100k_base. */
    public Builder tokenCounter(TokenCounter tokens) {
      given.once("tokenCounter");
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * Wall time per model time: 0.01 lets a 20-second run take 200 ms. Default 0: replies complete
     * at once (tests).
     *
     * @throws IllegalArgumentException if negative or more than 1
     */
    public Builder timeScale(double timeScale) {
      given.once("timeScale");
      if (!(timeScale >= 0 && timeScale <= 1)) {
        throw new IllegalArgumentException("timeScale must be in [0, 1] but was " + timeScale);
      }
      this.timeScale = timeScale;
      return this;
    }

    /** The seed of the jitter; default 42. */
    public Builder seed(long seed) {
      given.once("seed");
      this.seed = seed;
      return this;
    }

    /** How long an unused cache entry stays fresh, in model time; default 5 minutes (Bedrock's default). */
    public Builder cacheTtl(Duration ttl) {
      given.once("cacheTtl");
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("cacheTtl must be > 0 but was " + ttl);
      }
      this.cacheTtl = ttl;
      return this;
    }

    /** The wall clock the time scale divides; default {@link Ticker#system()}. */
    public Builder ticker(Ticker ticker) {
      given.once("ticker");
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    public SimulatedModel build() {
      return new SimulatedModel(this);
    }
  }
}
