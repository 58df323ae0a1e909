package io.skymarshal.examples.faults;

import io.skymarshal.examples.cli.Arguments;
import io.skymarshal.examples.cli.CommandLine;
import io.skymarshal.examples.cli.ExitCode;
import io.skymarshal.examples.cli.Tool;
import io.skymarshal.examples.cli.UsageException;
import io.skymarshal.testkit.dynamo.DynaliteServer;
import java.io.PrintStream;

/**
 * Runs the fault matrix ({@link FaultMatrix}) against a dynalite of its own (TLS) and prints its
 * table: one row a cell with its counts, then the model calls of each cell, the problems of any
 * failing cell and a last line {@code Fault matrix: C cells, P passed, F failed}. From the
 * repository root (Node.js >= 20 for dynalite):
 * <pre>
 * ./mvnw -q -pl examples -am package exec:java -DskipTests \
 *     -Dexec.mainClass=io.skymarshal.examples.faults.FaultMatrixMain
 * </pre>
 * {@code --help} prints the options. Exit status 0 when every cell passed, 1 when one failed or
 * the program failed, 2 on bad arguments.
 */
public final class FaultMatrixMain {

  static final CommandLine CLI = CommandLine.of("FaultMatrixMain",
          "Decides the same seeded disruptions under each fault of the matrix (model errors, throttling, timeouts,\n"
              + "malformed replies, DynamoDB throttling and unprocessed keys) on the real Bedrock and DynamoDB adapters\n"
              + "against local fakes, and prints outcome classes, unhandled exceptions, unsafe decisions and lost items.")
      .option("--runs", "N", "disruptions per cell (default 8)")
      .option("--seed", "S", "seed of the airline, the disruptions and the faults (default 42)")
      .notes("""
          Needs Node.js >= 20: dynalite is started with TLS on loopback (and installed into .dynalite/ on first use).
          Logging is at ERROR unless -Dorg.slf4j.simpleLogger.defaultLogLevel=warn.""")
      .exitStatuses("""
          exit status:
            0  every cell passed
            1  a cell failed (its problems are printed), or the program failed
            2  bad arguments
          """)
      .build();

  static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private FaultMatrixMain() {}

  public static void main(String[] args) {
    // one WARN line per halted run or failed call would bury the table, which counts them
    if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "error");
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the program with {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return Tool.run(CLI, args, out, err, FaultMatrixMain::matrix);
  }

  private static int matrix(Arguments args, PrintStream out, PrintStream err) throws UsageException {
    FaultMatrix.Config c = FaultMatrix.Config.defaults()
        .withRuns((int) Math.min(1000, args.number("--runs", 1, 8)))
        .withSeed(args.number("--seed", Long.MIN_VALUE, 42));
    FaultMatrixResult r;
    try (DynaliteServer dynalite = DynaliteServer.builder().tls().start()) {
      r = FaultMatrix.run(c, dynalite);
    }
    r.print(out);
    if (!r.passed()) {
      err.println("FaultMatrixMain: " + r.failedCells().size() + " cells failed: " + r.failedCells());
      return ExitCode.FAILED;
    }
    return ExitCode.OK;
  }
}
