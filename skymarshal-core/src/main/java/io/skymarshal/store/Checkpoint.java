package io.skymarshal.store;

import io.skymarshal.core.Phase;
import java.util.Objects;

/**
 * The stored results of one completed phase of a run (Phase 1 or Phase 2): the recommendations
 * with their binding constraints, clearances and examined resources, the missing agents, and the
 * calls with their usage and cost. A store keeps {@link #payload()} as given, without reading it;
 * the orchestrator writes and reads it. Immutable.
 *
 * @param phase   {@link Phase#INITIAL} or {@link Phase#REVISION}
 * @param payload the phase's results as JSON text, as the orchestrator wrote them
 */
public record Checkpoint(Phase phase, String payload) {

  public Checkpoint {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(payload, "payload");
    if (phase == Phase.ARBITRATION) {
      throw new IllegalArgumentException("only Phase 1 and Phase 2 are checkpointed; arbitration ends in the decision");
    }
  }
}
