package io.skymarshal.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Sums tokens per agent and per request for {@link PromptTokens}, and writes the Markdown report. */
final class TokenTally {

  /** One system prompt's tokens in both styles. */
  record SystemRow(String agent, long xml, long verbose) {}

  private final Map<String, long[]> perAgent = new LinkedHashMap<>();
  private final long[] arbitration = new long[4];
  private final List<long[]> requests = new ArrayList<>();
  private final Map<String, Integer> rulings = new TreeMap<>();
  private long[] current;

  TokenTally(List<String> agents) {
    agents.forEach(a -> perAgent.put(a, new long[4]));
  }

  void startRequest() {
    current = new long[4];
  }

  /** One agent call: input tokens (system + user + schema) and user-message tokens, XML and VERBOSE. */
  void agentCall(String agent, long xmlInput, long verboseInput, long xmlUser, long verboseUser) {
    add(perAgent.get(agent), xmlInput, verboseInput, xmlUser, verboseUser);
    add(current, xmlInput, verboseInput, xmlUser, verboseUser);
  }

  void arbitration(long xmlInput, long verboseInput, long xmlUser, long verboseUser, String action) {
    add(arbitration, xmlInput, verboseInput, xmlUser, verboseUser);
    add(current, xmlInput, verboseInput, xmlUser, verboseUser);
    rulings.merge(action, 1, Integer::sum);
  }

  void endRequest() {
    requests.add(current);
  }

  private static void add(long[] to, long a, long b, long c, long d) {
    to[0] += a;
    to[1] += b;
    to[2] += c;
    to[3] += d;
  }

  String markdown(List<SystemRow> system, int n, long seed, String command) {
    StringBuilder b = new StringBuilder("## Prompt tokens\n\n");
    b.append("Compact XML prompts against the VERBOSE baseline (the same information as prose and indented JSON), ")
        .append("counted with cl100k_base as a proxy for Claude's tokenizer. ").append(n)
        .append(" disruptions of the generated airline (`AirlineGenerator.defaultAirline()`, `DisruptionGenerator` seed ")
        .append(seed).append("), three phases each on the offline model; VERBOSE prompts are rendered from the same data ")
        .append("and the same recommendations. A call's input = system prompt + user message + reply schema.\n\n");
    b.append("Command: `").append(command).append("`\n\n");
    b.append("### System prompts\n\n| agent | XML | VERBOSE | fewer |\n|---|---:|---:|---:|\n");
    long sx = 0;
    long sv = 0;
    for (SystemRow r : system) {
      row(b, r.agent(), r.xml(), r.verbose());
      if (!r.agent().equals("arbitrator")) {
        sx += r.xml();
        sv += r.verbose();
      }
    }
    row(b, "**seven agents**", sx, sv);
    b.append("\nBar: the seven together at most 6,000 tokens: ").append(sx <= 6000 ? "met" : "MISSED").append(" (")
        .append(String.format(Locale.ROOT, "%,d", sx)).append(").\n\n");
    b.append("### Input tokens per request, mean over ").append(n).append(" disruptions\n\n")
        .append("| calls | XML | VERBOSE | fewer | user message XML | user message VERBOSE | fewer |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    perAgent.forEach((agent, t) -> fullRow(b, agent + " (phases 1+2)", t, n));
    fullRow(b, "arbitrator", arbitration, n);
    long[] total = new long[4];
    requests.forEach(r -> add(total, r[0], r[1], r[2], r[3]));
    fullRow(b, "**request (15 calls)**", total, n);
    double worst = 1;
    double best = 0;
    for (long[] r : requests) {
      double red = 1 - (double) r[0] / r[1];
      worst = Math.min(worst, red);
      best = Math.max(best, red);
    }
    b.append(String.format(Locale.ROOT, "%nPer request the reduction ranged from %.1f %% to %.1f %%; target 30 %%: %s.%n",
        100 * worst, 100 * best, worst >= 0.30 ? "met for every request" : "MISSED for some requests"));
    b.append(String.format(Locale.ROOT, "Of the %,d XML input tokens of a request, %,d are system prompts and reply"
        + " schemas: identical in every run, so prompt caching bills them at the cache-read price after the first.%n",
        total[0] / n, (total[0] - total[2]) / n));
    b.append("Rulings of the offline model over these disruptions: ").append(rulings).append(".\n");
    return b.toString();
  }

  private static void row(StringBuilder b, String name, long xml, long verbose) {
    b.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f %% |%n", name, xml, verbose, 100.0 * (verbose - xml) / verbose));
  }

  private static void fullRow(StringBuilder b, String name, long[] t, int n) {
    b.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f %% | %,d | %,d | %.1f %% |%n", name, t[0] / n, t[1] / n,
        100.0 * (t[1] - t[0]) / t[1], t[2] / n, t[3] / n, 100.0 * (t[3] - t[2]) / t[3]));
  }
}
