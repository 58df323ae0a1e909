package io.skymarshal.examples.perf;

import io.skymarshal.core.AgentCall;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Phase;
import io.skymarshal.model.TokenUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The figures of one configuration over its runs: run latency percentiles (model time), tokens
 * and cost per request (a request is one run), per-phase and per-agent medians, wall time over
 * critical path, and the share of Sonnet input billed at the cache-read price.
 *
 * @param name    the configuration
 * @param samples its runs, in disruption order
 */
public record Summary(String name, List<RunSample> samples) {

  public Summary {
    samples = List.copyOf(samples);
  }

  public int runs() {
    return samples.size();
  }

  public double latencyPercentile(double p) {
    return Stats.percentile(values(RunSample::modelMs), p);
  }

  public double wallOverCriticalPercentile(double p) {
    return Stats.percentile(values(RunSample::wallOverCritical), p);
  }

  public double meanCostUsd() {
    return Stats.mean(values(RunSample::costUsd));
  }

  public double costPercentile(double p) {
    return Stats.percentile(values(RunSample::costUsd), p);
  }

  /** Mean per request of one token count. */
  public double meanTokens(ToDoubleFunction<TokenUsage> kind) {
    return Stats.mean(values(s -> kind.applyAsDouble(s.usage())));
  }

  public double tokenPercentile(ToDoubleFunction<TokenUsage> kind, double p) {
    return Stats.percentile(values(s -> kind.applyAsDouble(s.usage())), p);
  }

  /** Median model-time duration of each phase that ran. */
  public Map<Phase, Double> phaseMedians() {
    Map<Phase, List<Double>> by = new TreeMap<>();
    samples.forEach(s -> s.phaseModelMs().forEach((p, ms) -> by.computeIfAbsent(p, k -> new ArrayList<>()).add(ms)));
    Map<Phase, Double> out = new LinkedHashMap<>();
    by.forEach((p, v) -> out.put(p, Stats.percentile(v, 50)));
    return out;
  }

  /** Median model-time duration, output tokens and cost of each agent in each phase ("agent/PHASE"). */
  public Map<String, double[]> agentMedians() {
    Map<String, List<RunSample.CallSample>> by = new LinkedHashMap<>();
    for (RunSample s : samples) {
      for (RunSample.CallSample c : s.calls()) {
        if (c.call().status().succeeded()) {
          by.computeIfAbsent(c.call().agent() + "/" + c.call().phase(), k -> new ArrayList<>()).add(c);
        }
      }
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    by.forEach((k, v) -> out.put(k, new double[] {
        Stats.percentile(v.stream().map(RunSample.CallSample::modelMs).toList(), 50),
        Stats.percentile(v.stream().map(c -> (double) c.call().usage().totalInputTokens()).toList(), 50),
        Stats.percentile(v.stream().map(c -> (double) c.call().usage().outputTokens()).toList(), 50),
        Stats.percentile(v.stream().map(c -> c.call().costUsd()).toList(), 50)}));
    return out;
  }

  /** Of all input tokens sent to Sonnet models, the share read from the prompt cache. */
  public double sonnetCacheReadShare() {
    long read = 0;
    long all = 0;
    for (RunSample s : samples) {
      for (AgentCall c : s.decision().report().calls()) {
        if (c.modelId() != null && c.modelId().contains("sonnet")) {
          read += c.usage().cacheReadTokens();
          all += c.usage().totalInputTokens();
        }
      }
    }
    return all == 0 ? 0 : (double) read / all;
  }

  /** How many runs ended in each status. */
  public Map<Decision.Status, Integer> statuses() {
    Map<Decision.Status, Integer> out = new TreeMap<>();
    samples.forEach(s -> out.merge(s.decision().status(), 1, Integer::sum));
    return out;
  }

  private List<Double> values(ToDoubleFunction<RunSample> f) {
    return samples.stream().map(s -> f.applyAsDouble(s)).toList();
  }
}
