package io.skymarshal.core.internal;

import java.util.function.Consumer;

/**
 * What a run starts from and where it keeps its completed phases. Internal.
 *
 * @param phase1 a checkpointed Phase 1 to resume from instead of running it; null to run it
 * @param phase2 a checkpointed Phase 2 (only with {@code phase1}); null to run it
 * @param sink   called, blocking, with each phase the run completes (and goes on from), before the
 *               next phase starts; an exception it throws fails the run
 */
public record Resume(PhaseState phase1, PhaseState phase2, Consumer<PhaseState> sink) {

  private static final Resume NONE = new Resume(null, null, s -> {});

  public Resume {
    java.util.Objects.requireNonNull(sink, "sink");
    if (phase2 != null && phase1 == null) {
      throw new IllegalArgumentException("a Phase 2 checkpoint needs the Phase 1 one");
    }
  }

  /** A run from the start that keeps nothing. */
  public static Resume none() {
    return NONE;
  }
}
