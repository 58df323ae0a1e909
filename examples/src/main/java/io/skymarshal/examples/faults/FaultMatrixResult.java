package io.skymarshal.examples.faults;

import io.skymarshal.core.Decision.Status;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fault matrix's outcome: one {@link CellResult} a cell, and its table. Immutable.
 *
 * @param config  what was run
 * @param setup   one line: the airline and the fakes
 * @param cells   the cells, in order
 * @param elapsed wall time of the whole matrix, setup included
 */
public record FaultMatrixResult(FaultMatrix.Config config, String setup, List<CellResult> cells, Duration elapsed) {

  public FaultMatrixResult {
    cells = List.copyOf(cells);
  }

  /** Whether every cell passed. */
  public boolean passed() {
    return cells.stream().allMatch(CellResult::passed);
  }

  /** The cells that did not pass, by name. */
  public List<String> failedCells() {
    return cells.stream().filter(c -> !c.passed()).map(c -> c.cell().name()).toList();
  }

  /** The last line: {@code Fault matrix: C cells, P passed, F failed}. */
  public String summaryLine() {
    long passed = cells.stream().filter(CellResult::passed).count();
    return "Fault matrix: " + cells.size() + " cells, " + passed + " passed, " + (cells.size() - passed) + " failed";
  }

  /** Prints the table, the problems of failing cells and the summary line. */
  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "Fault matrix: %d disruptions a cell; %s; %.1f s%n", config.runs(), setup,
        elapsed.toMillis() / 1000.0);
    out.println("Columns: statuses; unhand. = runs failed with an exception; unsafe = decisions breaking a SAFETY"
        + " constraint (checked again from the complete data); lost = runs without an outcome / keys dropped by a"
        + " reader; unread = keys reported unprocessed (typed); faults = injected; retries = model attempts after"
        + " the first; \"as baseline\": each run must end with the status and action it had without faults");
    String row = "%-50s %4s %7s %8s %8s %6s %7s %6s %5s %5s %6s %6s %7s  %-34s %s%n";
    out.printf(Locale.ROOT, row, "cell", "runs", "DECIDED", "DEGRADED", "REFERRED", "HALTED", "unhand.", "unsafe",
        "lostR", "lostK", "unread", "faults", "retries", "expected", "result");
    for (CellResult r : cells) {
      out.printf(Locale.ROOT, row, r.cell().name(), r.submitted(), r.count(Status.DECIDED), r.count(Status.DEGRADED),
          r.count(Status.REFERRED), r.count(Status.HALTED), r.unhandled(), r.unsafe(), r.lostRuns(), r.lostKeys(),
          r.unreadKeys(), r.injected(), r.retries(), expected(r), verdict(r));
    }
    out.println();
    out.println("Model calls the engine made, and how the failed ones failed:");
    for (CellResult r : cells) {
      out.printf(Locale.ROOT, "  %-50s %5d calls, failed %s; keys asked %d%n", r.cell().name(), r.modelCalls(),
          r.modelFailures(), r.keysAsked());
    }
    for (CellResult r : cells) {
      if (!r.passed()) {
        out.println();
        out.println(r.cell().name() + ": FAILED (" + r.cell().why() + ")");
        if (r.idle()) {
          out.println("  no fault was injected: the cell tested nothing");
        }
        r.problems().forEach(p -> out.println("  " + p));
      }
    }
    out.println();
    out.println(summaryLine());
  }

  private static String expected(CellResult r) {
    return new TreeSet<>(r.cell().expected()).stream().map(Enum::name).collect(Collectors.joining("/"))
        + (r.cell().asBaseline() && r.cell().faulted() ? ", as baseline" : "");
  }

  private static String verdict(CellResult r) {
    if (r.passed()) {
      return "pass";
    }
    return "FAIL" + (r.unexpected().isEmpty() ? "" : " " + r.unexpected())
        + (r.drift() == 0 ? "" : " " + r.drift() + " not as baseline");
  }
}
