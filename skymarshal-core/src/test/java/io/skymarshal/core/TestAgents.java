package io.skymarshal.core;

import io.skymarshal.data.DataAccess;
import io.skymarshal.model.ModelReply;
import io.skymarshal.prompt.OptimizedPrompt;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.prompt.PromptXml;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Minimal agents for engine tests. Replies are "ACTION confidence [grounded:REG] [uncleared|refused]"
 * lines (a SAFETY reply clears the flight unless it says "uncleared", data missing, or "refused", a
 * limit breached); the arbitrator's "ACTION confidence REG [+CREW]" where REG is the aircraft it
 * operates with (or "-" to cancel) and CREW a crew member it adds. maintenance examines A6-APA and
 * A6-APB, crew_compliance examines crew R1.
 */
final class TestAgents {
  static final Instant DEP = Instant.parse("2026-01-30T14:00:00Z");
  static final List<String> SAFETY = List.of("crew_compliance", "maintenance", "regulatory");
  static final List<String> BUSINESS = List.of("network", "guest_experience", "cargo", "finance");

  private TestAgents() {}

  static Disruption disruption() {
    return Disruption.builder().id("DISR-TEST-1").detectedAt(DEP.minusSeconds(3600)).type("aircraft_technical_issue")
        .flight(new FlightRef("EY123", "AUH", "LHR", DEP, DEP.plus(Duration.ofHours(7)), "A380", "A6-APA")).build();
  }

  static final CheckedResources MAINTENANCE_CHECKS = CheckedResources.aircraft(List.of("A6-APA", "A6-APB"));

  static List<AgentSpec<?>> all() {
    List<AgentSpec<?>> out = new ArrayList<>();
    out.add(new LineAgent("crew_compliance", Tier.SAFETY, new SafetyAssessment(Clearance.cleared(), List.of(),
        CheckedResources.crew(List.of("R1")))));
    out.add(new LineAgent("maintenance", Tier.SAFETY, new SafetyAssessment(Clearance.cleared(), List.of(),
        MAINTENANCE_CHECKS)));
    out.add(new LineAgent("regulatory", Tier.SAFETY));
    BUSINESS.forEach(n -> out.add(new LineAgent(n, Tier.BUSINESS)));
    return out;
  }

  /** An agent whose prompt names the phase and lists its peers, and whose reply is a line. */
  record LineAgent(String name, Tier tier, SafetyAssessment assessment) implements AgentSpec<String> {
    LineAgent(String name, Tier tier) {
      this(name, tier, SafetyAssessment.none());
    }

    @Override
    public SafetyAssessment assess(Disruption disruption, String input) {
      return assessment;
    }

    @Override
    public String systemPrompt() {
      return PromptXml.render(XmlElement.text("role", name));
    }

    @Override
    public String gather(Disruption disruption, DataAccess data) {
      return disruption.flight().flightNumber();
    }

    @Override
    public OptimizedPrompt prompt(Phase phase, Disruption disruption, String input, List<Recommendation> peers) {
      XmlElement.Builder p = XmlElement.builder("p").attr("phase", phase).attr("flight", input);
      peers.forEach(peer -> p.child(XmlElement.text("peer", peer.agent())));
      return OptimizedPrompt.of(PromptStyle.XML, PromptXml.render(p.build()));
    }

    @Override
    public Recommendation parse(Phase phase, ModelReply reply) {
      String[] parts = reply.text().trim().split(" ");
      if (parts.length < 2) {
        throw new ReplyFormatException("expected 'ACTION confidence'", reply.text());
      }
      double confidence;
      try {
        confidence = Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        throw new ReplyFormatException("confidence is not a number", reply.text());
      }
      List<BindingConstraint> constraints = new ArrayList<>();
      Clearance clearance = tier == Tier.SAFETY ? Clearance.cleared() : Clearance.notApplicable();
      for (int i = 2; i < parts.length; i++) {
        if (parts[i].startsWith("grounded:")) {
          constraints.add(new Grounded(parts[i].substring("grounded:".length())));
        } else if (parts[i].equals("uncleared")) {
          clearance = Clearance.notCleared(Clearance.Reason.DATA_MISSING, "test data missing", List.of("t:k"));
        } else if (parts[i].equals("refused")) {
          clearance = Clearance.notCleared(Clearance.Reason.LIMIT_BREACHED, "test limit");
        }
      }
      return new Recommendation(name, tier, phase, parts[0], confidence, constraints, "test", Map.of(), clearance,
          CheckedResources.none());
    }
  }

  /** The aircraft must not operate. */
  record Grounded(String registration) implements BindingConstraint {
    @Override
    public String kind() {
      return "aircraft_grounded";
    }

    @Override
    public String subject() {
      return registration;
    }

    @Override
    public String describe() {
      return registration + " grounded";
    }

    @Override
    public Optional<String> violationBy(ActionPlan plan) {
      return plan.operates() && registration.equals(plan.aircraftRegistration())
          ? Optional.of("operates grounded aircraft " + registration) : Optional.empty();
    }
  }

  /** Sees the revised recommendations in its prompt; replies "ACTION confidence REG". */
  static final class LineArbitrator implements ArbitratorSpec {
    @Override
    public String systemPrompt() {
      return PromptXml.render(XmlElement.text("role", "arbitrator"));
    }

    @Override
    public OptimizedPrompt prompt(Disruption disruption, ArbitrationInput input) {
      XmlElement.Builder a = XmlElement.builder("arbitrate");
      input.revised().forEach(r -> a.child(XmlElement.builder("rec").attr("agent", r.agent()).attr("phase", r.phase())));
      input.missingNames().forEach(m -> a.child(XmlElement.text("missing", m)));
      input.safetyConstraints().forEach(c -> a.child(XmlElement.text("safety", c.describe())));
      return OptimizedPrompt.of(PromptStyle.XML, PromptXml.render(a.build()));
    }

    @Override
    public Ruling parse(ModelReply reply) {
      String[] parts = reply.text().trim().split(" ");
      if (parts.length != 3 && parts.length != 4) {
        throw new ReplyFormatException("expected 'ACTION confidence REG [+CREW]'", reply.text());
      }
      Set<String> added = parts.length == 4 ? Set.of(parts[3].substring(1)) : Set.of();
      ActionPlan plan = parts[2].equals("-") ? ActionPlan.notOperating(parts[0], "cancel")
          : new ActionPlan(parts[0], true, DEP.plusSeconds(3600), DEP.plusSeconds(8 * 3600), parts[2], Set.of(),
              parts[0] + " on " + parts[2], added);
      return new Ruling(plan, Double.parseDouble(parts[1]), "test", List.of(), List.of());
    }
  }
}
