package io.skymarshal.opentelemetry;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.AgentPolicy;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Tier;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelReply;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The seven airline agents on the offline model over the EY123 sample, with scripted failures. */
final class Runs {
  /** Fast retries, a timeout no loaded machine reaches. */
  static final AgentPolicy FAST = new AgentPolicy(Duration.ofSeconds(60), 3, Duration.ofMillis(1),
      Duration.ofMillis(2), 0);

  private Runs() {}

  static Orchestrator.Builder orchestrator(ModelClient model) {
    return Orchestrator.builder().agents(AirlineAgents.all()).arbitrator(AirlineAgents.arbitrator())
        .modelClient(model).data(AirlineData.inMemory(AirlineSamples.ey123Airline())).random(new Random(7))
        .policy(Tier.SAFETY, FAST).policy(Tier.BUSINESS, FAST).policy(Tier.ARBITRATOR, FAST);
  }

  /**
   * The offline model, except that {@code throttledOnce}'s first call is throttled and every call
   * of {@code failing} fails permanently.
   */
  static ModelClient model(String throttledOnce, String failing) {
    OfflineModel offline = OfflineModel.create();
    Set<String> throttled = ConcurrentHashMap.newKeySet();
    return request -> {
      if (request.agent().equals(throttledOnce) && throttled.add(request.agent())) {
        return CompletableFuture.<ModelReply>failedFuture(
            new ModelException(ModelException.Kind.THROTTLED, "m", "scripted throttle"));
      }
      if (request.agent().equals(failing)) {
        return CompletableFuture.<ModelReply>failedFuture(
            new ModelException(ModelException.Kind.VALIDATION, "m", "scripted permanent failure"));
      }
      return offline.call(request);
    };
  }
}
