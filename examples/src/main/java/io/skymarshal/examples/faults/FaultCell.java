package io.skymarshal.examples.faults;

import io.skymarshal.core.AgentPolicy;
import io.skymarshal.core.Decision.Status;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Tier;
import io.skymarshal.testkit.faults.BedrockFaultRule;
import io.skymarshal.testkit.faults.BedrockFaultRule.Malformed;
import io.skymarshal.testkit.faults.DynamoWireFaults;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One row of the fault matrix: the faults injected, the engine's policy changes they need, and
 * the outcome classes the library promises under them. Immutable.
 *
 * @param name     the row's name
 * @param expected the statuses a run may end with; any other is a failure of the cell
 * @param asBaseline whether each run must end as it did without faults (same status and action):
 *                 for faults the library promises to absorb completely
 * @param faulted  whether the cell injects faults (then it must inject at least one to count)
 * @param bedrock  the faults of the fake Bedrock
 * @param dynamo   the faults on the DynamoDB client
 * @param engine   per-agent policies the faults need (a hung agent's short timeout)
 * @param revision tier policies of Phase 2 that replace the base policy (a short timeout for a
 *                 Phase-2-only hang, so Phase 1 keeps the base timeout)
 * @param why      one line: why these outcomes and no others
 */
record FaultCell(String name, Set<Status> expected, boolean asBaseline, boolean faulted, UnaryOperator<BedrockFaultRule.Builder> bedrock,
    UnaryOperator<DynamoWireFaults.Builder> dynamo, UnaryOperator<Orchestrator.Builder> engine,
    Map<Tier, AgentPolicy> revision, String why) {

  /** The timeout of an agent whose model never answers: what ends its call. */
  static final Duration HUNG_TIMEOUT = Duration.ofMillis(1500);

  static final List<String> SAFETY = List.of("crew_compliance", "maintenance", "regulatory");
  static final List<String> BUSINESS = List.of("network", "guest_experience", "cargo", "finance");

  FaultCell {
    Objects.requireNonNull(name, "name");
    expected = Set.copyOf(expected);
    revision = Map.copyOf(revision);
  }

  /** A cell with no Phase-2 tier policy of its own. */
  FaultCell(String name, Set<Status> expected, boolean asBaseline, boolean faulted,
      UnaryOperator<BedrockFaultRule.Builder> bedrock, UnaryOperator<DynamoWireFaults.Builder> dynamo,
      UnaryOperator<Orchestrator.Builder> engine, String why) {
    this(name, expected, asBaseline, faulted, bedrock, dynamo, engine, Map.of(), why);
  }

  /** The matrix, in the order printed. {@code base} is every agent's policy; hung agents get a short timeout. */
  static List<FaultCell> all(AgentPolicy base) {
    AgentPolicy hung = base.withTimeout(HUNG_TIMEOUT);
    Set<Status> decided = EnumSet.of(Status.DECIDED, Status.REFERRED);
    Set<Status> anyTyped = EnumSet.allOf(Status.class);
    Set<Status> degraded = EnumSet.of(Status.DEGRADED, Status.REFERRED);
    Set<Status> halted = EnumSet.of(Status.HALTED, Status.REFERRED);
    return List.of(
        new FaultCell("baseline (no fault)", decided, true, false, b -> b, d -> d, e -> e,
            "every agent answers: decided, or referred where the data cannot clear the flight"),
        transientCell(0.10, anyTyped),
        transientCell(0.30, anyTyped),
        transientCell(0.50, anyTyped),
        new FaultCell("throttling storm (first 60 requests)", anyTyped, false, true, b -> b.storm(60), d -> d, e -> e,
            "calls whose 3 attempts all fall in the storm fail: BUSINESS degrades, SAFETY/arbitrator halt"),
        hangCell("timeout: one SAFETY agent", List.of("crew_compliance"), hung, halted,
            "a SAFETY agent that times out halts the run"),
        hangCell("timeout: two SAFETY agents", List.of("crew_compliance", "regulatory"), hung, halted,
            "as one"),
        hangCell("timeout: all SAFETY agents", SAFETY, hung, halted, "as one"),
        revisionHangCell("timeout: one SAFETY agent, Phase 2 only", "maintenance", Tier.SAFETY, hung, halted,
            "a SAFETY agent that times out in the revision halts the run: its Phase-1 view is not enough"),
        hangCell("timeout: one BUSINESS agent", List.of("network"), hung, degraded,
            "a BUSINESS agent that times out is left out: DEGRADED, naming it"),
        revisionHangCell("timeout: one BUSINESS agent, Phase 2 only", "finance", Tier.BUSINESS, hung, degraded,
            "left out of the arbitration: DEGRADED, naming it"),
        hangCell("timeout: all BUSINESS agents", BUSINESS, hung, degraded, "as one"),
        hangCell("timeout: arbitrator", List.of("arbitrator"), hung, halted, "no ruling: halted"),
        new FaultCell("malformed reply once (every agent)", decided, true, true,
            b -> b.malformed(Malformed.ONCE, BedrockFaultRule.Builder.ALL), d -> d, e -> e,
            "the engine re-asks once and gets a good reply: as baseline"),
        new FaultCell("malformed reply always (every agent)", EnumSet.of(Status.HALTED), false, true,
            b -> b.malformed(Malformed.ALWAYS, BedrockFaultRule.Builder.ALL), d -> d, e -> e,
            "no SAFETY agent gives a readable reply: halted"),
        new FaultCell("DynamoDB throttling (half the requests, 2 tries)", decided, true, true, b -> b,
            d -> d.throttle(0.5, 2), e -> e, "the readers' retries (8 attempts) read every key: as baseline"),
        new FaultCell("DynamoDB unprocessed keys (40 % of keys, 2 tries)", decided, true, true, b -> b,
            d -> d.unprocessed(0.4, 2), e -> e, "the readers retry unprocessed keys until read: as baseline"),
        new FaultCell("DynamoDB throttling past the retry budget (30 %)", anyTyped, false, true, b -> b,
            d -> d.throttle(0.3, Integer.MAX_VALUE), e -> e,
            "reads of some tables fail (typed, keys unread); a SAFETY agent without its data cannot clear"),
        new FaultCell("DynamoDB down (every request throttled)", halted, false, true, b -> b,
            d -> d.throttle(1.0, Integer.MAX_VALUE), e -> e,
            "no SAFETY agent has its data: referred or halted, never decided"),
        new FaultCell("DynamoDB keys unprocessed past the budget (all)", halted, false, true, b -> b,
            d -> d.unprocessed(1.0, Integer.MAX_VALUE), e -> e,
            "BatchGetItem never completes: keys reported unread, no decision without the data"));
  }

  private static FaultCell transientCell(double rate, Set<Status> expected) {
    return new FaultCell(String.format(java.util.Locale.ROOT, "model transient errors %d %%", Math.round(rate * 100)),
        expected, false, true, b -> b.transientRate(rate), d -> d, e -> e,
        "retried 3 times; a call that still fails degrades (BUSINESS) or halts (SAFETY, arbitrator)");
  }

  private static FaultCell hangCell(String name, List<String> agents, AgentPolicy hung, Set<Status> expected,
      String why) {
    UnaryOperator<BedrockFaultRule.Builder> faults = b -> b.hang(agents.toArray(String[]::new));
    return new FaultCell(name, expected, false, true, faults, d -> d, e -> {
      agents.forEach(a -> e.agentPolicy(a, hung));
      return e;
    }, why);
  }

  /**
   * {@code agent} hangs in Phase 2 only. The short timeout is its tier's in Phase 2 (an agent's own
   * policy would cut Phase 1 too, where on a loaded machine a call may take longer); the tier's
   * other agents then have it too, which can only add failures of the same kind, and the same outcome.
   */
  private static FaultCell revisionHangCell(String name, String agent, Tier tier, AgentPolicy hung,
      Set<Status> expected, String why) {
    // the revision's prompt is the <phase2> document (PromptComposer.revision)
    UnaryOperator<BedrockFaultRule.Builder> faults = b -> b.hang(agent)
        .scope(r -> !r.messages().isEmpty() && r.messages().get(0).text().startsWith("<phase2"));
    return new FaultCell(name, expected, false, true, faults, d -> d, e -> e, Map.of(tier, hung), why);
  }
}
