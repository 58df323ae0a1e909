package io.skymarshal.benchmarks;

import io.skymarshal.data.BatchKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * De-duplicating and chunking {@code keys} keys into requests of at most 100
 * ({@link BatchKeys#distinctChunks}), one key in ten a repeat of an earlier one, as a batch reader
 * does before it sends anything. Linear means the time per key stays flat from 10 to 10,000 keys.
 *
 * <p>Run: {@code benchmarks/run}, or {@code java -jar skymarshal-benchmarks/target/benchmarks.jar KeyChunkingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KeyChunkingBenchmark {
  @Param({"10", "100", "1000", "10000"})
  public int keys;

  private List<String> input;

  @Setup
  public void setUp() {
    input = new ArrayList<>(keys);
    for (int i = 0; i < keys; i++) {
      input.add(i % 10 == 9 ? "crew#" + (i / 2) : "crew#" + i);
    }
  }

  @Benchmark
  public List<List<String>> distinctChunks() {
    return BatchKeys.distinctChunks(input, BatchKeys.MAX_KEYS_PER_REQUEST);
  }
}
