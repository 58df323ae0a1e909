package io.skymarshal.core;

import java.util.Objects;

/**
 * An agent with no recommendation for the arbitrator, and why. Immutable.
 *
 * @param agent  the agent's name
 * @param tier   its tier
 * @param phase  the phase in which it was lost
 * @param status how its call ended: {@link CallStatus#FAILED}, {@link CallStatus#TIMED_OUT},
 *               {@link CallStatus#CANCELLED} or {@link CallStatus#SKIPPED}
 * @param error  what went wrong, one line
 */
public record MissingAgent(String agent, Tier tier, Phase phase, CallStatus status, String error) {

  public MissingAgent {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
    if (status == CallStatus.SUCCEEDED) {
      throw new IllegalArgumentException("agent " + agent + " succeeded; it is not missing");
    }
  }

  /** e.g. {@code cargo TIMED_OUT in phase 1: no reply within 45 s}. */
  @Override
  public String toString() {
    return agent + " " + status + " in " + phase.reportName() + ": " + error;
  }
}
