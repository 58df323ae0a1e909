package io.skymarshal.testkit.contract;

import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.testkit.model.ScriptedModel;
import io.skymarshal.testkit.model.ScriptedModel.Step;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/** The scripted model keeps the {@link ModelClient} contract, every failure kind included. */
class ScriptedModelContractTest extends ModelClientContract {
  /** The agent of the contract's requests, whose script the model follows. */
  private static final String AGENT = "contract_agent";
  private ScriptedModel model;

  @BeforeEach
  void newModel() {
    model = new ScriptedModel();
  }

  @Override
  protected ModelClient client() {
    return model;
  }

  @Override
  protected void scriptText(String text, TokenUsage usage) {
    model.enqueue(AGENT, Step.reply(text).withUsage(usage));
  }

  @Override
  protected void scriptStructured(String formatName, String json, TokenUsage usage) {
    model.enqueue(AGENT, Step.reply(json).withUsage(usage));
  }

  @Override
  protected void scriptFailure(ModelException.Kind kind) {
    model.enqueue(AGENT, Step.fail(kind));
  }

  @Override
  protected Set<ModelException.Kind> scriptableFailures() {
    return EnumSet.allOf(ModelException.Kind.class);
  }

  @Override
  protected boolean canHoldReply() {
    return true;
  }

  @Override
  protected void scriptNoReply() {
    model.enqueue(AGENT, Step.never());
  }

  /** It answers as itself, whatever model the request names. */
  @Override
  protected String answeringModelId() {
    return ScriptedModel.MODEL_ID;
  }
}
