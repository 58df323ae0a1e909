package io.skymarshal.examples;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.agent.AgentInput;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitrationInput;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Ruling;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.examples.cli.Arguments;
import io.skymarshal.examples.cli.CommandLine;
import io.skymarshal.examples.cli.ExitCode;
import io.skymarshal.examples.cli.Tool;
import io.skymarshal.examples.cli.UsageException;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.prompt.TokenCounter;
import io.skymarshal.testkit.airline.AirlineGenerator;
import io.skymarshal.testkit.airline.DisruptionGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Measures prompt tokens, compact XML against the VERBOSE baseline, over generated disruptions of
 * the generated airline, and writes the figures to the "## Prompt tokens" section of
 * {@code docs/benchmarks.md}.
 *
 * <p>Each disruption runs the three phases on the offline model with the XML agents; the VERBOSE
 * prompts are rendered from the same gathered data and the same recommendations, so both styles
 * carry the same information. A call's input is counted as the backend bills it: system prompt
 * plus user message plus the reply format's JSON schema (sent as a tool definition), with
 * cl100k_base as the proxy tokenizer. A request is the 15 calls of a run (7 agents x 2 phases plus
 * the arbitrator).
 *
 * <p>Run from the repository root (exec:java runs in Maven's JVM, so paths are relative to it):
 * <pre>
 * ./mvnw -q -pl examples -am compile exec:java -Dexec.mainClass=io.skymarshal.examples.PromptTokens \
 *     -Dexec.args="--disruptions 100 --seed 7 --write docs/benchmarks.md"
 * </pre>
 * {@code --help} prints the options; bad arguments exit 2 with the usage ({@link ExitCode}).
 */
public final class PromptTokens {
  static final String COMMAND = "./mvnw -q -pl examples -am compile exec:java"
      + " -Dexec.mainClass=io.skymarshal.examples.PromptTokens"
      + " -Dexec.args=\"--disruptions 100 --seed 7 --write docs/benchmarks.md\"";

  private final TokenCounter tokens = TokenCounter.cl100k();
  private final List<AgentSpec<?>> xmlAgents = AirlineAgents.all(PromptStyle.XML);
  private final List<AgentSpec<?>> verboseAgents = AirlineAgents.all(PromptStyle.VERBOSE);
  private final ArbitratorSpec xmlArbitrator = AirlineAgents.arbitrator(PromptStyle.XML);
  private final ArbitratorSpec verboseArbitrator = AirlineAgents.arbitrator(PromptStyle.VERBOSE);
  private final OfflineModel model = OfflineModel.create();
  private final TokenTally tally = new TokenTally(AirlineAgents.NAMES);

  private PromptTokens() {}

  static final CommandLine CLI = CommandLine.of("PromptTokens",
          "Counts prompt tokens, compact XML against the VERBOSE baseline, over generated disruptions, and can\n"
              + "write the figures to the \"## Prompt tokens\" section of docs/benchmarks.md.")
      .option("--disruptions", "N", "how many generated disruptions to measure (default 100)")
      .option("--seed", "S", "seed of the disruption generator (default 7)")
      .option("--write", "FILE", "replace the \"## Prompt tokens\" section of this Markdown file with the figures")
      .notes("Reproduce the published figures with: " + COMMAND)
      .build();

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the program with {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return Tool.run(CLI, args, out, err, PromptTokens::measure);
  }

  private static int measure(Arguments args, PrintStream out, PrintStream err) throws UsageException, IOException {
    int n = (int) args.number("--disruptions", 1, 100);
    long seed = args.number("--seed", Long.MIN_VALUE, 7);
    Optional<Path> write = args.path("--write");
    AirlineDataset airline = AirlineGenerator.defaultAirline();
    List<Disruption> disruptions = new DisruptionGenerator(airline, seed).take(n);
    PromptTokens p = new PromptTokens();
    DataAccess data = AirlineData.inMemory(airline);
    for (Disruption d : disruptions) {
      p.measure(d, data);
    }
    String report = p.tally.markdown(p.systemPromptRows(), n, seed, COMMAND);
    out.println(report);
    if (write.isPresent()) {
      BenchmarksFile.replaceSection(write.get(), "## Prompt tokens", report);
      out.println("written to " + write.get().toAbsolutePath().normalize());
    }
    return ExitCode.OK;
  }

  private List<TokenTally.SystemRow> systemPromptRows() {
    List<TokenTally.SystemRow> rows = new ArrayList<>();
    for (int i = 0; i < xmlAgents.size(); i++) {
      rows.add(new TokenTally.SystemRow(xmlAgents.get(i).name(), tokens.count(xmlAgents.get(i).systemPrompt()),
          tokens.count(verboseAgents.get(i).systemPrompt())));
    }
    rows.add(new TokenTally.SystemRow("arbitrator", tokens.count(xmlArbitrator.systemPrompt()),
        tokens.count(verboseArbitrator.systemPrompt())));
    return rows;
  }

  @SuppressWarnings("unchecked")
  private void measure(Disruption d, DataAccess data) {
    Map<String, AgentInput> inputs = new TreeMap<>();
    List<Recommendation> initial = new ArrayList<>();
    tally.startRequest();
    for (int i = 0; i < xmlAgents.size(); i++) {
      AgentSpec<AgentInput> x = (AgentSpec<AgentInput>) xmlAgents.get(i);
      AgentInput in = x.gather(d, data);
      inputs.put(x.name(), in);
      initial.add(call(x, (AgentSpec<AgentInput>) verboseAgents.get(i), Phase.INITIAL, d, in, List.of()));
    }
    List<Recommendation> revised = new ArrayList<>();
    for (int i = 0; i < xmlAgents.size(); i++) {
      AgentSpec<AgentInput> x = (AgentSpec<AgentInput>) xmlAgents.get(i);
      List<Recommendation> peers = new ArrayList<>(initial);
      peers.removeIf(r -> r.agent().equals(x.name()));
      revised.add(call(x, (AgentSpec<AgentInput>) verboseAgents.get(i), Phase.REVISION, d, inputs.get(x.name()), peers));
    }
    ArbitrationInput arbitration = ArbitrationInput.of(initial, revised, List.of());
    String xmlPrompt = xmlArbitrator.prompt(d, arbitration).text();
    String verbosePrompt = verboseArbitrator.prompt(d, arbitration).text();
    ModelReply reply = model.call(request("arbitrator", Tier.ARBITRATOR, Phase.ARBITRATION, xmlArbitrator.systemPrompt(),
        xmlPrompt, xmlArbitrator.replyFormat())).join();
    Ruling ruling = xmlArbitrator.parse(reply);
    tally.arbitration(input(xmlArbitrator.systemPrompt(), xmlPrompt, xmlArbitrator.replyFormat().jsonSchema()),
        input(verboseArbitrator.systemPrompt(), verbosePrompt, verboseArbitrator.replyFormat().jsonSchema()),
        tokens.count(xmlPrompt), tokens.count(verbosePrompt), ruling.plan().action());
    tally.endRequest();
  }

  private Recommendation call(AgentSpec<AgentInput> x, AgentSpec<AgentInput> v, Phase phase, Disruption d, AgentInput in,
      List<Recommendation> peers) {
    String xmlPrompt = x.prompt(phase, d, in, peers).text();
    String verbosePrompt = v.prompt(phase, d, in, peers).text();
    tally.agentCall(x.name(), input(x.systemPrompt(), xmlPrompt, x.replyFormat().jsonSchema()),
        input(v.systemPrompt(), verbosePrompt, v.replyFormat().jsonSchema()), tokens.count(xmlPrompt),
        tokens.count(verbosePrompt));
    ModelReply reply = model.call(request(x.name(), x.tier(), phase, x.systemPrompt(), xmlPrompt, x.replyFormat())).join();
    Recommendation r = x.parse(phase, reply);
    // as the engine does: what a SAFETY agent computed in code binds its recommendation
    return x.tier() == Tier.SAFETY ? x.assess(d, in).bind(r) : r;
  }

  private long input(String system, String user, String schema) {
    return tokens.count(system) + tokens.count(user) + tokens.count(schema);
  }

  private static ModelRequest request(String agent, Tier tier, Phase phase, String system, String user,
      io.skymarshal.model.ReplyFormat format) {
    return new ModelRequest(agent, tier, phase, ModelProfiles.CLAUDE_SONNET_4_5, system, false,
        List.of(Message.user(user)), format);
  }

  /** Replaces one "## " section of a Markdown file, or appends it; other sections stay as they are. */
  static final class BenchmarksFile {
    private BenchmarksFile() {}

    static void replaceSection(Path file, String heading, String body) throws IOException {
      String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
      String section = body.endsWith("\n") ? body : body + "\n";
      int start = old.indexOf(heading + "\n");
      String updated;
      if (start < 0) {
        updated = old + (old.endsWith("\n\n") ? "" : old.endsWith("\n") ? "\n" : "\n\n") + section;
      } else {
        int next = old.indexOf("\n## ", start + heading.length());
        updated = old.substring(0, start) + section + (next < 0 ? "" : old.substring(next));
      }
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
  }
}
