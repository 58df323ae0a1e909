package io.skymarshal.core.internal;

import io.skymarshal.core.AgentCall;
import io.skymarshal.core.MissingAgent;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A completed Phase 1 or Phase 2, as checkpointed and resumed: recommendations and missing agents
 * by agent (in agent order), the calls made in it, and its duration. Internal. Immutable.
 */
public record PhaseState(Phase phase, Map<String, Recommendation> recommendations, Map<String, MissingAgent> missing,
    List<AgentCall> calls, long durationNanos) {

  public PhaseState {
    Objects.requireNonNull(phase, "phase");
    recommendations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(recommendations));
    missing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    calls = List.copyOf(calls);
  }
}
