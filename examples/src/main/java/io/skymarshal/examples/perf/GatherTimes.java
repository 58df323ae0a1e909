package io.skymarshal.examples.perf;

import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.SafetyAssessment;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.prompt.OptimizedPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wall time of each agent's reads (its {@code gather}) in the current run. The suite needs it
 * apart from the model's time: reads take real time, while a simulated model's time is scaled, so
 * the two are converted to model time differently. Thread-safe; one run at a time.
 */
public final class GatherTimes {
  private final Map<String, Long> nanos = new ConcurrentHashMap<>();

  /** Forgets the times of the last run. */
  public void clear() {
    nanos.clear();
  }

  /** The wall milliseconds {@code agent}'s reads took in this run; 0 if it read nothing. */
  public double ms(String agent) {
    return nanos.getOrDefault(agent, 0L) / 1e6;
  }

  /** {@code agents}, each timing its reads here. */
  public List<AgentSpec<?>> wrap(List<AgentSpec<?>> agents) {
    List<AgentSpec<?>> out = new ArrayList<>();
    agents.forEach(a -> out.add(timed(a)));
    return List.copyOf(out);
  }

  private <I> AgentSpec<I> timed(AgentSpec<I> a) {
    return new AgentSpec<>() {
      @Override
      public String name() {
        return a.name();
      }

      @Override
      public Tier tier() {
        return a.tier();
      }

      @Override
      public String systemPrompt() {
        return a.systemPrompt();
      }

      @Override
      public ReplyFormat replyFormat() {
        return a.replyFormat();
      }

      @Override
      public I gather(Disruption disruption, DataAccess data) {
        long start = System.nanoTime();
        try {
          return a.gather(disruption, data);
        } finally {
          nanos.merge(a.name(), System.nanoTime() - start, Long::sum);
        }
      }

      @Override
      public SafetyAssessment assess(Disruption disruption, I input) {
        return a.assess(disruption, input);
      }

      @Override
      public OptimizedPrompt prompt(Phase phase, Disruption disruption, I input, List<Recommendation> peers) {
        return a.prompt(phase, disruption, input, peers);
      }

      @Override
      public Optional<OptimizedPrompt> revisionFollowUp(Disruption disruption, I input, List<Recommendation> peers) {
        return a.revisionFollowUp(disruption, input, peers);
      }

      @Override
      public Recommendation parse(Phase phase, ModelReply reply) {
        return a.parse(phase, reply);
      }
    };
  }
}
