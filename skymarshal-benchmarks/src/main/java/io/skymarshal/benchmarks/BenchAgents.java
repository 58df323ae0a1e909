package io.skymarshal.benchmarks;

import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.ArbitrationInput;
import io.skymarshal.core.CheckedResources;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.SafetyAssessment;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Ruling;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.prompt.OptimizedPrompt;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.prompt.PromptXml;
import io.skymarshal.prompt.XmlElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Cheap agents and an instant model, so a benchmark measures orchestration and nothing else. */
final class BenchAgents {
  static final Instant DEP = Instant.parse("2026-01-30T14:00:00Z");
  static final List<String> SAFETY = List.of("crew_compliance", "maintenance", "regulatory");
  static final List<String> BUSINESS = List.of("network", "guest_experience", "cargo", "finance");

  private BenchAgents() {}

  static Disruption disruption() {
    return Disruption.builder().id("DISR-BENCH").detectedAt(DEP).type("aircraft_technical_issue")
        .flight(new FlightRef("EY123", "AUH", "LHR", DEP, DEP.plusSeconds(27_000), "A380", "A6-APA")).build();
  }

  static List<AgentSpec<?>> all() {
    List<AgentSpec<?>> out = new ArrayList<>();
    SAFETY.forEach(n -> out.add(new Agent(n, Tier.SAFETY)));
    BUSINESS.forEach(n -> out.add(new Agent(n, Tier.BUSINESS)));
    return out;
  }

  /** Answers every call at once with a fixed reply and usage. */
  static final ModelClient INSTANT_MODEL = request -> CompletableFuture.completedFuture(new ModelReply(
      request.agent().equals("arbitrator") ? "DELAY 0.8" : "OK 0.9", TokenUsage.of(100, 20), request.modelId(), "end_turn"));

  record Agent(String name, Tier tier) implements AgentSpec<String> {
    @Override
    public String systemPrompt() {
      return PromptXml.render(XmlElement.text("role", name));
    }

    @Override
    public String gather(Disruption d, DataAccess data) {
      return d.flight().flightNumber();
    }

    @Override
    public OptimizedPrompt prompt(Phase phase, Disruption d, String input, List<Recommendation> peers) {
      return OptimizedPrompt.of(PromptStyle.XML,
          PromptXml.render(XmlElement.builder("p").attr("f", input).attr("n", peers.size()).build()));
    }

    /** Every SAFETY agent examines the one aircraft, so the ruling on it passes the engine's check. */
    @Override
    public SafetyAssessment assess(Disruption d, String input) {
      return tier == Tier.SAFETY ? new SafetyAssessment(Clearance.cleared(), List.of(),
          CheckedResources.aircraft(List.of("A6-APA"))) : SafetyAssessment.none();
    }

    @Override
    public Recommendation parse(Phase phase, ModelReply reply) {
      String[] p = reply.text().split(" ");
      return new Recommendation(name, tier, phase, p[0], Double.parseDouble(p[1]), List.of(), "", Map.of(),
          tier == Tier.SAFETY ? Clearance.cleared() : Clearance.notApplicable(), CheckedResources.none());
    }
  }

  static final class Arbitrator implements ArbitratorSpec {
    @Override
    public String systemPrompt() {
      return PromptXml.render(XmlElement.text("role", "arbitrator"));
    }

    @Override
    public OptimizedPrompt prompt(Disruption d, ArbitrationInput input) {
      return OptimizedPrompt.of(PromptStyle.XML,
          PromptXml.render(XmlElement.builder("a").attr("n", input.revised().size()).build()));
    }

    @Override
    public Ruling parse(ModelReply reply) {
      String[] p = reply.text().split(" ");
      ActionPlan plan = new ActionPlan(p[0], true, DEP.plusSeconds(3600), DEP.plusSeconds(30_600), "A6-APA", Set.of(), "delay 1h");
      return new Ruling(plan, Double.parseDouble(p[1]), "", List.of(), List.of());
    }
  }
}
