package io.skymarshal.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.core.AgentCall;
import io.skymarshal.core.CallStatus;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.TokenUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointCodecTest {
  private final CheckpointCodec codec = new CheckpointCodec(io.skymarshal.core.DecideOnceTestAccess.codec());

  private static AgentCall call(long queuedNanos) {
    return new AgentCall("network", Tier.BUSINESS, Phase.REVISION, CallStatus.FAILED, 2, 2, 5_000_000L, "m",
        TokenUsage.of(10, 2), 0.001, false, "timed out", null, queuedNanos);
  }

  @Test
  void write_thenRead_keepsTheTimeACallQueuedForAQuotaPermit() {
    PhaseState state = new PhaseState(Phase.REVISION, Map.of(), Map.of(), List.of(call(123_456)), 9_000_000L);

    PhaseState back = codec.read(codec.write(state), Phase.REVISION, Map.of("network", Tier.BUSINESS));

    assertThat(back.calls()).containsExactly(call(123_456));
  }

  @Test
  void read_aCheckpointWrittenBeforeQuotas_readsNoTimeQueued() {
    String old = codec.write(new PhaseState(Phase.REVISION, Map.of(), Map.of(), List.of(call(0)), 1L))
        .replace(",\"queuedNanos\":0", "");
    assertThat(old).doesNotContain("queuedNanos");

    assertThat(codec.read(old, Phase.REVISION, Map.of("network", Tier.BUSINESS)).calls()).containsExactly(call(0));
  }
}
