package io.skymarshal.core;

import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.prompt.OptimizedPrompt;
import java.util.List;

/**
 * The arbitrator: turns the revised recommendations into a {@link Ruling}. The engine then checks
 * the ruling's plan against every SAFETY binding constraint in code. Stateless and thread-safe.
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
   * The user message for arbitration.
   *
   * @param revised the Phase-2 recommendations of the agents that succeeded
   * @param missing the agents with no recommendation (failed or timed out)
   */
  OptimizedPrompt prompt(Disruption disruption, List<Recommendation> revised, List<String> missing);

  /**
   * The ruling in the model's reply.
   *
   * @throws ReplyFormatException if the reply does not parse or a value is out of range
   */
  Ruling parse(ModelReply reply);
}
