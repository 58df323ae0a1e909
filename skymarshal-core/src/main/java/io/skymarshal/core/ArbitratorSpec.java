package io.skymarshal.core;

import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.prompt.OptimizedPrompt;

/**
 * The arbitrator: turns the revised recommendations into a {@link Ruling}. The engine then checks
 * the ruling's plan in code against every SAFETY binding constraint of both phases and against the
 * resources the SAFETY agents examined; a ruling that breaks either is re-asked once, then the run
 * halts. Stateless and thread-safe.
 */
public interface ArbitratorSpec {

  /** The arbitrator's name in reports; default {@code arbitrator}. */
  default String name() {
    return "arbitrator";
  }

  /** The static system prompt. */
  String systemPrompt();

  /** The structured reply wanted, or null for free text. */
  default ReplyFormat replyFormat() {
    return null;
  }

  /**
   * The user message for arbitration. It should show the model {@link ArbitrationInput#safetyConstraints()}
   * and {@link ArbitrationInput#checked()}: the engine checks the ruling against exactly those.
   */
  OptimizedPrompt prompt(Disruption disruption, ArbitrationInput input);

  /**
   * The ruling in the model's reply.
   *
   * @throws ReplyFormatException if the reply does not parse or a value is out of range
   */
  Ruling parse(ModelReply reply);
}
