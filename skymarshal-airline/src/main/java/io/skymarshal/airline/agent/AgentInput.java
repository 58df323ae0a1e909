package io.skymarshal.airline.agent;

import io.skymarshal.core.SafetyAssessment;
import io.skymarshal.prompt.XmlElement;
import java.util.Objects;

/**
 * What an airline agent read for one run: its {@code <data>} element, holding the records it read
 * in compact form and a note ({@code <unread>} / {@code <notfound>}) for every key a batch read
 * could not deliver, and, for a SAFETY agent, what follows from that data by rule
 * ({@code <bound>} in the data shows it to the model). Immutable.
 *
 * @param data       the {@code <data>} element rendered into the agent's Phase-1 and Phase-2 prompts
 * @param assessment the clearance, constraints and examined resources computed in code;
 *                   {@link SafetyAssessment#none()} for a BUSINESS agent
 */
public record AgentInput(XmlElement data, SafetyAssessment assessment) {

  public AgentInput {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(assessment, "assessment");
    if (!data.name().equals("data")) {
      throw new IllegalArgumentException("agent input must be a <data> element but was <" + data.name() + ">");
    }
  }

  /** Data with no assessment (a BUSINESS agent's). */
  public AgentInput(XmlElement data) {
    this(data, SafetyAssessment.none());
  }
}
