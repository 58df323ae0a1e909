package io.skymarshal.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.core.AgentPolicy;
import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BackoffProperties {

  /** P8, growing delays: without jitter each delay doubles until it reaches the maximum. */
  @Property
  void withoutJitter_delaysDoubleUpToTheMax(@ForAll @LongRange(min = 1, max = 1000) long initialMs,
      @ForAll @IntRange(min = 0, max = 6) int doublings, @ForAll @IntRange(min = 1, max = 10) int retry) {
    Duration initial = Duration.ofMillis(initialMs);
    Duration max = initial.multipliedBy(1L << doublings);
    Backoff b = new Backoff(new AgentPolicy(Duration.ofSeconds(1), 3, initial, max, 0), new Random(0));
    Duration expected = initial.multipliedBy(1L << Math.min(retry - 1, doublings));
    assertThat(b.delayBefore(retry)).isEqualTo(expected);
    assertThat(b.delayBefore(retry + 1)).isGreaterThanOrEqualTo(b.delayBefore(retry));
  }

  @Property
  void withJitter_delayStaysWithinItsBand(@ForAll @DoubleRange(min = 0, max = 0.99) double jitter,
      @ForAll @IntRange(min = 1, max = 8) int retry, @ForAll long seed) {
    Duration initial = Duration.ofMillis(100);
    Duration max = Duration.ofMillis(1600);
    Backoff b = new Backoff(new AgentPolicy(Duration.ofSeconds(1), 3, initial, max, jitter), new Random(seed));
    long base = Math.min(1600, 100L << Math.min(retry - 1, 4));
    long d = b.delayBefore(retry).toNanos();
    assertThat(d).isBetween((long) Math.floor(base * 1_000_000 * (1 - jitter)) - 1, max.toNanos());
    assertThat(d).isLessThanOrEqualTo(Math.round(base * 1_000_000 * (1 + jitter)));
  }

  @Property(tries = 20)
  void sameSeed_sameDelays(@ForAll long seed) {
    AgentPolicy p = AgentPolicy.defaults(io.skymarshal.core.Tier.SAFETY, io.skymarshal.core.Phase.INITIAL);
    Backoff a = new Backoff(p, new Random(seed));
    Backoff b = new Backoff(p, new Random(seed));
    for (int i = 1; i <= 5; i++) {
      assertThat(a.delayBefore(i)).isEqualTo(b.delayBefore(i));
    }
  }
}
