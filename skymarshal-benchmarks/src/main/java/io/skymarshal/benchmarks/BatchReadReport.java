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
 * the batch reader's speed-up against the other two, as a Markdown table. Run:
 * <pre>
 * java -cp skymarshal-benchmarks/target/benchmarks.jar io.skymarshal.benchmarks.BatchReadReport
 * </pre>
 */
public final class BatchReadReport {
  private BatchReadReport() {}

  public static void main(String[] args) throws RunnerException {
    Options options = new OptionsBuilder().include(BatchReadBenchmark.class.getName() + "\\.").build();
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
  }

  private static String ms(double[] v) {
    return String.format(Locale.ROOT, "%.2f ± %.2f ms", v[0], v[1]);
  }
}
