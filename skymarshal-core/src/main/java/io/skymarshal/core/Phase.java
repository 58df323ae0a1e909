package io.skymarshal.core;

/** The three phases of a run. Each is a barrier: the next starts when every outcome is final. */
public enum Phase {
  /** Phase 1: every agent, in parallel, recommends from its own data. */
  INITIAL("phase1_initial"),
  /** Phase 2: every agent, in parallel, revises after seeing all Phase-1 recommendations. */
  REVISION("phase2_revision"),
  /** Phase 3: the arbitrator decides from the revised recommendations. */
  ARBITRATION("phase3_arbitration");

  private final String reportName;

  Phase(String reportName) {
    this.reportName = reportName;
  }

  /** The name used in reports and logs, e.g. {@code phase1_initial}. */
  public String reportName() {
    return reportName;
  }
}
