package io.skymarshal.examples.cli;

import io.skymarshal.core.Decision;

/** The exit statuses of the example programs. */
public final class ExitCode {
  /** Done: every run decided (DECIDED or DEGRADED), every check passed, or help was asked for. */
  public static final int OK = 0;
  /** The program failed: a setting, a file, a service or a preflight check; the message says what to do. */
  public static final int FAILED = 1;
  /** Bad arguments: the usage is printed. */
  public static final int USAGE = 2;
  /** A run made no decision (HALTED or REFERRED): a person must act. */
  public static final int NO_DECISION = 3;

  /** The lines the help of a program that decides ends with. */
  static final String HELP_DECIDING = """
      exit status:
        0  done: a decision was made (DECIDED or DEGRADED)
        1  failed: the message says what to do
        2  bad arguments
        3  no decision was made (HALTED or REFERRED): a person must act
      """;

  /** The lines the help of another program ends with. */
  static final String HELP = """
      exit status:
        0  done
        1  failed: the message says what to do
        2  bad arguments
      """;

  private ExitCode() {}

  /** {@link #OK} for a DECIDED or DEGRADED decision, {@link #NO_DECISION} for HALTED or REFERRED. */
  public static int of(Decision decision) {
    return switch (decision.status()) {
      case DECIDED, DEGRADED -> OK;
      case HALTED, REFERRED -> NO_DECISION;
    };
  }

  /**
   * For a run that made no decision, the line saying so and why, e.g. {@code HALTED: no decision
   * was made, a person must act: SAFETY agent maintenance ...}; empty for a decision.
   */
  public static String noDecisionLine(Decision decision) {
    return switch (decision.status()) {
      case DECIDED, DEGRADED -> "";
      case HALTED, REFERRED -> decision.status() + ": no decision was made, a person must act: "
          + (decision.haltReason() == null ? "(no reason given)" : decision.haltReason());
    };
  }
}
