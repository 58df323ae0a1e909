package io.skymarshal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InMemoryBatchReaderTest {

  @Test
  void getAll_with250KeysAndDuplicates_makesThreeRequests_andReportsMissingKeys() {
    InMemoryBatchReader<Integer, String> r = new InMemoryBatchReader<>();
    IntStream.range(0, 200).forEach(i -> r.put(i, "item" + i));
    List<Integer> keys = new ArrayList<>(IntStream.range(0, 250).boxed().toList());
    keys.addAll(List.of(1, 2, 3));

    BatchResult<Integer, String> res = r.getAll(keys);

    assertThat(res.isComplete()).isTrue();
    assertThat(res.found()).hasSize(200).containsEntry(7, "item7");
    assertThat(res.missing()).containsExactlyElementsOf(IntStream.range(200, 250).boxed().toList());
    assertThat(r.requestCount()).isEqualTo(3);
    assertThat(r.keysRequested()).isEqualTo(250);
  }

  @Test
  void getAll_empty_makesNoRequest() {
    InMemoryBatchReader<String, String> r = new InMemoryBatchReader<>();
    assertThat(r.getAll(List.of()).found()).isEmpty();
    assertThat(r.requestCount()).isZero();
  }

  @Test
  void get_singleItem_matchesBatchRead() {
    InMemoryBatchReader<String, String> r = new InMemoryBatchReader<String, String>().put("a", "A");
    assertThat(r.get("a")).contains("A");
    assertThat(r.get("b")).isEmpty();
  }

  @Test
  void getAll_nullKey_isRejected() {
    List<String> keys = new ArrayList<>();
    keys.add(null);
    assertThatThrownBy(() -> new InMemoryBatchReader<String, String>().getAll(keys)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("null");
  }


  // issue 11, bug 5: the default getAllAsync ran on supplyAsync's default executor, which on a
  // 2-core JVM starts a new platform thread per read, outside any bounded pool
  @Test
  void getAllAsync_default_readsOnTheCallingThread() {
    java.util.concurrent.atomic.AtomicReference<Thread> ranOn = new java.util.concurrent.atomic.AtomicReference<>();
    BatchReader<String, String> onlyGetAll = keys -> {
      ranOn.set(Thread.currentThread());
      return BatchResult.complete(java.util.Map.of(), new java.util.LinkedHashSet<>(keys));
    };

    java.util.concurrent.CompletableFuture<BatchResult<String, String>> f = onlyGetAll.getAllAsync(List.of("a", "b"));

    assertThat(f).isDone();
    assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    assertThat(f.join().missing()).containsExactly("a", "b");
  }

  @Test
  void getAllAsync_ofTheInMemoryReader_readsOnTheCallingThread() {
    Thread caller = Thread.currentThread();
    java.util.concurrent.atomic.AtomicReference<Thread> ranOn = new java.util.concurrent.atomic.AtomicReference<>();
    InMemoryBatchReader<String, String> r = new InMemoryBatchReader<String, String>().put("a", "A");
    java.util.concurrent.CompletableFuture<BatchResult<String, String>> f = r.getAllAsync(List.of("a"))
        .whenComplete((v, e) -> ranOn.set(Thread.currentThread()));

    assertThat(f).isDone();
    assertThat(ranOn.get()).isSameAs(caller);
    assertThat(f.join().found()).containsEntry("a", "A");
  }

  @Test
  void getAllAsync_default_whenGetAllThrows_failsTheFutureInsteadOfThrowing() {
    BatchReader<String, String> failing = keys -> {
      throw new BatchReadException("store down", null);
    };
    java.util.concurrent.CompletableFuture<BatchResult<String, String>> f = failing.getAllAsync(List.of("a"));
    assertThat(f).isCompletedExceptionally();
    assertThatThrownBy(f::join).hasCauseInstanceOf(BatchReadException.class);
  }
}
