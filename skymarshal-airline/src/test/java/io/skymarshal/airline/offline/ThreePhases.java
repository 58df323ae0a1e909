package io.skymarshal.airline.offline;

import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitrationInput;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Ruling;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain sequential driver of the three phases for tests of the agent pack and the offline model
 * on their own: gather once, Phase 1, Phase 2 with the other agents' Phase-1 recommendations,
 * arbitration, then the ruling checked as the engine checks it ({@link ArbitrationInput#violations}). It keeps the prompts and
 * replies so tests can look at them.
 */
final class ThreePhases {

  /** What a run produced. */
  record Run(Map<String, Recommendation> initial, Map<String, Recommendation> revised, String arbitrationPrompt,
      ModelReply arbitrationReply, Ruling ruling, List<String> violations, Map<String, String> prompts) {}

  private ThreePhases() {}

  static Run run(List<AgentSpec<?>> agents, ArbitratorSpec arbitrator, ModelClient model, Disruption d, DataAccess data) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    Map<String, String> prompts = new LinkedHashMap<>();
    Map<String, Recommendation> initial = new LinkedHashMap<>();
    for (AgentSpec<?> a : agents) {
      initial.put(a.name(), call(a, Phase.INITIAL, d, data, inputs, List.of(), model, prompts));
    }
    Map<String, Recommendation> revised = new LinkedHashMap<>();
    for (AgentSpec<?> a : agents) {
      List<Recommendation> peers = new ArrayList<>(initial.values());
      peers.removeIf(r -> r.agent().equals(a.name()));
      revised.put(a.name(), call(a, Phase.REVISION, d, data, inputs, peers, model, prompts));
    }
    ArbitrationInput input = ArbitrationInput.of(initial.values(), revised.values(), List.of());
    String prompt = arbitrator.prompt(d, input).text();
    ModelReply reply = model.call(new ModelRequest(arbitrator.name(), Tier.ARBITRATOR, Phase.ARBITRATION,
        ModelProfiles.CLAUDE_SONNET_4_5, arbitrator.systemPrompt(), true, List.of(Message.user(prompt)),
        arbitrator.replyFormat())).join();
    Ruling ruling = arbitrator.parse(reply);
    List<String> violations = input.violations(ruling.plan()).stream().map(Object::toString).toList();
    return new Run(initial, revised, prompt, reply, ruling, violations, prompts);
  }

  @SuppressWarnings("unchecked")
  private static <I> Recommendation call(AgentSpec<I> a, Phase phase, Disruption d, DataAccess data,
      Map<String, Object> inputs, List<Recommendation> peers, ModelClient model, Map<String, String> prompts) {
    I input = (I) inputs.computeIfAbsent(a.name(), k -> a.gather(d, data));
    String prompt = a.prompt(phase, d, input, peers).text();
    prompts.put(a.name() + "/" + phase.reportName(), prompt);
    ModelReply reply = model.call(new ModelRequest(a.name(), a.tier(), phase, ModelProfiles.CLAUDE_HAIKU_4_5,
        a.systemPrompt(), true, List.of(Message.user(prompt)), a.replyFormat())).join();
    Recommendation r = a.parse(phase, reply);
    // as the engine does: what the agent computed in code binds its recommendation
    return a.tier() == Tier.SAFETY ? a.assess(d, input).bind(r) : r;
  }
}
