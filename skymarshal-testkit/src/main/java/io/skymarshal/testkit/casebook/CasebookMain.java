package io.skymarshal.testkit.casebook;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the casebook on the offline model and prints one line per scenario
 * ({@code PASS|FAIL name status action ...}, on FAIL the checks that failed and why), then
 * {@code Casebook: N passed, M failed}. Exit status 0 when every scenario passed, 1 when one
 * failed, 2 for bad arguments or a bad scenario file.
 *
 * <pre>
 * ./mvnw -q -pl examples -am package exec:java -Dmaven.test.skip=true \
 *     -Dexec.mainClass=io.skymarshal.testkit.casebook.CasebookMain -Dexec.args="--dir my-scenarios"
 * </pre>
 * Options: {@code --dir DIR} adds the scenario files of DIR (repeatable); {@code --only NAME} runs
 * only that scenario (repeatable); {@code --no-built-in} leaves the built-in scenarios out;
 * {@code --optimized} runs the agents with every prompt lever of {@code PromptOptions.optimized()}.
 */
public final class CasebookMain {

  private CasebookMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** What {@link #main} does, without exiting: returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<Path> dirs = new ArrayList<>();
    Set<String> only = new LinkedHashSet<>();
    boolean builtIn = true;
    boolean optimized = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dir", "--only" -> {
          if (i + 1 >= args.length) {
            return usage(err, args[i] + " needs a value");
          }
          if (args[i].equals("--dir")) {
            dirs.add(Path.of(args[++i]));
          } else {
            only.add(args[++i]);
          }
        }
        case "--no-built-in" -> builtIn = false;
        case "--optimized" -> optimized = true;
        case "--help", "-h" -> {
          usage(out, null);
          return 0;
        }
        default -> {
          return usage(err, "unknown option " + args[i]);
        }
      }
    }
    Casebook book;
    try {
      book = builtIn ? Casebook.builtIn() : Casebook.of(List.of());
      for (Path dir : dirs) {
        book = book.plus(Casebook.fromDirectory(dir));
      }
    } catch (CasebookFormatException | UncheckedIOException | IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    List<Scenario> scenarios = book.scenarios();
    if (!only.isEmpty()) {
      for (String name : only) {
        if (book.scenario(name).isEmpty()) {
          err.println("no scenario named " + name);
          return 2;
        }
      }
      scenarios = scenarios.stream().filter(s -> only.contains(s.name())).toList();
    }
    CasebookRunner runner = optimized
        ? new CasebookRunner(io.skymarshal.airline.offline.OfflineModel.create(),
            io.skymarshal.airline.agent.PromptOptions.optimized())
        : new CasebookRunner();
    List<CaseResult> results = new ArrayList<>();
    for (Scenario s : scenarios) {
      CaseResult r = runner.run(s);
      out.println(r.line());
      results.add(r);
    }
    CasebookReport report = new CasebookReport(results);
    out.println(report.summary());
    return report.allPassed() ? 0 : 1;
  }

  private static int usage(PrintStream s, String error) {
    if (error != null) {
      s.println(error);
    }
    s.println("usage: CasebookMain [--dir DIR]... [--only NAME]... [--no-built-in] [--optimized]");
    return 2;
  }
}
