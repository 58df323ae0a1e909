package io.skymarshal.airline.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.LocalTimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class CurfewProperties {

  @Property(tries = 2000)
  void forbids_isTheWindowWidenedByTheBufferInLocalTime(@ForAll @IntRange(max = 1439) int fromMinute,
      @ForAll @IntRange(max = 1439) int toMinute, @ForAll @IntRange(max = 360) int bufferMinutes,
      @ForAll @LongRange(min = 1_700_000_000L, max = 1_900_000_000L) long epochSecond, @ForAll("zones") ZoneId zone) {
    Assume.that(fromMinute != toMinute);
    LocalTimeWindow window = new LocalTimeWindow(LocalTime.MIN.plusMinutes(fromMinute), LocalTime.MIN.plusMinutes(toMinute));
    Curfew c = new Curfew("XXX", zone, window, Duration.ofMinutes(bufferMinutes), Curfew.Movement.ARRIVAL);
    Instant t = Instant.ofEpochSecond(epochSecond).truncatedTo(ChronoUnit.MINUTES);
    LocalTime local = t.atZone(zone).toLocalTime();
    // On whole minutes, being in [from - b, to + b) means some minute within b of it is in [from, to).
    boolean expected = false;
    for (int k = -bufferMinutes; k <= bufferMinutes && !expected; k++) {
      expected = window.contains(local.plusMinutes(k));
    }
    assertThat(c.forbids(t)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of("Europe/London", "Europe/Berlin", "Asia/Dubai", "Australia/Sydney", "America/New_York",
        "Asia/Kolkata", "Pacific/Chatham", "UTC").map(ZoneId::of);
  }
}
