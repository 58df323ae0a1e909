package io.skymarshal.benchmarks;

import dev.langchain4j.agentic.AgenticServices;
import dev.langchain4j.agentic.UntypedAgent;
import dev.langchain4j.agentic.scope.AgenticScope;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitrationInput;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Ruling;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The three phases as a LangChain4j agentic workflow (langchain4j-agentic): a sequence of two
 * parallel blocks of the seven agents and the arbitrator. Each agent is a branch of three steps in
 * the same scope: a non-AI step that gathers and renders the prompt with the agent's own
 * {@link AgentSpec}, an AI agent on an instant {@link ChatModel} (the system prompt and the
 * rendered prompt as its messages), and a non-AI step that parses the reply with the spec. So the
 * prompt and parse work is the same as the engine's and the raw fan-out's; what differs is the
 * framework around it. Parallel blocks run on the given executor.
 */
final class LangChain4jFanOut {
  private final UntypedAgent workflow;

  LangChain4jFanOut(List<AgentSpec<?>> agents, BenchAgents.Arbitrator arbitrator, Disruption disruption, Executor executor) {
    List<Object> steps = new ArrayList<>();
    for (Phase phase : List.of(Phase.INITIAL, Phase.REVISION)) {
      List<Object> branches = new ArrayList<>();
      for (AgentSpec<?> a : agents) {
        branches.add(branch(a, phase, disruption));
      }
      steps.add(AgenticServices.parallelBuilder().executor(executor).subAgents(branches).build());
      // the phase's recommendations in agent order, for the next phase's prompts
      steps.add(AgenticServices.agentAction(scope -> {
        List<Recommendation> recs = new ArrayList<>();
        agents.forEach(a -> recs.add((Recommendation) scope.readState(key("rec", a.name(), phase))));
        scope.writeState(recsKey(phase), recs);
      }));
    }
    String promptKey = key("prompt", "arbitrator", Phase.ARBITRATION);
    String replyKey = key("reply", "arbitrator", Phase.ARBITRATION);
    steps.add(AgenticServices.agentAction(scope -> scope.writeState(promptKey, arbitrator.prompt(disruption,
        ArbitrationInput.of(recs(scope, Phase.INITIAL), recs(scope, Phase.REVISION), List.of())).text())));
    steps.add(AgenticServices.agentBuilder().name("arbitrator").chatModel(instant("DELAY 0.8"))
        .systemMessage(arbitrator.systemPrompt()).inputKey(String.class, promptKey)
        .userMessage("{{" + promptKey + "}}").outputKey(replyKey).build());
    steps.add(AgenticServices.agentAction(scope -> scope.writeState("ruling", arbitrator.parse(reply(scope, replyKey)))));
    workflow = AgenticServices.sequenceBuilder().subAgents(steps).outputKey("ruling").build();
  }

  /** One run: the ruling. */
  Ruling run() {
    return (Ruling) workflow.invoke(Map.of());
  }

  private static <I> Object branch(AgentSpec<I> a, Phase phase, Disruption disruption) {
    String promptKey = key("prompt", a.name(), phase);
    String replyKey = key("reply", a.name(), phase);
    return AgenticServices.sequenceBuilder().subAgents(
        AgenticServices.agentAction(scope -> {
          I input = a.gather(disruption, DataAccess.none());
          List<Recommendation> peers = phase == Phase.INITIAL ? List.of()
              : recs(scope, Phase.INITIAL).stream().filter(r -> !r.agent().equals(a.name())).toList();
          scope.writeState(promptKey, a.prompt(phase, disruption, input, peers).text());
        }),
        AgenticServices.agentBuilder().name(a.name() + "_" + phase).chatModel(instant("OK 0.9"))
            .systemMessage(a.systemPrompt()).inputKey(String.class, promptKey)
            .userMessage("{{" + promptKey + "}}").outputKey(replyKey).build(),
        AgenticServices.agentAction(scope -> scope.writeState(key("rec", a.name(), phase),
            a.parse(phase, reply(scope, replyKey)))))
        .build();
  }

  @SuppressWarnings("unchecked")
  private static List<Recommendation> recs(AgenticScope scope, Phase phase) {
    return (List<Recommendation>) scope.readState(recsKey(phase));
  }

  private static ModelReply reply(AgenticScope scope, String replyKey) {
    return new ModelReply((String) scope.readState(replyKey), TokenUsage.of(100, 20), "instant", "end_turn");
  }

  private static String key(String what, String agent, Phase phase) {
    return what + "_" + agent + "_" + phase.name();
  }

  private static String recsKey(Phase phase) {
    return "recs_" + phase.name();
  }

  /** A chat model that answers {@code text} at once, with the usage the engine's instant model reports. */
  private static ChatModel instant(String text) {
    ChatResponse response = ChatResponse.builder().aiMessage(AiMessage.from(text))
        .tokenUsage(new dev.langchain4j.model.output.TokenUsage(100, 20)).finishReason(FinishReason.STOP).build();
    return new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        return response;
      }
    };
  }
}
