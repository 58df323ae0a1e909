package io.skymarshal.core;

/** How one agent's work in one phase ended. */
public enum CallStatus {
  /** A recommendation (or ruling) was produced. */
  SUCCEEDED,
  /** It failed after its retries, or with a permanent error. */
  FAILED,
  /** It was cut at its timeout. */
  TIMED_OUT,
  /** It was cancelled because a SAFETY agent failed and the run halted. */
  CANCELLED,
  /** It did not run: it had failed in an earlier phase, or the run had halted. */
  SKIPPED;

  /** Whether a result was produced. */
  public boolean succeeded() {
    return this == SUCCEEDED;
  }
}
