package io.skymarshal.examples.scaleout;

import java.io.IOException;

/**
 * Prints the counts of the {@link ScaleOutScenario}: three workers on one ElasticMQ queue and one
 * dynalite table, 500 distinct disruptions sent as 550 messages with 20 invalid documents, one
 * worker stopped abruptly mid-way. Needs Node.js and npm for dynalite (installed on demand).
 *
 * <pre>
 * ./mvnw -q -pl examples -am package exec:java -DskipTests \
 *     -Dexec.mainClass=io.skymarshal.examples.scaleout.ScaleOutProgram
 * </pre>
 * Exit status 0 when the counts are what the scenario promises (every disruption decided once, the
 * invalid documents dead-lettered with their errors, nothing lost), 1 otherwise.
 */
public final class ScaleOutProgram {
  private ScaleOutProgram() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    ScaleOutScenario.Settings s = ScaleOutScenario.Settings.defaults();
    ScaleOutScenario.Counts c = ScaleOutScenario.run(s, System.err);
    c.print(System.out);
    boolean ok = c.storedDecisions() == s.distinct() && c.lost() == 0 && c.disruptionsRunTwice() == 0
        && c.overBound() == 0 && c.deadLettered() == s.invalid() && c.deadLetteredWithError() == s.invalid()
        && c.inputLeft() == 0 && c.publishedDistinct() == s.distinct();
    System.out.println(ok ? "OK" : "NOT OK: see the counts above");
    System.exit(ok ? 0 : 1);
  }
}
