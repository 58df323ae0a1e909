package io.skymarshal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BatchRetryPolicyTest {

  @Test
  void backoffCap_doublesFromBaseDelayUpToMaxDelay() {
    BatchRetryPolicy p = BatchRetryPolicy.builder().baseDelay(Duration.ofMillis(25)).maxDelay(Duration.ofMillis(150)).build();
    assertThat(List.of(p.backoffCap(1), p.backoffCap(2), p.backoffCap(3), p.backoffCap(4), p.backoffCap(100)))
        .containsExactly(Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150),
            Duration.ofMillis(150));
  }

  @Property(tries = 200)
  void nextDelay_isFullJitterWithinZeroAndTheCap(@ForAll @IntRange(min = 1, max = 80) int retry, @ForAll long seed) {
    BatchRetryPolicy p = BatchRetryPolicy.builder().jitterSeed(seed).build();
    Duration d = p.nextDelay(retry);
    assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(p.backoffCap(retry));
  }

  @Test
  void nextDelay_withTheSameSeed_repeatsAndSpreadsOverTheRange() {
    List<Duration> a = delays(BatchRetryPolicy.builder().jitterSeed(7).build());
    List<Duration> b = delays(BatchRetryPolicy.builder().jitterSeed(7).build().toBuilder().build());
    assertThat(a).isEqualTo(b);
    // full jitter: delays of the same retry differ, some well under half the cap
    assertThat(a.stream().distinct().count()).isGreaterThan(40);
    assertThat(a).anySatisfy(d -> assertThat(d).isLessThan(Duration.ofMillis(12)));
  }

  private static List<Duration> delays(BatchRetryPolicy p) {
    List<Duration> out = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      out.add(p.nextDelay(1));
    }
    return out;
  }

  @Test
  void builder_rejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> BatchRetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> BatchRetryPolicy.builder().maxDuration(Duration.ZERO)).hasMessageContaining("maxDuration");
    assertThatThrownBy(() -> BatchRetryPolicy.builder().baseDelay(Duration.ofMillis(-1))).hasMessageContaining("baseDelay");
    assertThatThrownBy(() -> BatchRetryPolicy.builder().baseDelay(Duration.ofSeconds(5)).maxDelay(Duration.ofSeconds(1)).build())
        .hasMessageContaining("exceeds maxDelay");
    assertThatThrownBy(() -> BatchRetryPolicy.defaults().backoffCap(0)).hasMessageContaining("retry");
  }
}
