package io.skymarshal.core.internal;

import io.skymarshal.core.Hedging;
import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelLimits;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every model call of one orchestrator goes through: the client, the per-model limits
 * (possibly shared with other orchestrators), the hedging of each tier, and the recent latencies
 * an observed-percentile hedge waits for. Thread-safe; shared by all runs of the orchestrator.
 */
final class ModelGateway {
  private final ModelClient client;
  private final ModelLimits limits;
  private final EngineConfig config;
  private final Map<String, LatencyWindow> windows = new ConcurrentHashMap<>();

  ModelGateway(EngineConfig config) {
    this.config = config;
    this.client = config.modelClient();
    this.limits = config.modelLimits();
  }

  ModelClient client() {
    return client;
  }

  ModelLimits limits() {
    return limits;
  }

  Hedging hedging(Tier tier) {
    return config.hedging(tier);
  }

  /** The recent successful latencies of {@code modelId}. */
  LatencyWindow window(String modelId) {
    return windows.computeIfAbsent(modelId, id -> new LatencyWindow());
  }
}
