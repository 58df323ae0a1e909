package io.skymarshal.examples;

import io.skymarshal.core.Hedging;
import io.skymarshal.core.ModelCall;
import io.skymarshal.core.RunListener;
import io.skymarshal.model.ModelLimits;
import io.skymarshal.model.ModelQuota;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.bedrock.ConverseModelClient;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.examples.cli.Arguments;
import io.skymarshal.examples.cli.CommandLine;
import io.skymarshal.examples.cli.ExitCode;
import io.skymarshal.examples.cli.Tool;
import io.skymarshal.examples.cli.UsageException;
import io.skymarshal.model.ModelClient;
import io.skymarshal.testkit.airline.AirlineGenerator;
import io.skymarshal.testkit.airline.DisruptionGenerator;
import io.skymarshal.testkit.bedrock.BedrockFault;
import io.skymarshal.testkit.bedrock.FakeBedrockServer;
import io.skymarshal.testkit.bedrock.FakeReply;
import io.skymarshal.testkit.bedrock.ModelClientRule;
import io.skymarshal.testkit.bedrock.RecordedConverse;
import io.skymarshal.testkit.bedrock.ReplyRule;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The load program: N generated disruptions in flight at once through one {@link Orchestrator}
 * with the seven airline agents, and what that costs. The disruptions come from the testkit's
 * {@link DisruptionGenerator} over {@link AirlineGenerator#defaultAirline()}; all N are submitted
 * with {@code runAsync} before the first is awaited.
 *
 * <p>Two models:
 * <ul>
 *   <li>default: the {@link OfflineModel} in process with a simulated latency per call
 *       ({@code --latency-ms}, default 200);
 *   <li>{@code --bedrock-fake}: the real {@link ConverseModelClient} over HTTPS to the testkit's
 *       {@link FakeBedrockServer} on loopback, which answers with the same offline model (same
 *       latency) and answers {@code ThrottlingException} to any request that arrives while
 *       {@code --quota} requests are already being answered: a concurrency quota, as Bedrock's
 *       per-model quotas throttle.
 * </ul>
 *
 * <p>{@code --local-quota C} gives the orchestrator {@link ModelLimits}: at most C calls in flight
 * per model in this process, the rest waiting for a slot (up to {@code --queue-wait-s}) instead of
 * being throttled; with two models and the fake's quota of 32, {@code --local-quota 16} keeps the
 * process under the fake's quota. {@code --hedge-ms H} hedges calls not answered after H ms.
 *
 * <p>It prints: runs completed out of N and their statuses; p50/p95/p99/max of the run latency
 * (from submission, so time queued counts) and of the engine's own {@code RunReport} duration;
 * model calls, retries ({@code attempts - 1} summed over the reports' {@code AgentCall}s), calls
 * that ended failed or timed out and their errors; throttles the client saw and, with the fake,
 * throttles it sent; the peak of live platform threads ({@code ThreadMXBean}, with the peak per
 * thread group from name samples) and the peak heap used ({@code MemoryMXBean}, sampled), the
 * heap after a full GC at the end, and the wall time. Virtual threads are not counted by
 * {@code ThreadMXBean}: on Java 21+ the figure is the carrier and other platform threads.
 *
 * <p>Run from the repository root, after a package of the reactor:
 * <pre>
 * ./mvnw -q -pl examples -am package -DskipTests
 * ./mvnw -q -pl examples -am dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * # build-classpath names the sibling modules' jars in ~/.m2, which may be older than this tree
 * sed -E 's#[^:]*&#47;io/skymarshal/(skymarshal-[a-z]+)/[^:]*#'"$PWD"'/\1/target/classes#g' \
 *     examples/target/cp.txt &gt; examples/target/cp-local.txt
 * CP=examples/target/classes:$(cat examples/target/cp-local.txt)
 * java -Xmx512m -cp $CP io.skymarshal.examples.LoadProgram                  # offline, 1,000 runs
 * java -Xmx512m -cp $CP io.skymarshal.examples.LoadProgram --bedrock-fake   # fake Bedrock, quota 32
 * java -Xmx512m -cp $CP io.skymarshal.examples.LoadProgram --bedrock-fake --local-quota 16
 * # or, in Maven's JVM (its own heap setting): ./mvnw -q -pl examples exec:java \
 * #   -Dexec.mainClass=io.skymarshal.examples.LoadProgram -Dexec.args="--runs 100"
 * </pre>
 * {@code docs/benchmarks.md} ("Load") has the figures of both JDKs and what they mean.
 * {@code --help} prints the options. Exit status: 0 when every run completed with a decision of
 * any status (HALTED and REFERRED are counted, not failures of the program); 1 when a run ended
 * with an exception, did not complete within {@code --deadline-s}, or the program failed; 2 on
 * bad arguments.
 */
public final class LoadProgram {

  static final CommandLine CLI = CommandLine.of("LoadProgram",
          "Puts N generated disruptions in flight at once through one orchestrator with the seven airline agents,\n"
              + "and prints completion, statuses, latency percentiles, retries, throttles, peak threads and heap.")
      .option("--runs", "N", "disruptions in flight at once (default 1000)")
      .option("--latency-ms", "L", "simulated latency of each model call, in ms (default 200)")
      .option("--seed", "S", "seed of the disruption generator (default 7)")
      .flag("--bedrock-fake", "call the fake Bedrock over HTTPS through the real ConverseModelClient, not the model in process")
      .option("--quota", "Q", "with --bedrock-fake: requests the fake answers at once; more get ThrottlingException (default 32)")
      .option("--max-concurrency", "C", "with --bedrock-fake: the ConverseModelClient's connections (default "
          + ConverseModelClient.DEFAULT_MAX_CONCURRENCY + ", the library's)")
      .option("--local-quota", "C", "limit each model to C calls in flight in this process (ModelLimits), waiting"
          + " for a slot instead of being throttled (default: no local limit)")
      .option("--queue-wait-s", "W", "with --local-quota: the longest a call waits for a slot (default 120)")
      .option("--hedge-ms", "H", "hedge a model call not answered after H ms (default: no hedging)")
      .option("--deadline-s", "D", "give up on runs not complete after D seconds (default 600)")
      .option("--sample-ms", "M", "how often threads and heap are sampled, in ms (default 20)")
      .notes("""
          Run it with a heap limit, as docs/benchmarks.md does:
            java -Xmx512m -cp $CP io.skymarshal.examples.LoadProgram
          ($CP as in the "Load" section of docs/benchmarks.md, which has the figures.)
          The figures are this machine's at this moment; nothing here asserts a bound.
          Logging is at ERROR unless -Dorg.slf4j.simpleLogger.defaultLogLevel=warn (one line per halted run).""")
      .exitStatuses("""
          exit status:
            0  every run completed with a decision (any status: HALTED and REFERRED are counted, not failures)
            1  a run failed with an exception or missed the deadline, or the program failed
            2  bad arguments
          """)
      .build();

  /** slf4j-simple's default level, which {@link #main} sets to {@code error} unless given. */
  static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private LoadProgram() {}

  public static void main(String[] args) {
    // one WARN line per halted run or failed call would bury the summary; the summary counts them
    if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "error");
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the program with {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return Tool.run(CLI, args, out, err, LoadProgram::load);
  }

  private static int load(Arguments args, PrintStream out, PrintStream err) throws UsageException, IOException {
    int runs = (int) Math.min(Integer.MAX_VALUE, args.number("--runs", 1, 1000));
    long latencyMs = args.number("--latency-ms", 0, 200);
    long seed = args.number("--seed", Long.MIN_VALUE, 7);
    boolean fake = args.has("--bedrock-fake");
    int quota = (int) Math.min(Integer.MAX_VALUE, args.number("--quota", 1, 32));
    int maxConcurrency = (int) Math.min(Integer.MAX_VALUE,
        args.number("--max-concurrency", 1, ConverseModelClient.DEFAULT_MAX_CONCURRENCY));
    long deadlineS = args.number("--deadline-s", 1, 600);
    long sampleMs = args.number("--sample-ms", 1, 20);
    int localQuota = (int) Math.min(Integer.MAX_VALUE, args.number("--local-quota", 0, 0));
    long queueWaitS = args.number("--queue-wait-s", 1, 120);
    long hedgeMs = args.number("--hedge-ms", 0, 0);
    if (args.has("--queue-wait-s") && localQuota == 0) {
      throw new UsageException("--queue-wait-s needs --local-quota");
    }
    if (!fake && (args.has("--quota") || args.has("--max-concurrency"))) {
      throw new UsageException("--quota and --max-concurrency need --bedrock-fake");
    }

    Runtime rt = Runtime.getRuntime();
    out.printf(Locale.ROOT, "JVM: %s %s (%s), max heap %d MB, %d processors%n", System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
        rt.maxMemory() >> 20, rt.availableProcessors());

    AirlineDataset airline = AirlineGenerator.defaultAirline();
    List<Disruption> disruptions = new DisruptionGenerator(airline, seed).take(runs);
    Duration latency = Duration.ofMillis(latencyMs);
    OfflineModel offline = OfflineModel.builder().latency(latency).build();

    FakeBedrockServer server = null;
    ConverseModelClient converse = null;
    ThrottlingQuota throttler = null;
    Drain drain = null;
    ModelClient model;
    if (fake) {
      throttler = new ThrottlingQuota(quota, ModelClientRule.of(offline));
      server = FakeBedrockServer.startHttps();
      server.rule(throttler);
      FakeBedrockServer s = server;
      converse = ConverseModelClient.builder()
          .region(FakeBedrockServer.REGION)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
          .endpointOverride(server.endpoint())
          .tlsTrustManagersProvider(s::trustManagers)
          .maxConcurrency(maxConcurrency)
          .build();
      model = converse;
      drain = new Drain(server);
      out.printf(Locale.ROOT, "model: ConverseModelClient (max concurrency %d) -> fake Bedrock at %s, offline model"
          + " behind it with %d ms latency, ThrottlingException above %d requests at once%n",
          maxConcurrency, server.endpoint(), latencyMs, quota);
    } else {
      model = offline;
      out.printf(Locale.ROOT, "model: offline model in process, %d ms latency per call%n", latencyMs);
    }
    out.printf(Locale.ROOT, "runs: %,d generated disruptions (seed %d) over the default generated airline, all in"
        + " flight at once, one orchestrator, seven agents%n", runs, seed);
    out.flush();

    Sampler sampler = new Sampler(sampleMs);
    long[] latencyNanos = new long[runs];
    List<Decision> decisions = new ArrayList<>(runs);
    Map<String, Integer> failures = new TreeMap<>();
    int missed = 0;
    long start;
    long wall;
    ModelLimits limits = localQuota == 0 ? ModelLimits.unlimited() : ModelLimits.builder()
        .defaultQuota(ModelQuota.of(0, 0, localQuota).withMaxQueueWait(Duration.ofSeconds(queueWaitS))).build();
    if (localQuota > 0) {
      out.printf(Locale.ROOT, "local quota: at most %d calls in flight per model (ModelLimits), waiting up to %d s"
          + " for a slot%n", localQuota, queueWaitS);
    }
    if (hedgeMs > 0) {
      out.printf(Locale.ROOT, "hedging: a model call not answered after %d ms is sent again%n", hedgeMs);
    }
    QueueTally queued = new QueueTally();
    Orchestrator.Builder builder = Orchestrator.builder()
        .agents(AirlineAgents.all())
        .arbitrator(AirlineAgents.arbitrator())
        .modelClient(model)
        .data(AirlineData.inMemory(airline))
        .modelLimits(limits)
        .listener(queued);
    if (hedgeMs > 0) {
      builder.hedging(Hedging.after(Duration.ofMillis(hedgeMs)));
    }
    try (Orchestrator orchestrator = builder.build()) {
      sampler.start();
      start = System.nanoTime();
      List<CompletableFuture<Decision>> futures = new ArrayList<>(runs);
      for (int i = 0; i < runs; i++) {
        int index = i;
        futures.add(orchestrator.runAsync(disruptions.get(i))
            .whenComplete((d, e) -> latencyNanos[index] = System.nanoTime() - start));
      }
      long deadline = start + TimeUnit.SECONDS.toNanos(deadlineS);
      for (CompletableFuture<Decision> f : futures) {
        try {
          decisions.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
          missed++;
        } catch (ExecutionException | CompletionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          failures.merge(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1, Integer::sum);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for the runs", e);
        }
      }
      wall = System.nanoTime() - start;
    } finally {
      sampler.stop();
      if (converse != null) {
        converse.close();
      }
      if (drain != null) {
        drain.stop();
      }
      if (server != null) {
        server.close();
      }
    }
    System.gc();
    long heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

    print(out, runs, decisions, failures, missed, latencyNanos, wall, throttler, server != null,
        sampler, heapAfterGc, queued);
    if (missed > 0 || !failures.isEmpty()) {
      err.printf(Locale.ROOT, "LoadProgram: %d of %d runs did not complete with a decision (%d missed the %d s"
          + " deadline, %d failed)%n", runs - decisions.size(), runs, missed, deadlineS, runs - decisions.size() - missed);
      return ExitCode.FAILED;
    }
    return ExitCode.OK;
  }

  private static void print(PrintStream out, int runs, List<Decision> decisions, Map<String, Integer> failures,
      int missed, long[] latencyNanos, long wall, ThrottlingQuota throttler, boolean fake,
      Sampler sampler, long heapAfterGc, QueueTally queued) {
    Map<Decision.Status, Integer> statuses = new EnumMap<>(Decision.Status.class);
    Map<String, Integer> haltReasons = new TreeMap<>();
    Map<String, Integer> callOutcomes = new TreeMap<>();
    Map<String, Integer> errors = new TreeMap<>();
    long[] engineNanos = new long[decisions.size()];
    long agentCalls = 0;
    long attempts = 0;
    long retries = 0;
    long modelCalls = 0;
    long throttledCalls = 0;
    int i = 0;
    for (Decision d : decisions) {
      statuses.merge(d.status(), 1, Integer::sum);
      if (d.haltReason() != null) {
        haltReasons.merge(d.status() + " " + d.haltReason().kind() + " (" + d.haltReason().agent() + ", "
            + d.haltReason().phase() + ")", 1, Integer::sum);
      }
      engineNanos[i++] = d.report().totalDurationNanos();
      for (AgentCall c : d.report().calls()) {
        agentCalls++;
        attempts += c.attempts();
        retries += Math.max(0, c.attempts() - 1);
        modelCalls += c.modelCalls();
        callOutcomes.merge(c.status().name(), 1, Integer::sum);
        if (c.error() != null) {
          errors.merge(shortError(c.error()), 1, Integer::sum);
          if (c.error().toLowerCase(Locale.ROOT).contains("throttl")) {
            throttledCalls++;
          }
        }
      }
    }
    out.println();
    out.printf(Locale.ROOT, "completed     %,d / %,d runs with a decision (%d failed with an exception, %d missed"
        + " the deadline)%n", decisions.size(), runs, runs - decisions.size() - missed, missed);
    out.printf(Locale.ROOT, "statuses      %s%n", statuses);
    haltReasons.forEach((k, v) -> out.printf(Locale.ROOT, "  no decision %,6d  %s%n", v, k));
    failures.forEach((k, v) -> out.printf(Locale.ROOT, "  failed      %,6d  %s%n", v, k));
    long[] done = Arrays.stream(latencyNanos).filter(n -> n > 0).sorted().toArray();
    Arrays.sort(engineNanos);
    out.printf(Locale.ROOT, "run latency   %s  (from submission: time queued counts)%n", percentiles(done));
    out.printf(Locale.ROOT, "engine time   %s  (RunReport.totalDurationMs)%n", percentiles(engineNanos));
    out.printf(Locale.ROOT, "agent calls   %,d in the reports: %s; %,d attempts, %,d retries, %,d model calls%n",
        agentCalls, callOutcomes, attempts, retries, modelCalls);
    out.printf(Locale.ROOT, "              %,d calls ended with a throttling error after their retries%n", throttledCalls);
    errors.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
        .forEach(e -> out.printf(Locale.ROOT, "  error %,8d  %s%n", e.getValue(), e.getKey()));
    out.printf(Locale.ROOT, "model client  %,d calls, %,d failed, of which %,d throttled (ModelException THROTTLED)%n",
        queued.calls.get() - queued.refused.get(), queued.failed.get() - queued.refused.get(), queued.throttled.get());
    long[] waits = queued.waits();
    out.printf(Locale.ROOT, "model calls   %,d observed (onModelCall): %s; %,d hedges; %,d refused by the local quota%n",
        queued.calls.get(), queued.outcomes(), queued.hedges.get(), queued.refused.get());
    out.printf(Locale.ROOT, "queued        %s  (per model call, waiting for a local quota slot; %,d calls waited)%n",
        percentiles(waits), Arrays.stream(waits).filter(w -> w > 0).count());
    if (fake) {
      out.printf(Locale.ROOT, "fake Bedrock  %,d requests answered, %,d with ThrottlingException; at most %d"
          + " answered at once%n", throttler.requests.get(), throttler.throttled.get(), throttler.peak.get());
    }
    out.printf(Locale.ROOT, "threads       peak %d live platform threads (ThreadMXBean peak); by name at the"
        + " sampled peak: %s%n", sampler.peakThreads(), sampler.groupsAtPeak());
    out.printf(Locale.ROOT, "              most of each group in any sample: %s%n", sampler.groupMaxima());
    out.printf(Locale.ROOT, "              %,d platform threads started during the runs (ThreadMXBean total started)%n",
        sampler.startedThreads());
    out.printf(Locale.ROOT, "heap          peak %,d MB used (sampled every %d ms, %,d samples); %,d MB after a full"
        + " GC at the end; max %,d MB%n", sampler.peakHeap.get() >> 20, sampler.periodMs, sampler.samples.get(),
        heapAfterGc >> 20, Runtime.getRuntime().maxMemory() >> 20);
    out.printf(Locale.ROOT, "              at most %,d MB in use right after a collection during the runs (the last GC's"
        + " GcInfo at each sample: live data plus what a young GC did not reach)%n", sampler.peakAfterGc.get() >> 20);
    out.printf(Locale.ROOT, "GC            %s%n", gcSummary());
    out.printf(Locale.ROOT, "wall time     %,.1f s for %,d runs (%,.1f runs/s)%n", wall / 1e9, runs,
        decisions.size() / (wall / 1e9));
  }

  private static String percentiles(long[] sortedNanos) {
    if (sortedNanos.length == 0) {
      return "(none)";
    }
    return String.format(Locale.ROOT, "p50 %,.0f ms  p95 %,.0f ms  p99 %,.0f ms  max %,.0f ms",
        pct(sortedNanos, 50) / 1e6, pct(sortedNanos, 95) / 1e6, pct(sortedNanos, 99) / 1e6,
        sortedNanos[sortedNanos.length - 1] / 1e6);
  }

  /** The nearest-rank percentile. */
  private static long pct(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static String shortError(String error) {
    String e = error.replaceAll("\\s+", " ");
    // drop ids and numbers so that equal causes count together
    e = e.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27,}", "<id>").replaceAll("\\d+", "N");
    return e.length() > 140 ? e.substring(0, 140) + "..." : e;
  }

  private static String gcSummary() {
    StringBuilder sb = new StringBuilder();
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(gc.getName()).append(' ').append(gc.getCollectionCount())
          .append(" collections ").append(gc.getCollectionTime()).append(" ms");
    }
    return sb.toString();
  }

  /**
   * What {@code onModelCall} reports: the model calls, their outcomes, throttles, hedges, local
   * quota refusals (never sent to the client), time queued. Thread-safe.
   */
  static final class QueueTally implements RunListener {
    final AtomicLong calls = new AtomicLong();
    final AtomicLong hedges = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    private final Map<ModelCall.Outcome, AtomicLong> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> waits = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Override
    public void onModelCall(Disruption d, ModelCall call) {
      calls.incrementAndGet();
      outcomes.computeIfAbsent(call.outcome(), o -> new AtomicLong()).incrementAndGet();
      if (call.role() == ModelCall.Role.HEDGE) {
        hedges.incrementAndGet();
      }
      if (call.outcome() == ModelCall.Outcome.FAILED) {
        failed.incrementAndGet();
      }
      if ("local_quota".equals(call.errorType())) {
        refused.incrementAndGet(); // never sent: the local quota refused it
      } else if ("throttled".equals(call.errorType())) {
        throttled.incrementAndGet();
      }
      waits.add(call.queuedNanos());
    }

    Map<ModelCall.Outcome, Long> outcomes() {
      Map<ModelCall.Outcome, Long> m = new EnumMap<>(ModelCall.Outcome.class);
      outcomes.forEach((k, v) -> m.put(k, v.get()));
      return m;
    }

    long[] waits() {
      return waits.stream().mapToLong(Long::longValue).sorted().toArray();
    }
  }

  /**
   * The fake Bedrock's rule: a request that arrives while {@code quota} are being answered gets
   * {@code ThrottlingException} (HTTP 429) at once; the others are answered by the offline model.
   */
  static final class ThrottlingQuota implements ReplyRule {
    private final int quota;
    private final ReplyRule answer;
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();

    ThrottlingQuota(int quota, ReplyRule answer) {
      this.quota = quota;
      this.answer = answer;
    }

    @Override
    public FakeReply reply(RecordedConverse request) {
      requests.incrementAndGet();
      int now = inFlight.incrementAndGet();
      try {
        if (now > quota) {
          throttled.incrementAndGet();
          return FakeReply.error(BedrockFault.THROTTLING, "Too many requests, please wait before trying again.");
        }
        peak.accumulateAndGet(now, Math::max);
        return answer.reply(request);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  /**
   * Takes and drops the requests the fake Bedrock records for {@code takeRequest()}: it keeps
   * every one (body and JSON tree, some 20 KB each) until taken, which over 20,000 requests would
   * fill a 512 MB heap that is meant to measure the library. One daemon platform thread.
   */
  static final class Drain {
    private final FakeBedrockServer server;
    private final Thread thread;
    private volatile boolean running = true;

    Drain(FakeBedrockServer server) {
      this.server = server;
      this.thread = new Thread(this::loop, "load-drain");
      thread.setDaemon(true);
      thread.start();
    }

    private void loop() {
      while (running) {
        try {
          server.takeRequest(Duration.ofMillis(200));
        } catch (IllegalStateException none) {
          // nothing arrived in 200 ms, or interrupted: look at running again
        }
      }
    }

    void stop() {
      running = false;
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Samples live threads and heap used on a daemon platform thread of its own (one more thread
   * in the count). Thread names are grouped by their prefix without the trailing number.
   */
  static final class Sampler {
    private final long periodMs;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    final AtomicLong peakHeap = new AtomicLong();
    /** The most heap any collection left in use (its GcInfo's heap usage after the GC), over the samples. */
    final AtomicLong peakAfterGc = new AtomicLong();
    private final java.util.Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
        .collect(java.util.stream.Collectors.toSet());
    final AtomicLong samples = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private long startedBefore;
    private long startedAfter;
    private int peakSampled = -1;
    private Map<String, Integer> atPeak = Map.of();
    private final Map<String, Integer> maxima = new TreeMap<>();

    Sampler(long periodMs) {
      this.periodMs = periodMs;
    }

    void start() {
      threads.resetPeakThreadCount();
      startedBefore = threads.getTotalStartedThreadCount();
      running = true;
      thread = new Thread(this::loop, "load-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() {
      running = false;
      if (thread != null) {
        try {
          thread.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      sample();
      startedAfter = threads.getTotalStartedThreadCount();
    }

    /** Platform threads started between {@link #start()} and {@link #stop()}, the sampler's own included. */
    long startedThreads() {
      return startedAfter - startedBefore;
    }

    private void loop() {
      while (running) {
        sample();
        try {
          Thread.sleep(periodMs);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private synchronized void sample() {
      samples.incrementAndGet();
      peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof com.sun.management.GarbageCollectorMXBean sun && sun.getLastGcInfo() != null) {
          long afterGc = 0;
          for (Map.Entry<String, MemoryUsage> e : sun.getLastGcInfo().getMemoryUsageAfterGc().entrySet()) {
            afterGc += heapPools.contains(e.getKey()) ? e.getValue().getUsed() : 0;
          }
          peakAfterGc.accumulateAndGet(afterGc, Math::max);
        }
      }
      int count = threads.getThreadCount();
      // names cost more than the count: take them when the count is at a new high, or every 10th sample
      if (count > peakSampled || samples.get() % 10 == 0) {
        Map<String, Integer> groups = groups();
        groups.forEach((k, v) -> maxima.merge(k, v, Math::max));
        if (count > peakSampled) {
          peakSampled = count;
          atPeak = groups;
        }
      }
    }

    private Map<String, Integer> groups() {
      Map<String, Integer> g = new TreeMap<>();
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
        if (info != null) {
          g.merge(info.getThreadName().replaceAll("[-_ #]*\\d+$", "").replaceAll("\\d+", "N"), 1, Integer::sum);
        }
      }
      return g;
    }

    int peakThreads() {
      return threads.getPeakThreadCount();
    }

    synchronized String groupsAtPeak() {
      return top(atPeak);
    }

    synchronized String groupMaxima() {
      return top(maxima);
    }

    private static String top(Map<String, Integer> m) {
      Map<String, Integer> sorted = new LinkedHashMap<>();
      m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      int rest = m.values().stream().mapToInt(Integer::intValue).sum()
          - sorted.values().stream().mapToInt(Integer::intValue).sum();
      return sorted + (rest > 0 ? " + " + rest + " others" : "");
    }
  }
}
