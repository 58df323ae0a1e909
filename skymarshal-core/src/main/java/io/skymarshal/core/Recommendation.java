package io.skymarshal.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One agent's recommendation in one phase. Immutable.
 *
 * @param agent       the agent's name
 * @param tier        the agent's tier
 * @param phase       the phase it was given in
 * @param action      an action from the agent's vocabulary, e.g. {@code CREW_CHANGE}, {@code AOG}, {@code DELAY}
 * @param confidence  in [0, 1]
 * @param constraints the constraints the agent says must hold
 * @param reasoning   a short justification
 * @param figures     named figures backing it (costs, counts), in a stable order
 */
public record Recommendation(String agent, Tier tier, Phase phase, String action, double confidence,
    List<BindingConstraint> constraints, String reasoning, Map<String, String> figures) {

  public Recommendation {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reasoning, "reasoning");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be in [0, 1] but was " + confidence + " (agent " + agent + ")");
    }
    constraints = List.copyOf(constraints);
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }
}
