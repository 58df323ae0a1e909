package io.skymarshal.examples.faults;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.bedrock.ConverseModelClient;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.AgentPolicy;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Decision.Status;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.dynamo.AirlineLoader;
import io.skymarshal.dynamo.AirlineTableLayout;
import io.skymarshal.dynamo.DynamoAirline;
import io.skymarshal.dynamo.DynamoClients;
import io.skymarshal.testkit.airline.AirlineGenerator;
import io.skymarshal.testkit.airline.DisruptionGenerator;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.ModelClientRule;
import io.skymarshal.testkit.dynamo.DynaliteServer;
import io.skymarshal.testkit.faults.BedrockFaultRule;
import io.skymarshal.testkit.faults.DynamoWireFaults;
import io.skymarshal.testkit.sweep.SafetyJudges;
import io.skymarshal.testkit.sweep.Variant;
import io.skymarshal.testkit.sweep.WorldMutator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The fault matrix: each {@link FaultCell} decides the same seeded disruptions on the production
 * path under its faults, and counts outcome classes, unhandled exceptions, decisions that break a
 * safety constraint and lost items. Every other disruption is made hostile by a {@link WorldMutator}
 * mutation of its document, so some runs must be referred; decisions are checked by a
 * {@link SafetyAudit} and by the sweep's ground-truth {@link SafetyJudges}.
 *
 * <p>The production path: the seven airline agents and the arbitrator in one {@link Orchestrator};
 * models through the real {@link ConverseModelClient} (AWS SDK, HTTPS) to a {@link FakeBedrockServer}
 * whose replies come from the {@link OfflineModel} where a {@link BedrockFaultRule} does not fault
 * them; data through {@link DynamoAirline}'s readers on the real SDK client (built by
 * {@link DynamoClients}, TLS) from dynalite loaded with a generated airline, with a
 * {@link DynamoWireFaults} interceptor on that client. Every agent's policy is 3 attempts with
 * 10-40 ms backoff and a 30 s timeout, so only injected hangs time out; a hung agent gets
 * {@link FaultCell#HUNG_TIMEOUT}. The N disruptions of a cell are in flight at once.
 *
 * <p>Counted per cell: a run's status; an unhandled exception when its future fails; a lost run
 * when it has no outcome within the watchdog; an unsafe decision when {@link SafetyAudit} finds a
 * breach; lost and unread keys from a {@link KeyLedger} around every reader. Not thread-safe: one
 * matrix at a time per instance of the airline tables.
 */
public final class FaultMatrix {
  private static final LocalDate DAY = LocalDate.of(2026, 1, 30);
  private static final List<String> DOCUMENT_MUTATIONS = List.of("route_conflict", "fault:hydraulic+no_estimate",
      "unknown_flight", "fault:bird_strike+estimate", "spare_unknown", "registration_conflict",
      "requires_maintenance+estimate", "fault_detected_after_departure");

  /**
   * What to run.
   *
   * @param runs       disruptions per cell, >= 1
   * @param seed       seed of the airline, the disruptions and the faults
   * @param roundTrips the generated airline's round trips
   * @param bookings   the generated airline's bookings
   * @param watchdog   how long a cell's runs may take before those not done count as lost
   */
  public record Config(int runs, long seed, int roundTrips, int bookings, Duration watchdog) {
    public Config {
      if (runs < 1) {
        throw new IllegalArgumentException("runs must be >= 1 but was " + runs);
      }
      Objects.requireNonNull(watchdog, "watchdog");
    }

    /** 8 disruptions a cell, seed 42, 10 round trips and 600 bookings, a 120 s watchdog. */
    public static Config defaults() {
      return new Config(8, 42, 10, 600, Duration.ofSeconds(120));
    }

    public Config withRuns(int n) {
      return new Config(n, seed, roundTrips, bookings, watchdog);
    }

    public Config withSeed(long s) {
      return new Config(runs, s, roundTrips, bookings, watchdog);
    }
  }

  /** Every agent's policy in the matrix: 3 attempts, 10-40 ms backoff, 30 s (only injected hangs reach it). */
  static final AgentPolicy BASE_POLICY = new AgentPolicy(Duration.ofSeconds(30), 3, Duration.ofMillis(10),
      Duration.ofMillis(40), 0.25);

  private FaultMatrix() {}

  /** Runs every cell of {@link FaultCell#all} against {@code dynalite} (which should speak TLS). */
  public static FaultMatrixResult run(Config config, DynaliteServer dynalite) {
    return run(config, dynalite, FaultCell.all(BASE_POLICY));
  }

  static FaultMatrixResult run(Config config, DynaliteServer dynalite, List<FaultCell> cells) {
    long start = System.nanoTime();
    AirlineDataset airline = AirlineGenerator.of(new AirlineGenerator.Config(config.seed(), DAY, config.roundTrips(),
        config.bookings())).generate();
    List<Variant> disruptions = disruptions(airline, config);
    AirlineTableLayout layout = AirlineTableLayout.withPrefix("faults" + ProcessHandle.current().pid() + "_"
        + Long.toHexString(System.nanoTime() & 0xFFFFFF) + "_");
    SafetyAudit audit = new SafetyAudit(airline);
    String setup = String.format(Locale.ROOT, "airline of %d flights, %d aircraft, %d bookings (seed %d) on dynalite"
            + " at %s; models via ConverseModelClient to the fake Bedrock (HTTPS), offline model behind it",
        airline.flights().size(), airline.aircraft().size(), airline.bookings().size(), config.seed(),
        dynalite.endpoint());
    List<CellResult> results = new ArrayList<>();
    try (DynamoDbAsyncClient admin = dynamoClient(dynalite, null)) {
      AirlineLoader loader = AirlineLoader.builder(admin).layout(layout).build();
      loader.createTables();
      try {
        loader.load(airline);
        List<String> baseline = null;
        for (FaultCell cell : cells) {
          CellResult r = runCell(cell, config, dynalite, layout, disruptions, audit, baseline);
          results.add(r);
          if (baseline == null && !cell.faulted()) {
            baseline = r.outcomes();
          }
        }
      } finally {
        loader.deleteTables();
      }
    }
    return new FaultMatrixResult(config, setup, results, Duration.ofNanos(System.nanoTime() - start));
  }

  private static CellResult runCell(FaultCell cell, Config config, DynaliteServer dynalite, AirlineTableLayout layout,
      List<Variant> disruptions, SafetyAudit audit, List<String> baseline) {
    BedrockFaultRule rule = cell.bedrock().apply(BedrockFaultRule.builder(ModelClientRule.of(OfflineModel.create()))
        .seed(config.seed())).build();
    DynamoWireFaults wire = cell.dynamo().apply(DynamoWireFaults.builder().seed(config.seed())).build();
    KeyLedger ledger = new KeyLedger();
    Map<Status, Integer> statuses = new EnumMap<>(Status.class);
    List<String> problems = new ArrayList<>();
    int unhandled = 0;
    int unsafe = 0;
    int lostRuns = 0;
    List<String> outcomes = new ArrayList<>();
    AtomicLong retries = new AtomicLong();
    long modelCalls;
    Map<String, Long> modelFailures;
    try (FakeBedrockServer fake = FakeBedrockServer.startHttps();
        ConverseModelClient model = ConverseModelClient.builder()
            .region(FakeBedrockServer.REGION)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .endpointOverride(fake.endpoint())
            .tlsTrustManagersProvider(fake::trustManagers)
            .build();
        DynamoDbAsyncClient dynamo = dynamoClient(dynalite, wire)) {
      fake.rule(rule);
      CountingModel counting = new CountingModel(model);
      DataAccess data = ledger.audit(DynamoAirline.builder(dynamo).layout(layout).build().dataAccess());
      Orchestrator.Builder b = Orchestrator.builder()
          .agents(AirlineAgents.all())
          .arbitrator(AirlineAgents.arbitrator())
          .modelClient(counting)
          .data(data)
          .random(new Random(config.seed()));
      for (Tier tier : Tier.values()) {
        for (Phase phase : Phase.values()) {
          AgentPolicy p = phase == Phase.REVISION ? cell.revision().getOrDefault(tier, BASE_POLICY) : BASE_POLICY;
          b.policy(tier, phase, p);
        }
      }
      try (Orchestrator orchestrator = cell.engine().apply(b).build()) {
        List<CompletableFuture<Decision>> runs = new ArrayList<>();
        for (Variant v : disruptions) {
          CompletableFuture<Decision> f;
          try {
            f = orchestrator.runAsync(v.disruption());
          } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
          }
          runs.add(f);
        }
        long deadline = System.nanoTime() + config.watchdog().toNanos();
        for (int i = 0; i < runs.size(); i++) {
          Variant v = disruptions.get(i);
          Disruption d = v.disruption();
          Decision decision;
          try {
            decision = runs.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          } catch (TimeoutException e) {
            lostRuns++;
            outcomes.add("lost");
            note(problems, d.id() + ": no outcome within " + config.watchdog().toSeconds() + " s");
            continue;
          } catch (ExecutionException | CompletionException e) {
            unhandled++;
            outcomes.add("unhandled");
            note(problems, d.id() + ": unhandled " + (e.getCause() == null ? e : e.getCause()));
            continue;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the runs of " + cell.name(), e);
          }
          statuses.merge(decision.status(), 1, Integer::sum);
          outcomes.add(decision.status() + " " + decision.action());
          for (AgentCall c : decision.report().calls()) {
            retries.addAndGet(Math.max(0, c.attempts() - 1));
          }
          if (!cell.expected().contains(decision.status())) {
            note(problems, d.id() + " [" + v.mutation() + "]: " + decision.status() + (decision.haltReason() == null ? ""
                : " (" + decision.haltReason() + ")") + decision.missingAgents());
          }
          List<String> breaches = new ArrayList<>(audit.breaches(d, decision));
          SafetyJudges.judge(v.truth(), decision).forEach(f -> breaches.add("ground truth " + f));
          if (!breaches.isEmpty()) {
            unsafe++;
            note(problems, d.id() + " [" + v.mutation() + "]: " + decision.status() + " " + decision.action()
                + " breaks " + breaches);
          }
        }
      }
      modelCalls = counting.calls();
      modelFailures = counting.failures();
    }
    ledger.examples().forEach(e -> note(problems, e));
    int drift = 0;
    if (cell.asBaseline() && baseline != null) {
      for (int i = 0; i < outcomes.size(); i++) {
        if (!outcomes.get(i).equals(baseline.get(i))) {
          drift++;
          note(problems, disruptions.get(i).disruption().id() + " [" + disruptions.get(i).mutation() + "]: "
              + outcomes.get(i) + ", without faults " + baseline.get(i));
        }
      }
    }
    long injected = rule.injectedTotal() + wire.throttledCount() + wire.trimmedCallCount();
    return new CellResult(cell, disruptions.size(), statuses, outcomes, drift, unhandled, unsafe, lostRuns, ledger.lost(),
        ledger.unread(), ledger.asked(), injected, retries.get(), modelCalls, modelFailures, problems);
  }

  /**
   * The cell's disruptions: generated ones, every other one changed by a {@link WorldMutator}
   * mutation that changes only the document (a contradiction, an unknown flight, a reported fault
   * with or without an estimate, a spare nobody has), so that some runs must be referred.
   */
  static List<Variant> disruptions(AirlineDataset airline, Config config) {
    DisruptionGenerator generator = new DisruptionGenerator(airline, config.seed());
    WorldMutator mutator = new WorldMutator(airline, config.seed());
    List<Variant> out = new ArrayList<>();
    for (int i = 0; i < config.runs(); i++) {
      String mutation = i % 2 == 0 ? "baseline" : DOCUMENT_MUTATIONS.get((i / 2) % DOCUMENT_MUTATIONS.size());
      Variant v = mutator.mutate(generator.next(), mutation);
      if (v.dataset() != airline) {
        throw new IllegalStateException("mutation " + mutation + " changed the data, which is loaded once");
      }
      out.add(v);
    }
    return out;
  }

  private static void note(List<String> problems, String line) {
    if (problems.size() < 6) {
      problems.add(line);
    }
  }

  /** A client as {@link DynamoClients} builds it for production, pointed at {@code dynalite} and trusting it. */
  private static DynamoDbAsyncClient dynamoClient(DynaliteServer dynalite, ExecutionInterceptor faults) {
    return DynamoClients.asyncClient(b -> {
      NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder();
      if (dynalite.isTls()) {
        http.tlsTrustManagersProvider(dynalite::trustManagers);
      }
      b.httpClientBuilder(http)
          .endpointOverride(dynalite.endpoint())
          .region(Region.of(DynaliteServer.REGION))
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(DynaliteServer.ACCESS_KEY_ID, DynaliteServer.SECRET_ACCESS_KEY)));
      if (faults != null) {
        b.overrideConfiguration(o -> o.addExecutionInterceptor(faults));
      }
    });
  }
}
