package io.skymarshal.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmarks {@code benchmarks/run} runs, with settings fit for a shared 2-core machine (one
 * fork, 5 x 1 s warm-up, 5 x 1 s measurement), printed as one Markdown table of ratios:
 * <ul>
 *   <li>{@link OrchestrationBenchmark} on this JDK with platform threads, and on each JDK given
 *       with {@code --jdk /path/to/java} (forks run on it) with platform and virtual threads: the
 *       engine against the raw fan-out and against LangChain4j agentic;
 *   <li>{@link PromptRenderBenchmark} with {@code -prof gc}: time and bytes allocated per prompt;
 *   <li>{@link KeyChunkingBenchmark}: de-duplication and chunking at 10 to 10,000 keys, per key;
 *   <li>{@link PlanCheckBenchmark}: a ruling checked against 100 SAFETY constraints;
 *   <li>{@link PhasePromptBenchmark} with {@code -prof gc}: a prompt rendered and a reply parsed per phase.
 * </ul>
 * {@code --quick} shortens every run to 3 x 1 s (a smoke run, not for figures).
 */
public final class BenchmarkSuite {
  private BenchmarkSuite() {}

  public static void main(String[] args) throws RunnerException, java.io.IOException {
    List<String> jdks = new ArrayList<>();
    boolean quick = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jdk" -> jdks.add(args[++i]);
        case "--quick" -> quick = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --jdk PATH, --quick");
      }
    }
    int iterations = quick ? 3 : 5;
    StringBuilder table = new StringBuilder();
    table.append("| benchmark | JDK | threads | orchestrator | raw fan-out | LangChain4j agentic | vs raw | vs LangChain4j |\n");
    table.append("|---|---|---|---:|---:|---:|---:|---:|\n");
    List<String> runs = new ArrayList<>();
    runs.add(null); // this JVM
    runs.addAll(jdks);
    for (String jvm : runs) {
      String threads = jvm == null ? "platform" : "platform,virtual";
      ChainedOptionsBuilder o = base(iterations).include(OrchestrationBenchmark.class.getName() + "\\.")
          .param("threads", threads.split(","));
      if (jvm != null) {
        o.jvm(jvm);
      }
      String version = jvm == null ? Runtime.version().toString() : javaVersion(jvm);
      Map<String, Map<String, Result<?>>> byThreads = new LinkedHashMap<>();
      for (RunResult r : new Runner(o.build()).run()) {
        byThreads.computeIfAbsent(r.getParams().getParam("threads"), k -> new LinkedHashMap<>())
            .put(method(r), r.getPrimaryResult());
      }
      byThreads.forEach((t, m) -> {
        Result<?> orch = m.get("orchestrator");
        Result<?> raw = m.get("rawFanOut");
        Result<?> lc4j = m.get("langchain4j");
        table.append(String.format(Locale.ROOT, "| orchestration (µs/run) | %s | %s | %s | %s | %s | **%.2fx** | **%.2fx** |%n",
            version, t, fmt(orch), fmt(raw), fmt(lc4j), orch.getScore() / raw.getScore(),
            orch.getScore() / lc4j.getScore()));
      });
    }
    StringBuilder prompts = new StringBuilder();
    prompts.append("| prompt benchmark | JDK | µs/op | B/op |\n|---|---|---:|---:|\n");
    Collection<RunResult> promptResults = new Runner(base(iterations)
        .include(PromptRenderBenchmark.class.getName() + "\\.").addProfiler("gc").build()).run();
    for (RunResult r : promptResults) {
      Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      prompts.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", method(r), Runtime.version(),
          fmt(r.getPrimaryResult()), alloc == null ? "-" : String.format(Locale.ROOT, "%.0f", alloc.getScore())));
    }
    StringBuilder chunking = new StringBuilder();
    chunking.append("| keys | ns per call | ns per key |\n|---:|---:|---:|\n");
    for (RunResult r : new Runner(base(iterations).include(KeyChunkingBenchmark.class.getName() + "\\.").build()).run()) {
      int n = Integer.parseInt(r.getParams().getParam("keys"));
      chunking.append(String.format(Locale.ROOT, "| %,d | %s | %.1f |%n", n, fmt(r.getPrimaryResult()),
          r.getPrimaryResult().getScore() / n));
    }
    StringBuilder phases = new StringBuilder();
    phases.append("| phase | render µs | render B/op | parse µs | parse B/op |\n|---|---:|---:|---:|---:|\n");
    Map<String, Map<String, RunResult>> byPhase = new LinkedHashMap<>();
    for (RunResult r : new Runner(base(iterations).include(PhasePromptBenchmark.class.getName() + "\\.")
        .addProfiler("gc").build()).run()) {
      byPhase.computeIfAbsent(r.getParams().getParam("phase"), k -> new LinkedHashMap<>()).put(method(r), r);
    }
    byPhase.forEach((p, m) -> phases.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", p,
        fmt(m.get("render").getPrimaryResult()), bytes(m.get("render")), fmt(m.get("parse").getPrimaryResult()),
        bytes(m.get("parse")))));
    RunResult check = new Runner(base(iterations).include(PlanCheckBenchmark.class.getName() + "\\.").build())
        .run().iterator().next();
    System.out.println();
    System.out.println("Ratios: the engine's time per run divided by the peer's (lower is better; 1.00x = no overhead).");
    System.out.print(table);
    System.out.println();
    System.out.print(prompts);
    System.out.println();
    System.out.print(phases);
    System.out.println();
    System.out.print(chunking);
    System.out.println();
    System.out.printf(Locale.ROOT, "A plan checked against %d SAFETY constraints: %s µs%n", PlanCheckBenchmark.CONSTRAINTS,
        fmt(check.getPrimaryResult()));
  }

  private static ChainedOptionsBuilder base(int iterations) {
    return new OptionsBuilder().forks(1).warmupIterations(iterations).warmupTime(TimeValue.seconds(1))
        .measurementIterations(iterations).measurementTime(TimeValue.seconds(1)).shouldFailOnError(true);
  }

  private static String bytes(RunResult r) {
    Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
    return alloc == null ? "-" : String.format(Locale.ROOT, "%.0f", alloc.getScore());
  }

  private static String method(RunResult r) {
    String b = r.getParams().getBenchmark();
    return b.substring(b.lastIndexOf('.') + 1);
  }

  private static String fmt(Result<?> r) {
    return r == null ? "-" : String.format(Locale.ROOT, "%.1f ± %.1f", r.getScore(), r.getScoreError());
  }

  /** The version a {@code java} executable reports, from its {@code release} file. */
  private static String javaVersion(String java) throws java.io.IOException {
    Path release = Path.of(java).toAbsolutePath().getParent().getParent().resolve("release");
    if (Files.exists(release)) {
      for (String line : Files.readAllLines(release)) {
        if (line.startsWith("JAVA_RUNTIME_VERSION=") || line.startsWith("JAVA_VERSION=")) {
          return line.substring(line.indexOf('=') + 1).replace("\"", "");
        }
      }
    }
    return java;
  }
}
