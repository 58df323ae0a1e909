package io.skymarshal.examples.faults;

import io.skymarshal.testkit.dynamo.DynaliteServer;

/**
 * Runs the fault matrix ({@link FaultMatrix}) against a dynalite of its own (TLS) and prints its
 * table; exits 1 when a cell fails. Arguments: disruptions per cell (default 8), seed (default 42).
 * From the repository root (Node.js >= 20 for dynalite):
 * <pre>
 * ./mvnw -q -pl examples -am package exec:java -DskipTests \
 *     -Dexec.mainClass=io.skymarshal.examples.faults.FaultMatrixMain
 * </pre>
 */
public final class FaultMatrixMain {
  private FaultMatrixMain() {}

  public static void main(String[] args) {
    // one WARN line per halted run or failed call would bury the table, which counts them
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }
    FaultMatrix.Config c = FaultMatrix.Config.defaults();
    if (args.length > 0) {
      c = c.withRuns(Integer.parseInt(args[0].strip()));
    }
    if (args.length > 1) {
      c = c.withSeed(Long.parseLong(args[1].strip()));
    }
    FaultMatrixResult r;
    try (DynaliteServer dynalite = DynaliteServer.builder().tls().start()) {
      r = FaultMatrix.run(c, dynalite);
    }
    r.print(System.out);
    System.out.flush();
    System.exit(r.passed() ? 0 : 1);
  }
}
