package io.skymarshal.airline.agent;

import io.skymarshal.core.ArbitrationInput;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Ruling;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.prompt.OptimizedPrompt;
import io.skymarshal.prompt.PromptComposer;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.prompt.Task;
import java.time.Duration;

/**
 * The airline arbitrator: sees every revised recommendation, the safety set the engine checks
 * (every SAFETY constraint of both phases and the examined aircraft and crew), the options built
 * and checked in code against it ({@link Options}) and the missing agents, and rules in the
 * agreed JSON form. Immutable and thread-safe.
 */
final class AirlineArbitrator implements ArbitratorSpec {
  static final String NAME = "arbitrator";
  static final Task TASK = new Task("choose the ok option with the best weighted score; reply JSON",
      "Please choose the option that keeps every safety constraint and has the best weighted business score,"
          + " explain why, and reply with your ruling in the required JSON format.");

  private final PromptComposer composer;
  private final String systemPrompt;
  private final ReplyFormat replyFormat = ReplyFormats.arbitrator();
  private final Duration swapLead;

  AirlineArbitrator(PromptStyle style, Duration swapLead) {
    this(PromptOptions.of(style), swapLead);
  }

  AirlineArbitrator(PromptOptions options, Duration swapLead) {
    this.composer = Prompts.composer(options.style());
    this.systemPrompt = Prompts.system(name(), io.skymarshal.core.Tier.ARBITRATOR, options);
    this.swapLead = swapLead;
  }

  @Override
  public String systemPrompt() {
    return systemPrompt;
  }

  @Override
  public ReplyFormat replyFormat() {
    return replyFormat;
  }

  @Override
  public OptimizedPrompt prompt(Disruption disruption, ArbitrationInput input) {
    return composer.arbitration(DisruptionXml.of(disruption), input,
        Options.toXml(Options.build(disruption, input, swapLead)), TASK);
  }

  @Override
  public Ruling parse(ModelReply reply) {
    return Replies.ruling(BusinessActions.ALL, reply.text());
  }

  @Override
  public String toString() {
    return "arbitrator (" + composer.style() + ")";
  }
}
