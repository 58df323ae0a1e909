package io.skymarshal.testkit.contract;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.prompt.TokenCounter;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/**
 * The offline model keeps the {@link ModelClient} contract. It cannot be scripted: it answers
 * the XML prompt it is sent by rule. So its exchanges are the seven agents' Phase-1 requests
 * for the reference disruption EY123, taken in turn, and the reply each must get is what a
 * fresh offline model answers it (the model is deterministic), with the usage its Javadoc
 * promises counted here from the request: system prompt + messages + reply schema in, the reply
 * out, nothing cached (the requests do not ask for caching). Its one failure is VALIDATION, for
 * a request without an XML prompt. It answers at once, so it cannot hold a reply back; with a
 * latency it can ({@link OfflineModelWithLatencyContractTest}).
 */
class OfflineModelContractTest extends ModelClientContract {
  private static final TokenCounter TOKENS = TokenCounter.cl100k();

  private OfflineModel model;
  private List<ModelRequest> agentRequests;
  private int next;

  @BeforeEach
  void newModel() {
    model = offlineModel();
    agentRequests = agentRequests();
  }

  /** The model under test; called once per test. */
  OfflineModel offlineModel() {
    return OfflineModel.create();
  }

  @Override
  protected ModelClient client() {
    return model;
  }

  @Override
  protected Exchange textExchange(String userText, String text, TokenUsage usage) {
    return expected(agentRequests.get(next++ % agentRequests.size()));
  }

  /** Every agent asks for its reply format; the offline model answers it with the JSON object. */
  @Override
  protected Exchange structuredExchange(String userText, ReplyFormat format, String json, TokenUsage usage) {
    return textExchange(userText, json, usage);
  }

  /** A plain-text prompt: the offline model reads XML prompts only. */
  @Override
  protected ModelRequest failingRequest(ModelException.Kind kind) {
    ModelRequest agent = agentRequests.get(0);
    return new ModelRequest(agent.agent(), agent.tier(), agent.phase(), profile(), agent.systemPrompt(), false,
        List.of(Message.user("fail " + kind + ": decide the disruption of EY123")), agent.replyFormat());
  }

  @Override
  protected Set<ModelException.Kind> scriptableFailures() {
    return EnumSet.of(ModelException.Kind.VALIDATION);
  }

  @Override
  protected String answeringModelId() {
    return OfflineModel.MODEL_ID;
  }

  @Override
  protected void scriptText(String text, TokenUsage usage) {
    throw new UnsupportedOperationException("the offline model cannot be scripted; see textExchange");
  }

  @Override
  protected void scriptStructured(String formatName, String json, TokenUsage usage) {
    throw new UnsupportedOperationException("the offline model cannot be scripted; see structuredExchange");
  }

  @Override
  protected void scriptFailure(ModelException.Kind kind) {
    throw new UnsupportedOperationException("the offline model cannot be scripted; see failingRequest");
  }

  private static Exchange expected(ModelRequest request) {
    String text = OfflineModel.create().call(request).join().text();
    // as OfflineModel's Javadoc states it, counted independently of the model
    ReplyFormat format = request.replyFormat();
    long in = TOKENS.count(request.systemPrompt()) + (format == null ? 0 : TOKENS.count(format.jsonSchema()));
    for (Message m : request.messages()) {
      in += TOKENS.count(m.text());
    }
    return new Exchange(request, text, new TokenUsage(in, TOKENS.count(text), 0, 0));
  }

  private List<ModelRequest> agentRequests() {
    Disruption d = AirlineSamples.ey123Disruption();
    DataAccess data = AirlineData.inMemory(AirlineSamples.ey123Airline());
    return AirlineAgents.all().stream().map(a -> request(a, d, data)).toList();
  }

  private <I> ModelRequest request(AgentSpec<I> agent, Disruption d, DataAccess data) {
    I input = agent.gather(d, data);
    String prompt = agent.prompt(Phase.INITIAL, d, input, List.of()).text();
    return new ModelRequest(agent.name(), agent.tier(), Phase.INITIAL, profile(),
        agent.systemPrompt(), false, List.of(Message.user(prompt)), agent.replyFormat());
  }
}
