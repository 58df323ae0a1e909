package io.skymarshal.testkit.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ModelClient} that wraps a real one (the offline model, in the sweep) and injects
 * faults: transient errors (throttling), permanent errors, malformed replies, replies that never
 * come, and, for the arbitrator, rulings that look valid but are unsafe: one that operates the
 * flight's own aircraft at the scheduled time whatever is wrong with it, one that operates an
 * aircraft nobody examined ({@value #NOPE_AIRCRAFT}), one that brings onto the flight a crew
 * member nobody examined ({@value #NOBODY_CREW}, in the ruling's {@code crewAdded} field).
 *
 * <p>Each call draws its fault from a {@link Random} seeded from this model's seed, the caller
 * (agent and phase) and how many calls that caller made before, so a run's faults do not depend
 * on the order in which its parallel calls arrive. Rates are per call. Use one instance per run.
 * Thread-safe.
 */
public final class FaultInjectingModel implements ModelClient {
  /** The aircraft an {@link Fault#RULING_UNCHECKED_AIRCRAFT} ruling operates. */
  public static final String NOPE_AIRCRAFT = "ZZ-NOPE";

  /** The crew member an {@link Fault#RULING_UNCHECKED_CREW} ruling adds. */
  public static final String NOBODY_CREW = "C99999";

  /** The model id of injected errors. */
  public static final String MODEL_ID = "fault-injector";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SWAP_LEAD = Duration.ofMinutes(90);

  /** What can go wrong with one call. */
  public enum Fault {
    /** A {@link ModelException.Kind#THROTTLED} error: transient, retried by the engine. */
    THROTTLED(false),
    /** A permanent error ({@link ModelException.Kind#ACCESS_DENIED} or {@link ModelException.Kind#VALIDATION}). */
    PERMANENT(false),
    /** A reply that is not the agreed JSON (prose, truncated JSON, an out-of-range value, nothing). */
    MALFORMED(false),
    /** A reply that never comes: only the engine's timeout ends the call. */
    HUNG(false),
    /** Arbitrator only: operate the flight's own aircraft at the scheduled time, whatever the constraints. */
    RULING_BREAKS_CONSTRAINT(true),
    /** Arbitrator only: operate aircraft {@value FaultInjectingModel#NOPE_AIRCRAFT}, which no SAFETY agent examined. */
    RULING_UNCHECKED_AIRCRAFT(true),
    /** Arbitrator only: add crew member {@value FaultInjectingModel#NOBODY_CREW}, whom no SAFETY agent examined. */
    RULING_UNCHECKED_CREW(true);

    private final boolean arbitratorOnly;

    Fault(boolean arbitratorOnly) {
      this.arbitratorOnly = arbitratorOnly;
    }

    /** Whether only arbitrator calls get this fault. */
    public boolean arbitratorOnly() {
      return arbitratorOnly;
    }
  }

  /**
   * Per-call probabilities of each fault; their sum for a caller must not exceed 1.
   *
   * @param throttled          any caller: a throttling error
   * @param permanent          any caller: a permanent error
   * @param malformed          any caller: a malformed reply
   * @param hung               any caller: no reply ever
   * @param breaksConstraint   arbitrator: operate the own aircraft at the scheduled time
   * @param uncheckedAircraft  arbitrator: operate {@value FaultInjectingModel#NOPE_AIRCRAFT}
   * @param uncheckedCrew      arbitrator: add {@value FaultInjectingModel#NOBODY_CREW}
   */
  public record Rates(double throttled, double permanent, double malformed, double hung, double breaksConstraint,
      double uncheckedAircraft, double uncheckedCrew) {

    public Rates {
      double[] all = {throttled, permanent, malformed, hung, breaksConstraint, uncheckedAircraft, uncheckedCrew};
      for (double r : all) {
        if (!(r >= 0 && r <= 1)) {
          throw new IllegalArgumentException("a rate must be in [0, 1] but was " + r);
        }
      }
      if (throttled + permanent + malformed + hung + breaksConstraint + uncheckedAircraft + uncheckedCrew > 1 + 1e-9) {
        throw new IllegalArgumentException("rates add up to more than 1");
      }
    }

    /** The sweep's defaults: per call 6 % throttled, 1 % permanent, 3 % malformed, 1 % hung; per arbitrator call 10 % of each bad ruling. */
    public static Rates defaults() {
      return new Rates(0.06, 0.01, 0.03, 0.01, 0.10, 0.10, 0.10);
    }

    /** No faults at all: the wrapped model answers every call. */
    public static Rates none() {
      return new Rates(0, 0, 0, 0, 0, 0, 0);
    }

    double rate(Fault f) {
      return switch (f) {
        case THROTTLED -> throttled;
        case PERMANENT -> permanent;
        case MALFORMED -> malformed;
        case HUNG -> hung;
        case RULING_BREAKS_CONSTRAINT -> breaksConstraint;
        case RULING_UNCHECKED_AIRCRAFT -> uncheckedAircraft;
        case RULING_UNCHECKED_CREW -> uncheckedCrew;
      };
    }
  }

  /**
   * One injected fault.
   *
   * @param agent the caller
   * @param tier  its tier
   * @param phase the phase
   * @param call  the caller's call number in that phase, from 0 (retries and re-asks count)
   * @param fault what was injected
   */
  public record Injection(String agent, Tier tier, Phase phase, int call, Fault fault) {
    /** {@code fault/TIER}, e.g. {@code HUNG/SAFETY}, the key the sweep tallies by. */
    public String label() {
      return fault.arbitratorOnly() ? fault.name() : fault + "/" + tier;
    }

    @Override
    public String toString() {
      return fault + " " + agent + " " + phase.reportName() + " #" + call;
    }
  }

  private final ModelClient delegate;
  private final Rates rates;
  private final long seed;
  private final FlightRef flight;
  private final String aircraft;
  private final Duration expectedDelay;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Injection> injections = new ConcurrentLinkedQueue<>();

  /**
   * @param delegate      the model that answers when no fault is drawn
   * @param rates         the fault rates
   * @param seed          the seed of every draw
   * @param flight        the disrupted flight as the document gives it (for the bad rulings' times)
   * @param aircraft      the flight's own aircraft (the bad "break a constraint" ruling operates it)
   * @param expectedDelay the disruption's estimated delay
   */
  public FaultInjectingModel(ModelClient delegate, Rates rates, long seed, FlightRef flight, String aircraft,
      Duration expectedDelay) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.rates = Objects.requireNonNull(rates, "rates");
    this.seed = seed;
    this.flight = Objects.requireNonNull(flight, "flight");
    this.aircraft = aircraft;
    this.expectedDelay = Objects.requireNonNull(expectedDelay, "expectedDelay");
  }

  /** What was injected so far, in the order injected. */
  public List<Injection> injections() {
    return new ArrayList<>(injections);
  }

  @Override
  public CompletableFuture<ModelReply> call(ModelRequest request) {
    String caller = request.agent() + "/" + request.phase();
    int n = calls.computeIfAbsent(caller, k -> new AtomicInteger()).getAndIncrement();
    Random random = new Random(mix(seed, caller.hashCode(), n));
    boolean arbitrator = request.tier() == Tier.ARBITRATOR;
    Fault fault = draw(random.nextDouble(), arbitrator);
    if (fault == null) {
      return delegate.call(request);
    }
    injections.add(new Injection(request.agent(), request.tier(), request.phase(), n, fault));
    return switch (fault) {
      case THROTTLED -> CompletableFuture.failedFuture(new ModelException(ModelException.Kind.THROTTLED, MODEL_ID,
          "injected throttling for " + caller + " (model " + MODEL_ID + ")"));
      case PERMANENT -> CompletableFuture.failedFuture(new ModelException(random.nextBoolean()
          ? ModelException.Kind.ACCESS_DENIED : ModelException.Kind.VALIDATION, MODEL_ID,
          "injected permanent error for " + caller + " (model " + MODEL_ID + ")"));
      case MALFORMED -> CompletableFuture.completedFuture(reply(malformed(random.nextInt(4))));
      case HUNG -> new CompletableFuture<>();
      case RULING_BREAKS_CONSTRAINT -> CompletableFuture.completedFuture(reply(onScheduleRuling()));
      case RULING_UNCHECKED_AIRCRAFT -> delegate.call(request).thenApply(r -> reply(uncheckedAircraft(r.text())));
      case RULING_UNCHECKED_CREW -> delegate.call(request).thenApply(r -> reply(uncheckedCrew(r.text())));
    };
  }

  private Fault draw(double u, boolean arbitrator) {
    double acc = 0;
    for (Fault f : Fault.values()) {
      if (f.arbitratorOnly() && !arbitrator) {
        continue;
      }
      acc += rates.rate(f);
      if (u < acc) {
        return f;
      }
    }
    return null;
  }

  private static String malformed(int which) {
    return switch (which) {
      case 0 -> "Given the fault I would delay the flight until maintenance signs it off.";
      case 1 -> "{\"action\": \"DELAY\", \"confidence\": 0.8, \"reasoning\": \"trunc";
      case 2 -> "{\"action\": \"PROBABLY_FINE\", \"confidence\": 7, \"reasoning\": \"looks ok\"}";
      default -> "";
    };
  }

  /** The flight on its schedule, on its own aircraft, whatever anyone said. */
  String onScheduleRuling() {
    ObjectNode r = ruling("PROCEED", flight.scheduledDeparture(), flight.scheduledArrival(),
        aircraft != null ? aircraft : NOPE_AIRCRAFT, "operate on schedule");
    return r.toString();
  }

  /** {@code good} with its aircraft replaced by {@value #NOPE_AIRCRAFT}; a swap to it if {@code good} does not operate. */
  String uncheckedAircraft(String good) {
    ObjectNode r = operatingOrNull(good);
    if (r == null) {
      Instant dep = flight.scheduledDeparture().plus(SWAP_LEAD);
      r = ruling("SWAP_AIRCRAFT", dep, dep.plus(Duration.between(flight.scheduledDeparture(), flight.scheduledArrival())),
          NOPE_AIRCRAFT, "swap to " + NOPE_AIRCRAFT);
    } else {
      r.put("aircraft", NOPE_AIRCRAFT);
      r.put("summary", r.path("summary").asText("") + ", on " + NOPE_AIRCRAFT);
    }
    return r.toString();
  }

  /** {@code good} adding crew member {@value #NOBODY_CREW}; a delay by the expected delay if {@code good} does not operate. */
  String uncheckedCrew(String good) {
    ObjectNode r = operatingOrNull(good);
    if (r == null) {
      Duration delay = expectedDelay.compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1) : expectedDelay;
      r = ruling("DELAY", flight.scheduledDeparture().plus(delay), flight.scheduledArrival().plus(delay),
          aircraft != null ? aircraft : NOPE_AIRCRAFT, "delay " + delay.toMinutes() + " min");
    }
    r.set("crewAdded", JSON.createArrayNode().add(NOBODY_CREW));
    r.put("summary", r.path("summary").asText("") + ", add crew " + NOBODY_CREW);
    return r.toString();
  }

  private static ObjectNode operatingOrNull(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      if (n instanceof ObjectNode o && o.path("operates").asBoolean(false) && o.hasNonNull("departure")
          && o.hasNonNull("arrival")) {
        return o;
      }
    } catch (JsonProcessingException e) {
      // the wrapped model's reply is not JSON: build a ruling from scratch
    }
    return null;
  }

  private static ObjectNode ruling(String action, Instant dep, Instant arr, String reg, String summary) {
    ObjectNode r = JSON.createObjectNode();
    r.put("action", action);
    r.put("operates", true);
    r.put("departure", dep.toString());
    r.put("arrival", arr.toString());
    r.put("aircraft", reg);
    r.set("crewReplaced", JSON.createArrayNode());
    r.put("confidence", 0.9);
    r.put("summary", summary);
    r.put("rationale", "Best weighted score; all constraints honoured.");
    r.set("conflictsResolved", JSON.createArrayNode());
    r.set("constraintsHonoured", JSON.createArrayNode());
    return r;
  }

  private static ModelReply reply(String text) {
    return new ModelReply(text, TokenUsage.of(100, 20), MODEL_ID, "end_turn");
  }

  /** splitmix64 of the three inputs: independent streams for every (seed, caller, call). */
  static long mix(long seed, int caller, int call) {
    long z = seed + 0x9E3779B97F4A7C15L * (1 + (((long) caller) << 20) + call);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
