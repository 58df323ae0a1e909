package io.skymarshal.store;

import io.skymarshal.core.Decision;
import io.skymarshal.core.Phase;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link io.skymarshal.core.Orchestrator#decide} returns: the stored decision, and the
 * {@link Decision} itself when this call ran the arbitration. Immutable.
 *
 * @param stored   the decision as the store keeps it
 * @param decision the run's decision, present exactly when {@code source} is {@link Source#ARBITRATED}
 * @param source   where the answer came from
 */
public record DecisionOutcome(StoredDecision stored, Optional<Decision> decision, Source source) {

  /** Where a {@link DecisionOutcome} came from. */
  public enum Source {
    /** This call ran the run (perhaps resuming checkpointed phases) and stored its decision. */
    ARBITRATED,
    /** The decision was stored already. */
    STORED,
    /** Another owner's run was in flight; this call waited for its decision. */
    AWAITED
  }

  public DecisionOutcome {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(source, "source");
    if (decision.isPresent() != (source == Source.ARBITRATED)) {
      throw new IllegalArgumentException("a decision is present exactly when ARBITRATED (source " + source + ")");
    }
  }

  /** The phases this call resumed from checkpoints instead of running; empty unless ARBITRATED. */
  public List<Phase> resumedPhases() {
    return decision.map(d -> d.report().resumedPhases()).orElse(List.of());
  }
}
