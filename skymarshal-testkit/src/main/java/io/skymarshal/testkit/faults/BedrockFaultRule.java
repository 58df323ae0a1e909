package io.skymarshal.testkit.faults;

import io.skymarshal.testkit.bedrock.BedrockFault;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.FakeReply;
import io.skymarshal.testkit.bedrock.RecordedConverse;
import io.skymarshal.testkit.bedrock.ReplyRule;
import io.skymarshal.model.Message;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A {@link ReplyRule} for a {@link FakeBedrockServer} that answers with another rule (e.g. the
 * offline model's, {@code ModelClientRule}) except where it injects a fault: transient errors at a
 * rate, a storm of throttling at the start, no reply at all for chosen agents, and malformed
 * replies for chosen agents, once or always.
 *
 * <p>Which request gets a fault does not depend on the order in which concurrent requests arrive
 * (except for the storm, which hits the first requests to arrive): each request is identified by
 * its <em>conversation</em>, the forced tool, the model and the first user message, and by how
 * many requests of that conversation came before it (its attempt: the engine's retries and its
 * re-ask after a malformed reply share the conversation). A transient fault is drawn from a seeded
 * hash of both, so the same seed gives the same faults on the same prompts.
 *
 * <p>The agent of a request is read from the forced tool's name as {@code ModelClientRule} reads
 * it: {@code crew_compliance_reply} is {@code crew_compliance}, {@code arbitrator_ruling} is
 * {@code arbitrator}. Faults are checked in this order: hang, storm, malformed, transient. It
 * remembers a hash of every conversation it saw: use one instance per test or run. Thread-safe.
 */
public final class BedrockFaultRule implements ReplyRule {

  /** What the rule injected. */
  public enum Injected {
    /** A transient error: throttling, 503, 500, 408 or model not ready, drawn at the transient rate. */
    TRANSIENT,
    /** A ThrottlingException of the storm at the start. */
    STORM,
    /** No reply: the request is held until the client gives up or the server closes. */
    HANG,
    /** A reply that is not the agreed reply format. */
    MALFORMED
  }

  /** How often a malformed-reply agent's replies are malformed. */
  public enum Malformed {
    /** The first reply of each conversation: the engine's re-ask gets a good one. */
    ONCE,
    /** Every reply. */
    ALWAYS
  }

  private static final List<BedrockFault> TRANSIENT = List.of(BedrockFault.THROTTLING,
      BedrockFault.SERVICE_UNAVAILABLE, BedrockFault.INTERNAL_SERVER, BedrockFault.MODEL_TIMEOUT,
      BedrockFault.MODEL_NOT_READY);

  private final ReplyRule answer;
  private final long seed;
  private final double transientRate;
  private final int stormRequests;
  private final Set<String> hung;
  private final Set<String> malformedAgents;
  private final Malformed malformed;
  private final Predicate<RecordedConverse> scope;
  private final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final AtomicInteger arrivals = new AtomicInteger();
  private final Map<Injected, AtomicLong> injected = new EnumMap<>(Injected.class);

  private BedrockFaultRule(Builder b) {
    this.answer = b.answer;
    this.seed = b.seed;
    this.transientRate = b.transientRate;
    this.stormRequests = b.stormRequests;
    this.hung = Set.copyOf(b.hung);
    this.malformedAgents = Set.copyOf(b.malformedAgents);
    this.malformed = b.malformed;
    this.scope = b.scope;
    for (Injected i : Injected.values()) {
      injected.put(i, new AtomicLong());
    }
  }

  /** A rule that answers with {@code answer} and injects nothing until told to. */
  public static Builder builder(ReplyRule answer) {
    return new Builder(answer);
  }

  @Override
  public FakeReply reply(RecordedConverse request) {
    int arrival = arrivals.getAndIncrement();
    if (!scope.test(request)) {
      return answer.reply(request);
    }
    String agent = request.forcedTool().map(BedrockFaultRule::agentOf).orElse("");
    long conversation = conversation(request);
    int attempt = attempts.computeIfAbsent(conversation, k -> new AtomicInteger()).getAndIncrement();
    if (matches(hung, agent)) {
      return count(Injected.HANG, FakeReply.noReply());
    }
    if (arrival < stormRequests) {
      return count(Injected.STORM, FakeReply.error(BedrockFault.THROTTLING));
    }
    if (malformed != null && matches(malformedAgents, agent) && (malformed == Malformed.ALWAYS || attempt == 0)) {
      return count(Injected.MALFORMED, malformedReply(request, mix(seed, conversation, attempt)));
    }
    if (transientRate > 0) {
      long h = mix(seed ^ 0x7A5E, conversation, attempt);
      if (unit(h) < transientRate) {
        BedrockFault fault = TRANSIENT.get((int) Long.remainderUnsigned(h >>> 11, TRANSIENT.size()));
        return count(Injected.TRANSIENT, FakeReply.error(fault));
      }
    }
    return answer.reply(request);
  }

  /** How many faults of {@code kind} were injected. */
  public long injected(Injected kind) {
    return injected.get(kind).get();
  }

  /** Faults injected in all. */
  public long injectedTotal() {
    return injected.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** Requests seen. */
  public int requests() {
    return arrivals.get();
  }

  private FakeReply count(Injected kind, FakeReply reply) {
    injected.get(kind).incrementAndGet();
    return reply;
  }

  private static boolean matches(Set<String> agents, String agent) {
    return agents.contains(agent) || agents.contains(Builder.ALL);
  }

  private static FakeReply malformedReply(RecordedConverse request, long h) {
    String tool = request.forcedTool().orElse(null);
    // the ways real models miss a reply format: prose instead of the tool, or the tool with values out of range
    if (tool == null || (h & 1) == 0) {
      return FakeReply.text("Given everything above I would probably wait and see.").withStopReason("end_turn")
          .withUsage(120, 15);
    }
    return FakeReply.toolUse(tool, "{\"action\":\"PROBABLY_FINE\",\"confidence\":7,\"reasoning\":\"looks ok\"}")
        .withUsage(120, 15);
  }

  /** {@code crew_compliance_reply} is {@code crew_compliance}; {@code arbitrator_ruling} is {@code arbitrator}. */
  static String agentOf(String toolName) {
    if (toolName.equals("arbitrator_ruling")) {
      return "arbitrator";
    }
    return toolName.endsWith("_reply") ? toolName.substring(0, toolName.length() - "_reply".length()) : toolName;
  }

  /** A 64-bit hash of what stays the same across the retries and the re-ask of one agent call. */
  static long conversation(RecordedConverse request) {
    List<Message> messages = request.messages();
    String first = messages.isEmpty() ? "" : messages.get(0).text();
    long h = 0xcbf29ce484222325L;
    for (String s : new String[] {request.forcedTool().orElse(""), String.valueOf(request.modelId()), first}) {
      for (int i = 0; i < s.length(); i++) {
        h = (h ^ s.charAt(i)) * 0x100000001b3L;
      }
      h = (h ^ 0xFF) * 0x100000001b3L;
    }
    return h;
  }

  /** splitmix64 of the inputs. */
  static long mix(long seed, long conversation, int attempt) {
    long z = seed + 0x9E3779B97F4A7C15L * (conversation * 31 + attempt + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  /** Configures a {@link BedrockFaultRule}; by default it injects nothing. Not thread-safe. */
  public static final class Builder {
    /** Stands for every agent in {@link #hang} and {@link #malformed}. */
    public static final String ALL = "*";

    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();
    private final ReplyRule answer;
    private long seed = 42;
    private double transientRate;
    private int stormRequests;
    private Set<String> hung = Set.of();
    private Set<String> malformedAgents = Set.of();
    private Malformed malformed;
    private Predicate<RecordedConverse> scope = r -> true;

    private Builder(ReplyRule answer) {
      this.answer = Objects.requireNonNull(answer, "answer");
    }

    /** The seed of the transient faults and of the kind of malformed reply. Default 42. */
    public Builder seed(long seed) {
      given.once("seed");
      this.seed = seed;
      return this;
    }

    /** The fraction of requests (0..1) answered with a transient error. Default 0. */
    public Builder transientRate(double rate) {
      given.once("transientRate");
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("transient rate must be in [0, 1] but was " + rate);
      }
      this.transientRate = rate;
      return this;
    }

    /** The first {@code requests} requests to arrive get ThrottlingException, then none. Default 0. */
    public Builder storm(int requests) {
      given.once("storm");
      if (requests < 0) {
        throw new IllegalArgumentException("storm requests must be >= 0 but was " + requests);
      }
      this.stormRequests = requests;
      return this;
    }

    /** Requests of these agents ({@link #ALL} for every one) get no reply. Default none. */
    public Builder hang(String... agents) {
      given.once("hang");
      this.hung = Set.of(agents);
      return this;
    }

    /** Replies to these agents ({@link #ALL} for every one) are malformed, {@code how} often. Default none. */
    public Builder malformed(Malformed how, String... agents) {
      given.once("malformed");
      this.malformed = Objects.requireNonNull(how, "how");
      this.malformedAgents = Set.of(agents);
      return this;
    }

    /**
     * Faults fall only on requests {@code requests} accepts (e.g. one phase's, by the root element
     * of the first user message); the others are answered and count toward nothing. Default every
     * request.
     */
    public Builder scope(Predicate<RecordedConverse> requests) {
      given.once("scope");
      this.scope = Objects.requireNonNull(requests, "requests");
      return this;
    }

    public BedrockFaultRule build() {
      return new BedrockFaultRule(this);
    }
  }
}
