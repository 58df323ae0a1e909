package io.skymarshal.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link BatchReadBenchmark} and prints, per round-trip time, each way's mean time and
 * the batch reader's speed-up against the other two, as a Markdown table; then the reader's
 * speed-up over the enhanced client's sequential pages beside the best any client can reach
 * against dynalite, which serves one request at a time: with {@code s} its serve time per
 * 100-key chunk (the enhanced client's 0 ms time over 3 chunks) and {@code R} the round trip, 3
 * chunks take {@code 3(R+s)} one after another and at least {@code R+3s} at once, a limit of
 * {@code 3(R+s)/(R+3s)}. {@code --short} runs 5 x 1 s iterations after 5 x 1 s of warm-up (the
 * benchmark's own settings otherwise). Run:
 * <pre>
 * java -cp skymarshal-benchmarks/target/benchmarks.jar io.skymarshal.benchmarks.BatchReadReport
 * </pre>
 */
public final class BatchReadReport {
  private BatchReadReport() {}

  public static void main(String[] args) throws RunnerException {
    org.openjdk.jmh.runner.options.ChainedOptionsBuilder b = new OptionsBuilder()
        .include(BatchReadBenchmark.class.getName() + "\\.");
    if (java.util.Arrays.asList(args).contains("--short")) {
      b.forks(1).warmupIterations(5).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
          .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1));
    }
    Options options = b.build();
    Collection<RunResult> results = new Runner(options).run();
    // rtt -> method -> [mean ms, error ms]
    Map<Integer, Map<String, double[]>> byRtt = new TreeMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
      int rtt = Integer.parseInt(r.getParams().getParam("rttMillis"));
      byRtt.computeIfAbsent(rtt, k -> new TreeMap<>()).put(method,
          new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
    }
    StringBuilder out = new StringBuilder();
    out.append("| round trip | BatchGetReader | single GetItem loop | enhanced batchGetItem pages | vs single | vs enhanced |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Map.Entry<Integer, Map<String, double[]>> e : byRtt.entrySet()) {
      double[] batch = e.getValue().get("batchGetReader");
      double[] single = e.getValue().get("singleGetItemLoop");
      double[] enhanced = e.getValue().get("enhancedBatchGetPages");
      out.append(String.format(Locale.ROOT, "| %d ms | %s | %s | %s | %.1fx | %.2fx |%n", e.getKey(), ms(batch),
          ms(single), ms(enhanced), single[0] / batch[0], enhanced[0] / batch[0]));
    }
    System.out.println();
    System.out.println("Fetching " + BatchReadBenchmark.CREW + " crew members (mean ms per fetch, 99.9% error):");
    System.out.print(out);
    System.out.print(limits(byRtt));
  }

  /** The reader against the best a client can do on a one-request-at-a-time server, per round trip. */
  static String limits(Map<Integer, Map<String, double[]>> byRtt) {
    Map<String, double[]> zero = byRtt.get(0);
    if (zero == null) {
      return "";
    }
    double s = zero.get("enhancedBatchGetPages")[0] / 3; // serve time per chunk, read off the 0 ms run
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%nAgainst the limit (s = %.2f ms per 100-key chunk, from the 0 ms run):%n", s));
    out.append("| round trip R | sequential pages | reader | speed-up | limit 3(R+s)/(R+3s) | share of the limit | reader minus ideal R+3s |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<Integer, Map<String, double[]>> e : byRtt.entrySet()) {
      int r = e.getKey();
      if (r == 0) {
        continue;
      }
      double enhanced = e.getValue().get("enhancedBatchGetPages")[0];
      double reader = e.getValue().get("batchGetReader")[0];
      double speedUp = enhanced / reader;
      double limit = 3 * (r + s) / (r + 3 * s);
      out.append(String.format(Locale.ROOT, "| %d ms | %.2f ms | %.2f ms | %.2fx | %.2fx | **%.0f %%** | %.2f ms |%n", r,
          enhanced, reader, speedUp, limit, 100 * speedUp / limit, reader - (r + 3 * s)));
    }
    return out.toString();
  }

  private static String ms(double[] v) {
    return String.format(Locale.ROOT, "%.2f ± %.2f ms", v[0], v[1]);
  }
}
