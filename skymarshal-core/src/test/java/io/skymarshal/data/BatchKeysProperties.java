package io.skymarshal.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BatchKeysProperties {

  /** P5 for the chunking every reader shares: N distinct keys give ceil(N/100) chunks of at most 100, no duplicates. */
  @Property(tries = 200)
  void distinctChunks_coverEveryDistinctKeyOnce(@ForAll @Size(max = 450) List<@IntRange(min = 0, max = 500) Integer> keys) {
    List<List<Integer>> chunks = BatchKeys.distinctChunks(keys, 100);
    long distinct = keys.stream().distinct().count();
    assertThat(chunks).hasSize((int) ((distinct + 99) / 100));
    assertThat(chunks).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(100).doesNotHaveDuplicates());
    List<Integer> flat = new ArrayList<>();
    chunks.forEach(flat::addAll);
    assertThat(flat).doesNotHaveDuplicates().containsExactlyElementsOf(keys.stream().distinct().toList());
  }

}
