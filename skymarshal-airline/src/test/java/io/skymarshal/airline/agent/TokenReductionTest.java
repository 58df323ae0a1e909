package io.skymarshal.airline.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.prompt.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The token targets of the compact style against the VERBOSE baseline (cl100k_base): at least
 * 40 % fewer per agent system prompt, the seven together at most 6,000, and at least 30 % fewer
 * input tokens per request for the EY123 case (system prompt, user message and reply schema of
 * every call of the three phases).
 */
class TokenReductionTest {
  private static final TokenCounter TOKENS = TokenCounter.cl100k();

  @Test
  void systemPrompts_areAtLeast40PercentShorterAndAtMost6000Together() {
    List<AgentSpec<?>> xml = AirlineAgents.all();
    List<AgentSpec<?>> verbose = AirlineAgents.all(PromptStyle.VERBOSE);
    int total = 0;
    for (int i = 0; i < xml.size(); i++) {
      int x = TOKENS.count(xml.get(i).systemPrompt());
      int v = TOKENS.count(verbose.get(i).systemPrompt());
      assertThat(x).as(xml.get(i).name() + ": " + x + " vs " + v).isLessThanOrEqualTo((int) (0.6 * v));
      total += x;
    }
    assertThat(total).isLessThanOrEqualTo(6000);
    assertThat(TOKENS.count(AirlineAgents.arbitrator().systemPrompt()))
        .isLessThanOrEqualTo((int) (0.6 * TOKENS.count(AirlineAgents.arbitrator(PromptStyle.VERBOSE).systemPrompt())));
  }

  @Test
  void request_usesAtLeast30PercentFewerInputTokensThanVerbose() {
    Disruption d = SampleAirline.disruption();
    DataAccess data = AirlineData.inMemory(SampleAirline.dataset().build());
    List<Recommendation> initial = recommendations(Phase.INITIAL);
    List<Recommendation> revised = recommendations(Phase.REVISION);

    long xml = requestTokens(AirlineAgents.all(), AirlineAgents.arbitrator(), d, data, initial, revised);
    long verbose = requestTokens(AirlineAgents.all(PromptStyle.VERBOSE), AirlineAgents.arbitrator(PromptStyle.VERBOSE),
        d, data, initial, revised);

    assertThat(xml).as(xml + " vs " + verbose).isLessThanOrEqualTo((long) (0.7 * verbose));
  }

  private static long requestTokens(List<AgentSpec<?>> agents, ArbitratorSpec arb, Disruption d, DataAccess data,
      List<Recommendation> initial, List<Recommendation> revised) {
    long sum = 0;
    for (AgentSpec<?> a : agents) {
      sum += 2L * (TOKENS.count(a.systemPrompt()) + TOKENS.count(a.replyFormat().jsonSchema()));
      sum += userTokens(a, d, data, Phase.INITIAL, List.of());
      List<Recommendation> peers = new ArrayList<>(initial);
      peers.removeIf(r -> r.agent().equals(a.name()));
      sum += userTokens(a, d, data, Phase.REVISION, peers);
    }
    return sum + TOKENS.count(arb.systemPrompt()) + TOKENS.count(arb.replyFormat().jsonSchema())
        + TOKENS.count(arb.prompt(d, new io.skymarshal.core.ArbitrationInput(revised, List.of(),
        revised.stream().filter(r -> r.tier() == Tier.SAFETY).flatMap(r -> r.constraints().stream()).toList(),
        io.skymarshal.core.CheckedResources.none())).text());
  }

  @SuppressWarnings("unchecked")
  private static long userTokens(AgentSpec<?> spec, Disruption d, DataAccess data, Phase phase, List<Recommendation> peers) {
    AgentSpec<AgentInput> a = (AgentSpec<AgentInput>) spec;
    return TOKENS.count(a.prompt(phase, d, a.gather(d, data), peers).text());
  }

  /** Recommendations shaped like the EY123 run's: 18 crew limits, a grounding, a curfew, figures. */
  private static List<Recommendation> recommendations(Phase phase) {
    List<io.skymarshal.core.BindingConstraint> crew = new ArrayList<>();
    for (int i = 1; i <= 18; i++) {
      crew.add(new io.skymarshal.airline.constraint.CrewDutyLimit(String.format("C%03d", i),
          java.time.Instant.parse("2026-01-31T01:30:00Z")));
    }
    return List.of(
        new Recommendation("crew_compliance", Tier.SAFETY, phase, "APPROVED", 0.9, crew, "all 18 crew legal",
            Map.of("fdpLimitH", "13", "illegal", "0")),
        new Recommendation("maintenance", Tier.SAFETY, phase, "AOG", 0.85, List.of(
            new io.skymarshal.airline.constraint.AircraftGrounded("A6-APA", java.time.Instant.parse("2026-01-30T16:00:00Z"))),
            "hydraulic repair 120 min", Map.of("repairMin", "120")),
        new Recommendation("regulatory", Tier.SAFETY, phase, "RESTRICTED", 0.85, List.of(
            io.skymarshal.airline.constraint.Curfew.onArrival("LHR", java.time.ZoneId.of("Europe/London"),
                io.skymarshal.airline.LocalTimeWindow.parse("23:00", "06:00"))), "AUH slot lost",
            Map.of("newSlot", "required")),
        new Recommendation("network", Tier.BUSINESS, phase, "DELAY", 0.8, List.of(), "1 later leg",
            Map.of("addedDelayMin.DELAY", "90", "cancelledLegs.CANCEL", "2")),
        new Recommendation("guest_experience", Tier.BUSINESS, phase, "DELAY", 0.8, List.of(), "87 misconnect",
            Map.of("misconnectPax.DELAY", "87", "compEur.DELAY", "369000")),
        new Recommendation("cargo", Tier.BUSINESS, phase, "DELAY", 0.8, List.of(), "offload 2",
            Map.of("atRisk.DELAY", "2")),
        new Recommendation("finance", Tier.BUSINESS, phase, "DELAY", 0.8, List.of(), "cheapest",
            Map.of("costUsd.DELAY", "425925", "costUsd.CANCEL", "608020")));
  }
}
