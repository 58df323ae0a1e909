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

}
