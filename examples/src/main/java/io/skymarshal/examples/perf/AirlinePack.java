package io.skymarshal.examples.perf;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.agent.PromptOptions;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.prompt.PromptStyle;
import java.util.List;

/** The airline agents as a configuration's levers build them. */
final class AirlinePack {
  private AirlinePack() {}

  static List<AgentSpec<?>> agents(SuiteConfig config, PromptStyle style) {
    return AirlineAgents.all(options(config, style));
  }

  static ArbitratorSpec arbitrator(SuiteConfig config, PromptStyle style) {
    return AirlineAgents.arbitrator(options(config, style));
  }

  static PromptOptions options(SuiteConfig config, PromptStyle style) {
    return new PromptOptions(style, config.has(Lever.CONTINUATION), config.has(Lever.CONSTRAINT_REFS),
        config.has(Lever.CACHED_EXAMPLES), config.has(Lever.SAFETY_PEERS_ONLY));
  }
}
