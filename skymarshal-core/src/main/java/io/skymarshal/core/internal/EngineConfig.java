package io.skymarshal.core.internal;

import io.skymarshal.core.AgentPolicy;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.core.Phase;
import io.skymarshal.core.RunListener;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelRouting;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executor;

/** The validated settings of an orchestrator. Internal: not for use outside SkyMarshal. */
public record EngineConfig(List<AgentSpec<?>> agents, ArbitratorSpec arbitrator, ModelRouting routing,
    ModelClient modelClient, DataAccess data, List<RunListener> listeners, Executor executor,
    Map<Tier, Map<Phase, AgentPolicy>> tierPolicies, Map<String, AgentPolicy> agentPolicies,
    io.skymarshal.core.Ticker ticker, Random random, double reviewThreshold,
    io.skymarshal.model.ModelLimits modelLimits, Map<Tier, io.skymarshal.core.Hedging> hedging,
    List<io.skymarshal.core.spi.ContextPropagator> propagators) {

  /** How {@code tier}'s model calls are hedged; off unless set. */
  io.skymarshal.core.Hedging hedging(Tier tier) {
    return hedging.getOrDefault(tier, io.skymarshal.core.Hedging.off());
  }

  /** The policy of {@code agent} of {@code tier} in {@code phase}: agent's own, tier's for the phase, or the default. */
  AgentPolicy policy(String agent, Tier tier, Phase phase) {
    AgentPolicy p = agentPolicies.get(agent);
    if (p != null) {
      return p;
    }
    Map<Phase, AgentPolicy> byPhase = tierPolicies.get(tier);
    if (byPhase != null && byPhase.containsKey(phase)) {
      return byPhase.get(phase);
    }
    return AgentPolicy.defaults(tier, phase);
  }
}
