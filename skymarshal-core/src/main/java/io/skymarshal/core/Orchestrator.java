package io.skymarshal.core;

import io.skymarshal.core.internal.EngineConfig;
import io.skymarshal.core.internal.RunEngine;
import io.skymarshal.core.internal.StoredRuns;
import io.skymarshal.core.internal.ThreadSupport;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelRouting;
import io.skymarshal.store.DecisionOutcome;
import io.skymarshal.store.DecisionStore;
import io.skymarshal.store.StoredRunPolicy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * Runs the three phases of a disruption decision: every agent in parallel (Phase 1), every agent
 * again seeing the others' recommendations (Phase 2), then the arbitrator (Phase 3), with
 * per-tier timeouts and retries, and the failure policy of {@link Decision}.
 *
 * <pre>{@code
 * try (Orchestrator o = Orchestrator.builder()
 *     .agents(AirlineAgents.all())
 *     .arbitrator(AirlineAgents.arbitrator())
 *     .modelClient(client)
 *     .data(dataAccess)
 *     .build()) {
 *   Decision d = o.run(disruption);
 * }
 * }</pre>
 *
 * <p>Thread-safe: one orchestrator serves any number of concurrent runs. It owns its thread pool
 * unless one is given with {@link Builder#executor}: virtual threads on Java 21+, a bounded pool of
 * daemon threads on Java 17. {@link #close()} shuts an owned pool down; it does not close the
 * model client or the data.
 */
public final class Orchestrator implements AutoCloseable {
  private final RunEngine engine;
  private final ExecutorService ownedExecutor;
  private final StoredRuns storedRuns;

  private Orchestrator(EngineConfig config, ExecutorService ownedExecutor, DecisionStore store, StoredRunPolicy policy) {
    this.engine = new RunEngine(config);
    this.ownedExecutor = ownedExecutor;
    Map<String, Tier> tiers = new HashMap<>();
    config.agents().forEach(a -> tiers.put(a.name(), a.tier()));
    this.storedRuns = store == null ? null : new StoredRuns(engine, store, policy, tiers);
  }

  /** A builder with the defaults: {@link ModelRouting#defaults()}, {@link AgentPolicy#defaults}, no data, no listener. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Decides about {@code disruption}, blocking until done. Failures of agents are part of the
   * returned {@link Decision} (DEGRADED or HALTED), not exceptions.
   *
   * @throws SkyMarshalException only for a fault of the engine itself, never for an agent's failure,
   *                             or if the calling thread is interrupted, which cancels the run
   *                             (see {@link #runAsync})
   */
  public Decision run(Disruption disruption) {
    CompletableFuture<Decision> future = runAsync(disruption);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new SkyMarshalException("interrupted while deciding " + disruption.id() + "; the run was cancelled", false, e);
    } catch (ExecutionException | CompletionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof SkyMarshalException s) {
        throw s;
      }
      throw new SkyMarshalException("run of " + disruption.id() + " failed: " + cause, false, cause);
    }
  }

  /**
   * Decides about {@code disruption} without blocking; see {@link #run}.
   *
   * <p>Cancelling the returned future cancels the run: its in-flight model calls are cancelled
   * (and their pending retries), no further agent, phase or arbitration starts, and listeners
   * hear {@link RunListener#onRunCancelled} with the report so far once the cancelled calls'
   * outcomes are final. A read already running in an agent's gather finishes on its thread, but
   * its result is dropped and no model call follows it. A cancel that comes as the run ends may
   * find it decided: listeners then hear {@link RunListener#onRunCompleted}.
   */
  public CompletableFuture<Decision> runAsync(Disruption disruption) {
    Objects.requireNonNull(disruption, "disruption");
    return engine.run(disruption);
  }

  /**
   * Decides about {@code disruption} once per document, through the {@link Builder#decisionStore}:
   * the first caller for a document (its id and {@link io.skymarshal.store.DocumentHash}) runs it and
   * stores the decision; callers after it get the stored decision; a caller while another run of
   * the same document is in flight, here or on another instance, waits for its decision up to
   * {@link StoredRunPolicy#awaitDecision()}. A run whose owner stopped is taken over once its lease
   * expires, resuming after the last phase it checkpointed (the report's
   * {@link RunReport#resumedPhases()} says which); resumed recommendations go through the same
   * clearance, binding-constraint and plan checks as fresh ones. A checkpoint that cannot be read
   * is not used: its phase runs again (and a warning says why). Blocks until done.
   *
   * @throws IllegalStateException if the orchestrator has no decision store
   * @throws io.skymarshal.store.DecisionPendingException if another owner's run did not finish
   *                             within the wait (retryable)
   * @throws io.skymarshal.store.LeaseLostException if this run's lease was taken over mid-run
   * @throws io.skymarshal.store.DecisionStoreException if the store failed
   * @throws SkyMarshalException for a fault of the engine, as {@link #run}
   */
  public DecisionOutcome decide(Disruption disruption) {
    Objects.requireNonNull(disruption, "disruption");
    if (storedRuns == null) {
      throw new IllegalStateException("decide needs a decision store: set Orchestrator.builder().decisionStore(...)");
    }
    return storedRuns.decide(disruption);
  }

  /**
   * Shuts down the thread pool the orchestrator created, if any: queued work finishes, new runs
   * should not be started. Stops renewing the leases of runs through the decision store.
   */
  @Override
  public void close() {
    if (storedRuns != null) {
      storedRuns.close();
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  /**
   * Builds an {@link Orchestrator}. Not thread-safe. Each setter checks its argument at once and
   * says which setting was wrong; a setting given twice fails, naming it and its first value, so
   * a later line can never silently undo an earlier one (agents and listeners add up; a policy is
   * one setting per tier and phase, or per agent). {@link #build()} checks that every name in
   * {@link #agentPolicy} and in the routing's per-agent overrides is an agent or the arbitrator.
   */
  public static final class Builder {
    private static final Pattern AGENT_NAME = Pattern.compile("[a-z0-9_]+");

    private final List<AgentSpec<?>> agents = new ArrayList<>();
    private final Set<String> agentNames = new HashSet<>();
    private ArbitratorSpec arbitrator;
    private ModelRouting routing = ModelRouting.defaults();
    private ModelClient modelClient;
    private DataAccess data = DataAccess.none();
    private final List<RunListener> listeners = new ArrayList<>();
    private final List<io.skymarshal.core.spi.ContextPropagator> propagators = new ArrayList<>();
    private Executor executor;
    private final Map<Tier, Map<Phase, AgentPolicy>> tierPolicies = new EnumMap<>(Tier.class);
    private final Map<String, AgentPolicy> agentPolicies = new HashMap<>();
    private Ticker ticker = Ticker.system();
    private Random random = new Random();
    private double reviewThreshold = 0.5;
    private io.skymarshal.model.ModelLimits modelLimits = io.skymarshal.model.ModelLimits.unlimited();
    private final Map<Tier, Hedging> hedging = new EnumMap<>(Tier.class);
    private DecisionStore decisionStore;
    private StoredRunPolicy storedRunPolicy;
    /** Settings given so far, by name: a second one fails. */
    private final Map<String, Object> given = new HashMap<>();

    private Builder() {}

    private void once(String setting, Object value) {
      Object first = given.putIfAbsent(setting, value);
      if (first != null) {
        throw new IllegalStateException(setting + " was already set to " + first);
      }
    }

    /** Adds agents, in the order reports list them. */
    public Builder agents(List<? extends AgentSpec<?>> specs) {
      Objects.requireNonNull(specs, "agents");
      specs.forEach(this::agent);
      return this;
    }

    /** Adds one agent. Names must be unique and match {@code [a-z0-9_]+}; the tier SAFETY or BUSINESS. */
    public Builder agent(AgentSpec<?> spec) {
      Objects.requireNonNull(spec, "agent");
      String name = Objects.requireNonNull(spec.name(), "agent name");
      if (!AGENT_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("agent name must match [a-z0-9_]+ but was '" + name + "'");
      }
      if (spec.tier() != Tier.SAFETY && spec.tier() != Tier.BUSINESS) {
        throw new IllegalArgumentException("agent '" + name + "' must be SAFETY or BUSINESS but was " + spec.tier());
      }
      if (!agentNames.add(name)) {
        throw new IllegalArgumentException("agent '" + name + "' was already added");
      }
      agents.add(spec);
      return this;
    }

    /** The arbitrator. Required. */
    public Builder arbitrator(ArbitratorSpec spec) {
      Objects.requireNonNull(spec, "arbitrator");
      once("arbitrator", spec.name());
      this.arbitrator = spec;
      return this;
    }

    /** Which model each agent calls. Default {@link ModelRouting#defaults()}. */
    public Builder models(ModelRouting routing) {
      Objects.requireNonNull(routing, "models");
      once("models", routing);
      this.routing = routing;
      return this;
    }

    /** The model backend: offline, Bedrock or a fake. Required. */
    public Builder modelClient(ModelClient client) {
      Objects.requireNonNull(client, "modelClient");
      once("modelClient", client);
      this.modelClient = client;
      return this;
    }

    /** The batch readers agents gather from. Default {@link DataAccess#none()}. */
    public Builder data(DataAccess data) {
      Objects.requireNonNull(data, "data");
      once("data", data);
      this.data = data;
      return this;
    }

    /** Adds a listener; listeners are called in the order added. */
    public Builder listener(RunListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a context propagator: a context of the thread that starts a run (e.g. the
     * OpenTelemetry context) is carried onto the engine's threads for the run. Propagators are
     * applied in the order added. The logging MDC needs none: it is always carried.
     */
    public Builder contextPropagator(io.skymarshal.core.spi.ContextPropagator propagator) {
      propagators.add(Objects.requireNonNull(propagator, "propagator"));
      return this;
    }

    /**
     * Runs blocking work (data reads, reply parsing) on {@code executor} instead of a pool the
     * orchestrator owns. The orchestrator never shuts a given executor down.
     */
    public Builder executor(Executor executor) {
      Objects.requireNonNull(executor, "executor");
      once("executor", executor);
      this.executor = executor;
      return this;
    }

    /** The policy of every agent of {@code tier} in both phases (for ARBITRATOR: in arbitration). */
    public Builder policy(Tier tier, AgentPolicy policy) {
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(policy, "policy");
      for (Phase p : Phase.values()) {
        policy(tier, p, policy);
      }
      return this;
    }

    /** The policy of every agent of {@code tier} in one phase. */
    public Builder policy(Tier tier, Phase phase, AgentPolicy policy) {
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(policy, "policy");
      once("policy(" + tier + ", " + phase + ")", policy);
      tierPolicies.computeIfAbsent(tier, t -> new EnumMap<>(Phase.class)).put(phase, policy);
      return this;
    }

    /** The policy of one agent (or the arbitrator, by its name) in every phase; wins over tier policies. */
    public Builder agentPolicy(String agent, AgentPolicy policy) {
      Objects.requireNonNull(agent, "agent");
      Objects.requireNonNull(policy, "policy");
      once("agentPolicy(" + agent + ")", policy);
      agentPolicies.put(agent, policy);
      return this;
    }

    /**
     * Per-model limits (requests and tokens per minute, calls in flight) for this orchestrator's
     * model calls. Pass the same {@link io.skymarshal.model.ModelLimits} to several orchestrators
     * of a process to make them share the account's quotas. Time a call waits for a permit is
     * reported ({@link AgentCall#queuedNanos()}, {@link ModelCall#queuedNanos()}). Default:
     * {@link io.skymarshal.model.ModelLimits#unlimited()}.
     */
    public Builder modelLimits(io.skymarshal.model.ModelLimits limits) {
      Objects.requireNonNull(limits, "modelLimits");
      once("modelLimits", limits);
      this.modelLimits = limits;
      return this;
    }

    /** Hedges the model calls of every tier (see {@link Hedging}); off by default. */
    public Builder hedging(Hedging hedging) {
      Objects.requireNonNull(hedging, "hedging");
      for (Tier t : Tier.values()) {
        hedging(t, hedging);
      }
      return this;
    }

    /** Hedges the model calls of {@code tier}'s agents (see {@link Hedging}); off by default. */
    public Builder hedging(Tier tier, Hedging hedging) {
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(hedging, "hedging");
      once("hedging(" + tier + ")", hedging);
      this.hedging.put(tier, hedging);
      return this;
    }

    /** Confidence below which a decision asks for a person's review. Default 0.5. */
    public Builder reviewThreshold(double threshold) {
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException("reviewThreshold must be in [0, 1] but was " + threshold);
      }
      once("reviewThreshold", threshold);
      this.reviewThreshold = threshold;
      return this;
    }

    /** The source of time for durations. Default {@link Ticker#system()}. */
    public Builder ticker(Ticker ticker) {
      Objects.requireNonNull(ticker, "ticker");
      once("ticker", ticker);
      this.ticker = ticker;
      return this;
    }

    /** The source of backoff jitter; pass a seeded one for reproducible delays. */
    public Builder random(Random random) {
      Objects.requireNonNull(random, "random");
      once("random", random);
      this.random = random;
      return this;
    }

    /**
     * The store {@link Orchestrator#decide} decides through, once per disruption document, with
     * {@code policy} (owner, lease, waits, how constraints are checkpointed). Optional: without it
     * {@link Orchestrator#run} is all there is, and it never touches a store.
     */
    public Builder decisionStore(DecisionStore store, StoredRunPolicy policy) {
      Objects.requireNonNull(store, "decisionStore");
      Objects.requireNonNull(policy, "policy");
      once("decisionStore", store);
      this.decisionStore = store;
      this.storedRunPolicy = policy;
      return this;
    }

    /**
     * @throws IllegalStateException if no agent, arbitrator or model client was set, or a name in
     *                               {@link #agentPolicy} or in the routing's per-agent overrides
     *                               is neither an agent nor the arbitrator
     * @throws io.skymarshal.model.ModelConfigurationException if an agent has no model
     */
    public Orchestrator build() {
      if (agents.isEmpty()) {
        throw new IllegalStateException("at least one agent is required: call agents(...)");
      }
      if (arbitrator == null) {
        throw new IllegalStateException("an arbitrator is required: call arbitrator(...)");
      }
      if (modelClient == null) {
        throw new IllegalStateException("a model client is required: call modelClient(...)");
      }
      if (agentNames.contains(arbitrator.name())) {
        throw new IllegalStateException("the arbitrator's name '" + arbitrator.name() + "' is also an agent's");
      }
      Set<String> names = new java.util.TreeSet<>(agentNames);
      names.add(arbitrator.name());
      for (String named : agentPolicies.keySet()) {
        if (!names.contains(named)) {
          throw new IllegalStateException("agentPolicy names '" + named + "', which is neither an agent nor the"
              + " arbitrator; agents and arbitrator: " + names);
        }
      }
      for (String named : routing.agentOverrides()) {
        if (!names.contains(named)) {
          throw new IllegalStateException("the model routing overrides the model of '" + named + "', which is"
              + " neither an agent nor the arbitrator; agents and arbitrator: " + names);
        }
      }
      for (AgentSpec<?> a : agents) {
        routing.profileFor(a.name(), a.tier()); // fail now, not mid-run
      }
      routing.profileFor(arbitrator.name(), Tier.ARBITRATOR);
      ExecutorService owned = null;
      Executor exec = executor;
      if (exec == null) {
        owned = ThreadSupport.newDefaultExecutor();
        exec = owned;
      }
      EngineConfig config = new EngineConfig(List.copyOf(agents), arbitrator, routing, modelClient, data,
          List.copyOf(listeners), exec, copy(tierPolicies), Map.copyOf(agentPolicies), ticker, random, reviewThreshold,
          modelLimits, Map.copyOf(hedging), List.copyOf(propagators));
      return new Orchestrator(config, owned, decisionStore, storedRunPolicy);
    }

    private static Map<Tier, Map<Phase, AgentPolicy>> copy(Map<Tier, Map<Phase, AgentPolicy>> m) {
      Map<Tier, Map<Phase, AgentPolicy>> c = new EnumMap<>(Tier.class);
      m.forEach((t, byPhase) -> c.put(t, Map.copyOf(byPhase)));
      return c;
    }
  }
}
