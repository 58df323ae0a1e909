package io.skymarshal.examples.scaleout;

import io.skymarshal.examples.cli.Arguments;
import io.skymarshal.examples.cli.CommandLine;
import io.skymarshal.examples.cli.Tool;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Prints the counts of the {@link ScaleOutScenario}: three workers on one ElasticMQ queue and one
 * dynalite table, 500 distinct disruptions sent as 550 messages with 20 invalid documents, one
 * worker stopped abruptly mid-way. Needs Node.js and npm for dynalite (installed on demand).
 *
 * <pre>
 * ./mvnw -q -pl examples -am package exec:java -DskipTests \
 *     -Dexec.mainClass=io.skymarshal.examples.scaleout.ScaleOutProgram
 * </pre>
 * Progress goes to standard error, the counts to standard output. Exit status 0 when the counts
 * are what the scenario promises (every disruption decided and arbitrated once, the phases paid
 * twice only those the stopped worker left unfinished, the invalid documents dead-lettered with
 * their errors, nothing lost), 1 otherwise.
 */
public final class ScaleOutProgram {
  static final CommandLine CLI = CommandLine.of("ScaleOutProgram",
          "Three SQS workers (ElasticMQ, dynalite, offline model), 550 messages, one worker stopped mid-way: prints"
              + " the counts.")
      .option("--seed", "N", "the seed of the generated disruptions and of the shuffle (default 7)")
      .build();

  private ScaleOutProgram() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return Tool.run(CLI, args, out, err, ScaleOutProgram::scenario);
  }

  private static int scenario(Arguments args, PrintStream out, PrintStream err)
      throws io.skymarshal.examples.cli.UsageException, IOException {
    ScaleOutScenario.Settings d = ScaleOutScenario.Settings.defaults();
    ScaleOutScenario.Settings s = new ScaleOutScenario.Settings(d.distinct(), d.duplicateEvery(), d.invalid(),
        d.workers(), d.killAfter(), args.number("--seed", Long.MIN_VALUE, d.seed()));
    ScaleOutScenario.Counts c;
    try {
      c = ScaleOutScenario.run(s, err);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    c.print(out);
    boolean ok = c.storedDecisions() == s.distinct() && c.lost() == 0 && c.disruptionsRunTwice() == 0
        && c.overBound() == 0 && c.deadLettered() == s.invalid() && c.deadLetteredWithError() == s.invalid()
        && c.inputLeft() == 0 && c.publishedDistinct() == s.distinct();
    out.println(ok ? "OK" : "NOT OK: see the counts above");
    return ok ? 0 : 1;
  }
}
