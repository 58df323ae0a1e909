package io.skymarshal.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks of one preflight, in the order they were made, and their text form: a table with a
 * row per check and, under each failure, what to do. Immutable.
 *
 * <pre>
 * service   check        subject                         result   detail
 * bedrock   region       us-east-1                       passed   known to the AWS SDK
 * bedrock   model        global.anthropic.claude-...     FAILED   access denied ...
 *             what to do: enable model access in the Bedrock console ...
 * </pre>
 *
 * @param checks the checks, in order
 */
public record PreflightReport(List<PreflightCheck> checks) {

  public PreflightReport {
    checks = List.copyOf(checks);
  }

  /** A report of {@code checks}, in this order. */
  public static PreflightReport of(PreflightCheck... checks) {
    return new PreflightReport(List.of(checks));
  }

  /** This report's checks followed by {@code other}'s. */
  public PreflightReport plus(PreflightReport other) {
    List<PreflightCheck> all = new ArrayList<>(checks);
    all.addAll(other.checks);
    return new PreflightReport(all);
  }

  /** Whether no check failed. Skipped checks follow from a failed one, so a report with one has failed too. */
  public boolean passed() {
    return failures().isEmpty();
  }

  /** The failed checks, in order. */
  public List<PreflightCheck> failures() {
    return checks.stream().filter(PreflightCheck::failed).toList();
  }

  /** How many checks ended with {@code status}. */
  public long count(PreflightCheck.Status status) {
    return checks.stream().filter(c -> c.status() == status).count();
  }

  /** One line, e.g. {@code 13 checks: 11 passed, 1 failed, 1 skipped}. */
  public String summary() {
    return checks.size() + " checks: " + count(PreflightCheck.Status.PASSED) + " passed, "
        + count(PreflightCheck.Status.FAILED) + " failed, " + count(PreflightCheck.Status.SKIPPED) + " skipped";
  }

  /** The table described in the class comment, ending with a newline; the summary is not included. */
  public String table() {
    String[] header = {"service", "check", "subject", "result", "detail"};
    int[] width = new int[4];
    for (int i = 0; i < 4; i++) {
      width[i] = header[i].length();
    }
    for (PreflightCheck c : checks) {
      String[] row = cells(c);
      for (int i = 0; i < 4; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    for (PreflightCheck c : checks) {
      line(sb, cells(c), width);
      if (c.failed()) {
        sb.append("    what to do: ").append(c.remedy()).append('\n');
      }
    }
    return sb.toString();
  }

  private static String[] cells(PreflightCheck c) {
    String result = c.status() == PreflightCheck.Status.FAILED ? "FAILED" : c.status().name().toLowerCase(Locale.ROOT);
    return new String[] {c.service(), c.kind().name().toLowerCase(Locale.ROOT), c.subject(), result, c.detail()};
  }

  private static void line(StringBuilder sb, String[] cells, int[] width) {
    for (int i = 0; i < 4; i++) {
      sb.append(cells[i]).append(" ".repeat(width[i] - cells[i].length() + 2));
    }
    sb.append(cells[4]).append('\n');
  }

  @Override
  public String toString() {
    return summary();
  }
}
