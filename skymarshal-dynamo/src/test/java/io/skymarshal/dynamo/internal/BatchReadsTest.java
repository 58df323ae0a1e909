package io.skymarshal.dynamo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.data.BatchReadException;
import io.skymarshal.data.BatchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

class BatchReadsTest {

  @Test
  void fanOut_whenNoChunks_completesEmptyWithoutReading() {
    List<List<String>> asked = new ArrayList<>();
    CompletableFuture<BatchResult<String, String>> f = BatchReads.fanOut("t", List.of(), 4, chunk -> {
      asked.add(chunk);
      return CompletableFuture.completedFuture(BatchResult.empty());
    });

    assertThat(f).isCompletedWithValue(BatchResult.empty());
    assertThat(asked).isEmpty();
  }

  @Test
  void fanOut_whenLaterChunkCompletesFirst_keepsChunkKeyOrder() {
    Map<List<String>, CompletableFuture<BatchResult<String, String>>> pending = new LinkedHashMap<>();
    CompletableFuture<BatchResult<String, String>> f = BatchReads.fanOut("t",
        List.of(List.of("a", "b"), List.of("c")), 2, chunk -> {
          CompletableFuture<BatchResult<String, String>> p = new CompletableFuture<>();
          pending.put(chunk, p);
          return p;
        });

    pending.get(List.of("c")).complete(BatchResult.complete(Map.of("c", "C"), Set.of()));
    pending.get(List.of("a", "b")).complete(BatchResult.complete(Map.of("b", "B", "a", "A"), Set.of()));

    assertThat(f.join().found().keySet()).containsExactly("a", "b", "c");
  }

  @Test
  void fanOut_whenLimitIsOne_startsNextChunkOnlyAfterPreviousCompletes() {
    List<CompletableFuture<BatchResult<String, String>>> started = new ArrayList<>();
    CompletableFuture<BatchResult<String, String>> f = BatchReads.fanOut("t",
        List.of(List.of("a"), List.of("b")), 1, chunk -> {
          CompletableFuture<BatchResult<String, String>> p = new CompletableFuture<>();
          started.add(p);
          return p;
        });

    assertThat(started).hasSize(1);
    started.get(0).complete(BatchResult.complete(Map.of(), Set.of("a")));
    assertThat(started).hasSize(2);
    started.get(1).complete(BatchResult.complete(Map.of("b", "B"), Set.of()));
    assertThat(f.join().missing()).containsExactly("a");
  }

  @Test
  void fanOut_whenChunkFailsForGood_reportsItsKeysUnprocessedAndOthersFound() {
    BatchReadException cause = new BatchReadException("denied", false, null);
    BatchResult<String, String> r = BatchReads.<String, String>fanOut("t",
        List.of(List.of("a"), List.of("b")), 2, chunk -> CompletableFuture.completedFuture(
            chunk.contains("a") ? new BatchResult<>(Map.of(), Set.of(), Set.of("a"), cause)
                : BatchResult.complete(Map.of("b", "B"), Set.of()))).join();

    assertThat(r.found()).containsExactly(Map.entry("b", "B"));
    assertThat(r.unprocessed()).containsExactly("a");
    assertThat(r.failure()).isSameAs(cause);
  }

  @Test
  void await_whenReadChunkThrows_rethrowsTheCallerErrorUnwrapped() {
    IllegalArgumentException bad = new IllegalArgumentException("key rejected");
    CompletableFuture<BatchResult<String, String>> f = BatchReads.fanOut("t", List.of(List.of("x")), 1,
        chunk -> {
          throw bad;
        });

    assertThatThrownBy(() -> BatchReads.await(f)).isSameAs(bad);
  }

  @Test
  void await_whenCauseIsChecked_rethrowsTheCompletionException() {
    CompletableFuture<String> f = CompletableFuture.failedFuture(new Exception("checked"));

    assertThatThrownBy(() -> BatchReads.await(f)).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(Exception.class).hasRootCauseMessage("checked");
  }

  @Property(tries = 50)
  void fanOut_foundFollowsKeyOrderOfTheChunks(
      @ForAll @UniqueElements @Size(max = 30) List<@IntRange(min = 0, max = 1000) Integer> keys,
      @ForAll @IntRange(min = 1, max = 7) int chunkSize, @ForAll @IntRange(min = 1, max = 4) int limit) {
    List<List<Integer>> chunks = new ArrayList<>();
    for (int i = 0; i < keys.size(); i += chunkSize) {
      chunks.add(keys.subList(i, Math.min(keys.size(), i + chunkSize)));
    }

    BatchResult<Integer, Integer> r = BatchReads.<Integer, Integer>fanOut("t", chunks, limit,
        chunk -> CompletableFuture.completedFuture(BatchResult.complete(
            chunk.stream().filter(k -> k % 3 != 0).collect(Collectors.toMap(k -> k, k -> -k)),
            chunk.stream().filter(k -> k % 3 == 0).collect(Collectors.toSet())))).join();

    assertThat(r.found().keySet()).containsExactlyElementsOf(keys.stream().filter(k -> k % 3 != 0).toList());
    assertThat(r.missing()).containsExactlyInAnyOrderElementsOf(keys.stream().filter(k -> k % 3 == 0).toList());
    assertThat(r.isComplete()).isTrue();
  }
}
