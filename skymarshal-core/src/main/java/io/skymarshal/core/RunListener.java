package io.skymarshal.core;

/**
 * Observes runs, for metrics and logging. Every method has an empty default; implement the ones
 * you need. Methods are called from the engine's threads, possibly concurrently for agents of
 * the same phase, so implementations must be thread-safe and quick. An exception thrown by a
 * listener is logged and otherwise ignored: it never changes a run's outcome.
 */
public interface RunListener {

  /** A run began. */
  default void onRunStarted(Disruption disruption) {}

  /** A phase began. */
  default void onPhaseStarted(Disruption disruption, Phase phase) {}

  /**
   * An agent's work in a phase (or the arbitrator's in Phase 3) is starting: its reads, prompt
   * and model calls follow, then exactly one {@link #onAgentCompleted} for it. Not called for an
   * agent that is skipped (its {@link #onAgentCompleted} has status {@link CallStatus#SKIPPED}).
   * Called on the thread that starts the phase (for Phase 1, the thread that started the run).
   */
  default void onAgentStarted(Disruption disruption, String agent, Tier tier, Phase phase) {}

  /** A model attempt failed; {@code willRetry} says whether another attempt follows. */
  default void onAttemptFailed(Disruption disruption, String agent, Phase phase, int attempt, Throwable error,
      boolean willRetry) {}

  /**
   * A model call ended: every request to a model (each attempt, re-ask and hedge of every agent
   * call), with its latency, time queued for a quota permit, tokens and outcome. Called on the
   * thread that completed the call; keep it quick.
   */
  default void onModelCall(Disruption disruption, ModelCall call) {}

  /** An agent's work in a phase reached its outcome (also the arbitrator's in Phase 3). */
  default void onAgentCompleted(Disruption disruption, AgentCall call) {}

  /** Every outcome of a phase is final. */
  default void onPhaseCompleted(Disruption disruption, PhaseTiming timing) {}

  /** The run ended with {@code decision}. */
  default void onRunCompleted(Disruption disruption, Decision decision) {}

  /**
   * The run was cancelled (its future from {@link Orchestrator#runAsync} cancelled, or the thread
   * waiting in {@link Orchestrator#run} interrupted) and has ended: its in-flight model calls were
   * cancelled and no further call or phase started. Called once the cancelled calls' outcomes are
   * final; for a run, either this or {@link #onRunCompleted} is called, never both.
   *
   * @param report what the run did until it ended: the cancelled calls have status
   *               {@link CallStatus#CANCELLED}
   */
  default void onRunCancelled(Disruption disruption, RunReport report) {}

  /** A listener that does nothing. */
  RunListener NONE = new RunListener() {};
}
