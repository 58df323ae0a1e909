package io.skymarshal.testkit.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.CheckedResources;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.SafetyAssessment;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.prompt.OptimizedPrompt;
import io.skymarshal.testkit.sweep.SafetyJudges.Judge;
import io.skymarshal.testkit.sweep.SafetySweep.Result;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The control: the same sweep on a deliberately naive engine, whose SAFETY agents clear whatever
 * they are asked about, drop the constraints their model states, compute nothing in code, and
 * "examine" whatever aircraft the document names (its registration and a spare a fact names),
 * must find unsafe decisions of every kind it can make: the sweep notices an
 * unsafe engine end to end, not only on hand-made decisions. The naive pack wraps the airline
 * agents (their rules, the offline model, the arbitrator's options are today's); should the core
 * itself come to refuse what this pack lets through, a judge may stop firing here: that is the
 * engine getting safer, and the control then needs a naiver pack, not a weaker judge.
 */
class SafetySweepControlTest {
  private static OfflineModel model;

  @BeforeAll
  static void setUp() {
    System.setProperty("org.slf4j.simpleLogger.log.io.skymarshal", "error");
    model = OfflineModel.create();
  }

  @Test
  void naiveEngine_isFoundUnsafe() {
    List<AgentSpec<?>> naive = AirlineAgents.all().stream().<AgentSpec<?>>map(Naive::new).toList();
    Result r = SafetySweep.run(SafetySweep.Config.defaults().withRuns(300), model, naive, AirlineAgents.arbitrator());
    // a summary only: this run is a control, its "unsafe" count is the point, not a finding
    System.out.println("Control, a deliberately naive engine, expected unsafe: "
        + r.summaryLine().substring("Safety sweep: ".length()));
    assertThat(r.runs().stream().filter(SafetySweep.RunResult::operates)).as("the naive engine operates flights")
        .isNotEmpty();
    assertThat(r.unsafe(Judge.UNRELEASED_FAULT)).as("(a)").isPositive();
    assertThat(r.unsafe(Judge.NOT_CLEARABLE)).as("(b)").isPositive();
    assertThat(r.unsafe(Judge.UNKNOWN_RESOURCE)).as("(c)").isPositive();
  }

  /** A SAFETY agent that trusts the document: clears, states no constraint, examines what the document names. */
  private static final class Naive<I> implements AgentSpec<I> {
    private final AgentSpec<I> delegate;

    @SuppressWarnings("unchecked")
    Naive(AgentSpec<?> delegate) {
      this.delegate = (AgentSpec<I>) delegate;
    }

    @Override public String name() { return delegate.name(); }
    @Override public Tier tier() { return delegate.tier(); }
    @Override public String systemPrompt() { return delegate.systemPrompt(); }
    @Override public ReplyFormat replyFormat() { return delegate.replyFormat(); }
    @Override public I gather(Disruption d, DataAccess data) { return delegate.gather(d, data); }

    @Override
    public OptimizedPrompt prompt(Phase phase, Disruption d, I input, List<Recommendation> peers) {
      return delegate.prompt(phase, d, input, peers);
    }

    @Override
    public SafetyAssessment assess(Disruption d, I input) {
      if (tier() != Tier.SAFETY) {
        return SafetyAssessment.none();
      }
      Set<String> named = new LinkedHashSet<>();
      if (d.flight().aircraftRegistration() != null) {
        named.add(d.flight().aircraftRegistration());
      }
      d.facts().forEach((k, v) -> {
        if (k.endsWith(GroundTruth.SPARE_FACT)) {
          named.add(v);
        }
      });
      return new SafetyAssessment(Clearance.cleared(), List.of(), CheckedResources.aircraft(named));
    }

    @Override
    public Recommendation parse(Phase phase, ModelReply reply) {
      Recommendation r = delegate.parse(phase, reply);
      if (tier() != Tier.SAFETY) {
        return r;
      }
      // clears, and drops whatever constraints its model stated
      return new Recommendation(r.agent(), r.tier(), r.phase(), r.action(), r.confidence(), List.of(), r.reasoning(),
          r.figures(), Clearance.cleared(), r.checked());
    }
  }
}
