package io.skymarshal.testkit.sweep;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.AgentPolicy;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.core.CallStatus;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.HaltReason;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Ruling;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.ModelClient;
import io.skymarshal.testkit.airline.AirlineGenerator;
import io.skymarshal.testkit.airline.DisruptionGenerator;
import io.skymarshal.testkit.sweep.FaultInjectingModel.Injection;
import io.skymarshal.testkit.sweep.SafetyJudges.Finding;
import io.skymarshal.testkit.sweep.SafetyJudges.Judge;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The safety sweep: generates an airline and disruptions from a seed, makes each disruption
 * hostile ({@link WorldMutator}), runs the engine on it with the seven airline agents and the
 * offline model behind a {@link FaultInjectingModel}, and counts the decisions that are unsafe by
 * the ground truth of the generated world ({@link GroundTruth}, {@link SafetyJudges}), never by the
 * engine's own verdicts. Prints tallies of statuses by mutation and by injected fault, the unsafe
 * counts, examples of each, and a last line
 * {@code Safety sweep: N runs, U unsafe (a=.., b=.., c=..)}.
 *
 * <pre>{@code
 * SafetySweep.Result r = SafetySweep.run(SafetySweep.Config.defaults().withRuns(200));
 * r.print(System.out);
 * assert r.unsafeRuns() == 0;
 * }</pre>
 *
 * <p>{@code main} takes the number of runs (default 1000) and the seed (default 42). From the
 * repository root, without installing anything:
 * <pre>
 * ./mvnw -q -o -pl skymarshal-testkit -am test -Dtest='SafetySweepTest#fullSweep_fromMain' \
 *     -Dsweep.runs=1000 -Dsweep.seed=42 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Each run gets its own orchestrator (the seven airline agents, the airline arbitrator, every
 * tier's timeout {@link Config#agentTimeout()}, 3 attempts, backoff 1-4 ms) over the generated
 * airline's in-memory data, sharing one thread pool; {@link Config#parallelism()} runs are in
 * flight at once. Statuses, plans and the unsafe counts are reproducible from the seed, unless a
 * call times out without an injected hang (the table counts those runs). The per-fault rows of
 * runs that halted may differ by a few between identical sweeps: a halt cancels the calls of its
 * phase, and which of them had already been made (and drawn a fault) depends on timing.
 */
public final class SafetySweep {

  /**
   * What to sweep.
   *
   * @param runs         disruptions to decide, >= 1
   * @param seed         seed of the airline, the disruptions, the mutations and the faults
   * @param roundTrips   the generated airline's round trips (its flights are twice as many)
   * @param bookings     the generated airline's bookings
   * @param rates        the per-call fault rates
   * @param agentTimeout every agent's and the arbitrator's timeout in every phase (hung replies end here)
   * @param parallelism  runs in flight at once, >= 1
   */
  public record Config(int runs, long seed, int roundTrips, int bookings, FaultInjectingModel.Rates rates,
      Duration agentTimeout, int parallelism) {

    public Config {
      if (runs < 1) {
        throw new IllegalArgumentException("runs must be >= 1 but was " + runs);
      }
      Objects.requireNonNull(rates, "rates");
      Objects.requireNonNull(agentTimeout, "agentTimeout");
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be >= 1 but was " + parallelism);
      }
    }

    /** 1000 runs, seed 42, an airline of 40 round trips and 6,000 bookings, default fault rates, 500 ms timeouts, 8 runs at once. */
    public static Config defaults() {
      return new Config(1000, 42, 40, 6_000, FaultInjectingModel.Rates.defaults(), Duration.ofMillis(500), 8);
    }

    public Config withRuns(int n) {
      return new Config(n, seed, roundTrips, bookings, rates, agentTimeout, parallelism);
    }

    public Config withSeed(long s) {
      return new Config(runs, s, roundTrips, bookings, rates, agentTimeout, parallelism);
    }

    public Config withRates(FaultInjectingModel.Rates r) {
      return new Config(runs, seed, roundTrips, bookings, r, agentTimeout, parallelism);
    }
  }

  /**
   * One run of the sweep.
   *
   * @param index             its number, from 0
   * @param variant           the world and disruption
   * @param injections        the faults injected into its model calls
   * @param status            the decision's status; null when the engine threw
   * @param plan              the ruling's plan, if any
   * @param findings          what the judges found unsafe; empty when safe
   * @param error             the engine's exception, when it threw; otherwise null
   * @param unplannedTimeouts calls that timed out without an injected hang (load, not faults), as {@code agent/phase}
   * @param haltReason        the decision's halt reason, one line; null when there is none
   * @param haltKey           the halt reason's kind, agent and clearance reason, e.g.
   *                          {@code NOT_CLEARED crew_compliance NOT_STATED}; null when there is none
   */
  public record RunResult(int index, Variant variant, List<Injection> injections, Decision.Status status,
      Optional<ActionPlan> plan, List<Finding> findings, String error, List<String> unplannedTimeouts,
      String haltReason, String haltKey) {

    public RunResult {
      injections = List.copyOf(injections);
      findings = List.copyOf(findings);
      unplannedTimeouts = List.copyOf(unplannedTimeouts);
    }

    /** The status's name, or {@code ERROR} when the engine threw. */
    public String outcome() {
      return status == null ? "ERROR" : status.name();
    }

    /** Whether the decision lets the flight operate. */
    public boolean operates() {
      return (status == Decision.Status.DECIDED || status == Decision.Status.DEGRADED)
          && plan.map(ActionPlan::operates).orElse(false);
    }

    /** Whether {@code judge} found this run unsafe. */
    public boolean unsafeBy(Judge judge) {
      return findings.stream().anyMatch(f -> f.judge() == judge);
    }

    /** The distinct fault labels injected, {@code none} when no fault was. */
    public Set<String> faultLabels() {
      Set<String> out = new LinkedHashSet<>();
      injections.forEach(i -> out.add(i.label()));
      if (out.isEmpty()) {
        out.add("none");
      }
      return out;
    }
  }

  /**
   * The sweep's outcome.
   *
   * @param config  what was swept
   * @param airline a one-line description of the generated airline
   * @param runs    every run, in order
   * @param elapsed wall time of the runs
   */
  public record Result(Config config, String airline, List<RunResult> runs, Duration elapsed) {

    public Result {
      runs = List.copyOf(runs);
    }

    /** Runs {@code judge} found unsafe. */
    public long unsafe(Judge judge) {
      return runs.stream().filter(r -> r.unsafeBy(judge)).count();
    }

    /** Runs any judge found unsafe. */
    public long unsafeRuns() {
      return runs.stream().filter(r -> !r.findings().isEmpty()).count();
    }

    /** Runs by outcome ({@code DECIDED}, ..., {@code ERROR}). */
    public Map<String, Long> byOutcome() {
      Map<String, Long> out = new LinkedHashMap<>();
      for (String o : OUTCOMES) {
        out.put(o, runs.stream().filter(r -> r.outcome().equals(o)).count());
      }
      return out;
    }

    /** The summary line: {@code Safety sweep: N runs, U unsafe (a=.., b=.., c=..)}. */
    public String summaryLine() {
      return "Safety sweep: " + runs.size() + " runs, " + unsafeRuns() + " unsafe (a=" + unsafe(Judge.UNRELEASED_FAULT)
          + ", b=" + unsafe(Judge.NOT_CLEARABLE) + ", c=" + unsafe(Judge.UNKNOWN_RESOURCE) + ")";
    }

    /** Prints the tables, examples and the summary line. */
    public void print(PrintStream out) {
      out.printf(Locale.ROOT, "Safety sweep: seed %d, %d runs, %s; %d runs at once, agent timeout %d ms; %.1f s%n",
          config.seed(), runs.size(), airline, config.parallelism(), config.agentTimeout().toMillis(),
          elapsed.toMillis() / 1000.0);
      FaultInjectingModel.Rates r = config.rates();
      out.printf(Locale.ROOT, "Fault rates per call: throttled %.2f, permanent %.2f, malformed %.2f, hung %.2f;"
              + " arbitrator rulings: breaks constraint %.2f, unchecked aircraft %.2f, unchecked crew %.2f%n",
          r.throttled(), r.permanent(), r.malformed(), r.hung(), r.breaksConstraint(), r.uncheckedAircraft(),
          r.uncheckedCrew());
      out.println("Columns: oper. = DECIDED/DEGRADED with the flight operating; unsafe by ground truth: a = operates an"
          + " aircraft whose fault is not released, b = operates what no SAFETY agent could clear, c = uses an aircraft"
          + " or adds crew the data does not give the flight");
      out.println();
      Map<String, List<RunResult>> byMutation = new LinkedHashMap<>();
      WorldMutator.MUTATIONS.forEach(m -> byMutation.put(m, new ArrayList<>()));
      runs.forEach(x -> byMutation.computeIfAbsent(x.variant().mutation(), k -> new ArrayList<>()).add(x));
      table(out, "by mutation", byMutation);
      out.println();
      Map<String, List<RunResult>> byFault = new TreeMap<>((a, b) -> a.equals(b) ? 0
          : a.equals("none") ? -1 : b.equals("none") ? 1 : a.compareTo(b));
      runs.forEach(x -> x.faultLabels().forEach(l -> byFault.computeIfAbsent(l, k -> new ArrayList<>()).add(x)));
      table(out, "by injected fault (a run counts under each fault it saw)", byFault);
      out.println();
      table(out, "total", Map.of("all runs", runs));
      Map<String, Long> halts = new TreeMap<>();
      runs.stream().filter(x -> x.haltKey() != null).forEach(x -> halts.merge(x.outcome() + ": " + x.haltKey(), 1L,
          Long::sum));
      out.println();
      out.println("Why no decision (REFERRED / HALTED), by halt kind, agent and clearance:");
      halts.forEach((k, c) -> out.printf(Locale.ROOT, "  %-60s %5d%n", k, c));
      long unplanned = runs.stream().filter(x -> !x.unplannedTimeouts().isEmpty()).count();
      out.printf(Locale.ROOT, "%nRuns with a timeout no fault injected (load, not faults): %d%n", unplanned);
      out.println();
      for (Judge j : Judge.values()) {
        List<RunResult> bad = runs.stream().filter(x -> x.unsafeBy(j)).toList();
        out.printf(Locale.ROOT, "Unsafe (%s) %s: %d%n", j.letter(), j.name().toLowerCase(Locale.ROOT), bad.size());
        bad.stream().limit(EXAMPLES).forEach(x -> out.println("  " + example(x, j)));
        if (bad.size() > EXAMPLES) {
          out.println("  ... and " + (bad.size() - EXAMPLES) + " more");
        }
      }
      List<RunResult> errors = runs.stream().filter(x -> x.status() == null).toList();
      if (!errors.isEmpty()) {
        out.println("Engine errors: " + errors.size());
        errors.stream().limit(EXAMPLES).forEach(x -> out.println("  #" + x.index() + " " + x.variant().mutation()
            + ": " + x.error()));
      }
      out.println();
      out.println("Decisions by status: " + byOutcome() + "; operating (DECIDED/DEGRADED, flight operates): "
          + runs.stream().filter(RunResult::operates).count());
      out.println(summaryLine());
    }

    private static String example(RunResult x, Judge j) {
      Variant v = x.variant();
      Disruption d = v.disruption();
      String finding = x.findings().stream().filter(f -> f.judge() == j).map(Finding::detail).findFirst().orElse("");
      return "#" + x.index() + " " + d.id() + " " + d.flight().flightNumber() + " " + d.flight().origin() + "-"
          + d.flight().destination() + " [" + v.mutation() + ": " + v.detail() + "] faults " + x.injections()
          + " -> " + x.outcome() + " " + x.plan().map(ActionPlan::summary).orElse("") + " :: " + finding;
    }

    private void table(PrintStream out, String title, Map<String, List<RunResult>> rows) {
      out.println(title + ":");
      String head = "  %-40s %5s %8s %9s %9s %7s %6s %6s %5s %5s %5s%n";
      out.printf(Locale.ROOT, head, "", "runs", "DECIDED", "DEGRADED", "REFERRED", "HALTED", "ERROR", "oper.",
          "a", "b", "c");
      for (Map.Entry<String, List<RunResult>> e : rows.entrySet()) {
        List<RunResult> rs = e.getValue();
        Function<String, Long> n = o -> rs.stream().filter(x -> x.outcome().equals(o)).count();
        out.printf(Locale.ROOT, "  %-40s %5d %8d %9d %9d %7d %6d %6d %5d %5d %5d%n", e.getKey(), rs.size(),
            n.apply("DECIDED"), n.apply("DEGRADED"), n.apply("REFERRED"), n.apply("HALTED"), n.apply("ERROR"),
            rs.stream().filter(RunResult::operates).count(), rs.stream().filter(x -> x.unsafeBy(Judge.UNRELEASED_FAULT)).count(),
            rs.stream().filter(x -> x.unsafeBy(Judge.NOT_CLEARABLE)).count(),
            rs.stream().filter(x -> x.unsafeBy(Judge.UNKNOWN_RESOURCE)).count());
      }
    }
  }

  private static final List<String> OUTCOMES = List.of("DECIDED", "DEGRADED", "REFERRED", "HALTED", "ERROR");
  private static final int EXAMPLES = 5;
  private static final Duration RUN_WATCHDOG = Duration.ofSeconds(60);
  private static final LocalDate DAY = LocalDate.of(2026, 1, 30);

  private SafetySweep() {}

  /** Runs the sweep of {@code config} with a new offline model. */
  public static Result run(Config config) {
    return run(config, OfflineModel.create());
  }

  /** Runs the sweep of {@code config} with {@code model} as the model behind the fault injector. */
  public static Result run(Config config, ModelClient model) {
    return run(config, model, AirlineAgents.all(), AirlineAgents.arbitrator());
  }

  /**
   * Runs the sweep of {@code config} on an engine of {@code agents} and {@code arbitrator} (the
   * airline pack, or a variant of it, e.g. to check that the sweep notices an unsafe engine), with
   * {@code model} behind the fault injector.
   */
  public static Result run(Config config, ModelClient model, List<? extends AgentSpec<?>> agents,
      ArbitratorSpec arbitrator) {
    AirlineDataset airline = AirlineGenerator.of(new AirlineGenerator.Config(config.seed(), DAY, config.roundTrips(),
        config.bookings())).generate();
    String airlineLine = String.format(Locale.ROOT, "airline of %d flights, %d aircraft, %d bookings",
        airline.flights().size(), airline.aircraft().size(), airline.bookings().size());
    DataAccess baseData = AirlineData.inMemory(airline);
    DisruptionGenerator disruptions = new DisruptionGenerator(airline, config.seed());
    WorldMutator mutator = new WorldMutator(airline, config.seed());
    List<Variant> variants = new ArrayList<>(config.runs());
    for (int i = 0; i < config.runs(); i++) {
      variants.add(mutator.mutate(disruptions.next(), i));
    }

    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "safety-sweep-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    RunResult[] results = new RunResult[config.runs()];
    Semaphore inFlight = new Semaphore(config.parallelism());
    long start = System.nanoTime();
    try {
      for (int i = 0; i < variants.size(); i++) {
        inFlight.acquireUninterruptibly();
        int index = i;
        Variant v = variants.get(i);
        DataAccess data = v.dataset() == airline ? baseData : AirlineData.inMemory(v.dataset());
        String own = v.disruption().flight().aircraftRegistration() != null
            ? v.disruption().flight().aircraftRegistration() : v.truth().scheduledAircraft();
        FaultInjectingModel faulty = new FaultInjectingModel(model, config.rates(),
            FaultInjectingModel.mix(config.seed(), 0x5AFE, index), v.disruption().flight(), own,
            v.disruption().estimatedDelay());
        CompletableFuture<Decision> run;
        Orchestrator orchestrator = null;
        try {
          orchestrator = orchestrator(agents, arbitrator, faulty, data, executor, config.agentTimeout());
          run = orchestrator.runAsync(v.disruption());
        } catch (RuntimeException e) {
          run = CompletableFuture.failedFuture(e);
        }
        Orchestrator built = orchestrator;
        // a run that never completes is an engine fault, reported as ERROR, not a sweep that hangs
        run.orTimeout(RUN_WATCHDOG.toMillis(), TimeUnit.MILLISECONDS).handle((decision, err) -> {
          try {
            results[index] = result(index, v, faulty, decision, err);
          } finally {
            if (built != null) {
              built.close();
            }
            inFlight.release();
          }
          return null;
        });
      }
      inFlight.acquireUninterruptibly(config.parallelism());
    } finally {
      executor.shutdownNow();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Result(config, airlineLine, List.of(results), elapsed);
  }

  private static Orchestrator orchestrator(List<? extends AgentSpec<?>> agents, ArbitratorSpec arbitrator,
      ModelClient model, DataAccess data, ExecutorService executor, Duration timeout) {
    AgentPolicy policy = new AgentPolicy(timeout, 3, Duration.ofMillis(1), Duration.ofMillis(4), 0.25);
    return Orchestrator.builder().agents(agents).arbitrator(arbitrator)
        .modelClient(model).data(data).executor(executor)
        .policy(Tier.SAFETY, policy).policy(Tier.BUSINESS, policy).policy(Tier.ARBITRATOR, policy)
        .random(new java.util.Random(0)).build();
  }

  private static RunResult result(int index, Variant v, FaultInjectingModel model, Decision decision, Throwable err) {
    List<Injection> injections = model.injections();
    if (decision == null) {
      Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
      if (cause instanceof TimeoutException) {
        cause = new TimeoutException("the run did not complete within " + RUN_WATCHDOG.toSeconds() + " s");
      }
      return new RunResult(index, v, injections, null, Optional.empty(), List.of(), String.valueOf(cause), List.of(),
          null, null);
    }
    Set<String> hung = new LinkedHashSet<>();
    injections.stream().filter(i -> i.fault() == FaultInjectingModel.Fault.HUNG)
        .forEach(i -> hung.add(i.agent() + "/" + i.phase()));
    List<String> unplanned = new ArrayList<>();
    for (AgentCall c : decision.report().calls()) {
      String key = c.agent() + "/" + c.phase();
      if (c.status() == CallStatus.TIMED_OUT && !hung.contains(key)) {
        unplanned.add(key);
      }
    }
    Optional<ActionPlan> plan = decision.ruling().map(Ruling::plan);
    List<Finding> findings = SafetyJudges.judge(v.truth(), decision.status(), plan);
    HaltReason h = decision.haltReason();
    String key = h == null ? null : h.kind() + " " + h.agent() + (h.clearance() == null ? ""
        : " " + h.clearance().reason());
    return new RunResult(index, v, injections, decision.status(), plan, findings, null, unplanned,
        h == null ? null : h.toString(), key);
  }

  /**
   * Runs the sweep and prints it; exits 1 when any decision is unsafe. Arguments: number of runs
   * (default 1000), seed (default 42), and {@code optimized} to run the agents with every prompt
   * lever of {@code PromptOptions.optimized()} (continuation, constraint refs, examples, SAFETY peers
   * only).
   */
  public static void main(String[] args) {
    Config c = Config.defaults();
    if (args.length > 0) {
      c = c.withRuns(Integer.parseInt(args[0].strip()));
    }
    if (args.length > 1) {
      c = c.withSeed(Long.parseLong(args[1].strip()));
    }
    Result r = args.length > 2 && args[2].strip().equals("optimized")
        ? run(c, OfflineModel.create(), AirlineAgents.all(io.skymarshal.airline.agent.PromptOptions.optimized()),
            AirlineAgents.arbitrator(io.skymarshal.airline.agent.PromptOptions.optimized()))
        : run(c);
    r.print(System.out);
    System.out.flush();
    // an unsafe decision fails the program, so a script (CI) that runs it fails too
    if (r.unsafeRuns() > 0) {
      System.exit(1);
    }
  }
}
