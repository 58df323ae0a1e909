package io.skymarshal.examples.perf;

import java.io.PrintStream;

/**
 * A progress bar: redrawn in place on a terminal, one line each tenth of the way otherwise (logs).
 * Used by one thread.
 */
public final class Progress {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final String label;
  private final int total;
  private final boolean terminal;
  private int lastTenth = -1;

  public Progress(PrintStream out, String label, int total) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.terminal = System.console() != null;
  }

  /** Shows {@code done} of the total, with a note (e.g. the last run's latency). */
  public void show(int done, String note) {
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    String bar = String.format("%-28s [%s%s] %3d/%d %s", label, "#".repeat(filled), " ".repeat(WIDTH - filled), done,
        total, note);
    if (terminal) {
      out.print("\r" + bar);
      if (done == total) {
        out.println();
      }
      out.flush();
    } else {
      int tenth = total == 0 ? 10 : done * 10 / total;
      if (tenth != lastTenth) {
        lastTenth = tenth;
        out.println(bar);
      }
    }
  }
}
