package io.skymarshal.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.agent.PromptOptions;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.ReplyFormatException;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The prompt levers of {@link PromptOptions} through the real engine, on the EY123 sample. */
class PromptLeversTest {
  private final Map<String, ModelRequest> sent = new ConcurrentHashMap<>();
  private final OfflineModel offline = OfflineModel.create();

  private Decision run(PromptOptions options) {
    try (Orchestrator o = Orchestrator.builder().agents(AirlineAgents.all(options))
        .arbitrator(AirlineAgents.arbitrator(options)).modelClient(r -> {
          sent.put(r.agent() + "/" + r.phase(), r);
          return offline.call(r);
        }).data(AirlineData.inMemory(AirlineSamples.ey123Airline())).build()) {
      return o.run(AirlineSamples.ey123Disruption());
    }
  }

  @Test
  void continuation_phase2SendsThePhase1TurnWithACachePoint_itsReply_andOnlyThePeers() {
    run(PromptOptions.optimized());

    ModelRequest p1 = sent.get("crew_compliance/INITIAL");
    ModelRequest p2 = sent.get("crew_compliance/REVISION");
    assertThat(p1.messages()).singleElement().satisfies(m -> assertThat(m.cachePoint()).isTrue());
    assertThat(p2.messages()).hasSize(3);
    assertThat(p2.messages().get(0)).isEqualTo(p1.messages().get(0));
    assertThat(p2.messages().get(1).role()).isEqualTo(Message.Role.ASSISTANT);
    assertThat(p2.messages().get(1).text()).contains("\"refs\"");
    assertThat(p2.lastUserText()).startsWith("<phase2>").contains("<context>").doesNotContain("<disruption")
        .doesNotContain("<data>");
  }

  @Test
  void withoutLevers_eachPhaseSendsOneMessageWithoutCachePoint() {
    run(PromptOptions.of(io.skymarshal.prompt.PromptStyle.XML));

    assertThat(sent.values()).allSatisfy(r -> assertThat(r.messages()).singleElement()
        .satisfies(m -> assertThat(m.cachePoint()).isFalse()));
  }

  @Test
  void constraintRefs_sameDecisionAndSameBindingConstraintsAsRestatedOnes_withFewerOutputTokens() {
    Decision plain = run(PromptOptions.of(io.skymarshal.prompt.PromptStyle.XML));
    long plainOut = plain.report().totalUsage().outputTokens();
    Decision levers = run(PromptOptions.optimized());

    assertThat(levers.action()).isEqualTo(plain.action());
    assertThat(levers.ruling().orElseThrow().plan()).isEqualTo(plain.ruling().orElseThrow().plan());
    Function<Decision, Map<String, List<String>>> constraints = d -> d.recommendations().stream()
        .collect(Collectors.toMap(Recommendation::agent, r -> r.constraints().stream()
            .map(c -> c.kind() + "|" + c.describe()).sorted().toList()));
    assertThat(constraints.apply(levers)).isEqualTo(constraints.apply(plain));
    assertThat(levers.report().totalUsage().outputTokens()).isLessThan(plainOut * 3 / 4);
  }

  @Test
  void safetyPeersOnly_safetyAgentsSeeOnlySafetyPeers_businessAgentsSeeAll() {
    run(PromptOptions.optimized());

    assertThat(sent.get("maintenance/REVISION").lastUserText()).contains("name=\"crew_compliance\"")
        .doesNotContain("name=\"network\"");
    assertThat(sent.get("network/REVISION").lastUserText()).contains("name=\"crew_compliance\"")
        .contains("name=\"finance\"");
  }

  @Test
  void constraintRefs_aMalformedIdIsAFormatError_andACitationCannotDropAComputedConstraint() {
    AgentSpec<?> crew = AirlineAgents.all(PromptOptions.optimized()).get(0);
    String bad = "{\"action\":\"APPROVED\",\"confidence\":0.9,\"constraints\":[],\"refs\":[\"drop-all\"],\"reasoning\":\"x\"}";

    assertThatThrownBy(() -> crew.parse(Phase.INITIAL, new ModelReply(bad, TokenUsage.ZERO, "m", "end_turn")))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("drop-all");

    // a reply citing nothing still carries every constraint the agent computed: the engine binds them
    Decision d = run(PromptOptions.optimized());
    Recommendation rec = d.recommendations().stream().filter(r -> r.agent().equals("crew_compliance")).findFirst()
        .orElseThrow();
    assertThat(rec.tier()).isEqualTo(Tier.SAFETY);
    assertThat(rec.constraints()).isNotEmpty();
  }
}
