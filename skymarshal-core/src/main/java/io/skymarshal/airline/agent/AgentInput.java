package io.skymarshal.airline.agent;

import io.skymarshal.prompt.XmlElement;
import java.util.Objects;

/**
 * What an airline agent read for one run, already in prompt form: its {@code <data>} element,
 * holding the records it read in compact form and a note ({@code <unread>} / {@code <notfound>})
 * for every key a batch read could not deliver. Immutable.
 *
 * @param data the {@code <data>} element rendered into the agent's Phase-1 and Phase-2 prompts
 */
public record AgentInput(XmlElement data) {

  public AgentInput {
    Objects.requireNonNull(data, "data");
    if (!data.name().equals("data")) {
      throw new IllegalArgumentException("agent input must be a <data> element but was <" + data.name() + ">");
    }
  }
}
