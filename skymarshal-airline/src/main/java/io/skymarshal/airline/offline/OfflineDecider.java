package io.skymarshal.airline.offline;

import io.skymarshal.model.ModelRequest;
import io.skymarshal.prompt.XmlElement;

/**
 * How the {@link OfflineModel} answers an agent of your own: from the agent's parsed XML prompt
 * (its {@code <phase1>} or {@code <phase2>} element, with {@code <disruption>}, {@code <data>} and,
 * in Phase 2, {@code <context>}), the reply the agent's parser accepts, usually its JSON. Register
 * it with {@link OfflineModel.Builder#decider}. Implementations must be deterministic, stateless
 * and thread-safe; an exception they throw becomes a VALIDATION model error for that call.
 */
@FunctionalInterface
public interface OfflineDecider {

  /**
   * The reply text for one call.
   *
   * @param prompt  the parsed XML user message
   * @param request the whole request (agent, tier, phase, reply format)
   */
  String reply(XmlElement prompt, ModelRequest request);
}
