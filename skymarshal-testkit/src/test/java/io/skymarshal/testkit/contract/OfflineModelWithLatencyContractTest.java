package io.skymarshal.testkit.contract;

import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.TokenUsage;
import java.time.Duration;

/**
 * The offline model with a demonstration latency keeps the {@link ModelClient} contract too: its
 * replies complete later, on a timer thread, and a reply it holds back can be cancelled.
 */
class OfflineModelWithLatencyContractTest extends OfflineModelContractTest {
  private static final Duration LATENCY = Duration.ofSeconds(1);

  @Override
  OfflineModel offlineModel() {
    return OfflineModel.builder().latency(LATENCY).build();
  }

  @Override
  protected boolean canHoldReply() {
    return true;
  }

  /** Every reply is held back for {@link #LATENCY}, far longer than the clause takes to cancel it. */
  @Override
  protected ModelRequest heldRequest() {
    return textExchange("never answered", "", TokenUsage.ZERO).request();
  }
}
