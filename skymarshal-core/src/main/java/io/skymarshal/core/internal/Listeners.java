package io.skymarshal.core.internal;

import io.skymarshal.core.AgentCall;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.PhaseTiming;
import io.skymarshal.core.RunListener;
import io.skymarshal.core.RunReport;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls every listener, isolating the run from a listener's exception. */
final class Listeners implements RunListener {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final List<RunListener> listeners;

  Listeners(List<RunListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  private void each(Consumer<RunListener> call) {
    for (RunListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("listener {} threw; ignored", l.getClass().getName(), e);
      }
    }
  }

  @Override
  public void onRunStarted(Disruption d) {
    each(l -> l.onRunStarted(d));
  }

  @Override
  public void onPhaseStarted(Disruption d, Phase phase) {
    each(l -> l.onPhaseStarted(d, phase));
  }

  @Override
  public void onAgentStarted(Disruption d, String agent, io.skymarshal.core.Tier tier, Phase phase) {
    each(l -> l.onAgentStarted(d, agent, tier, phase));
  }

  @Override
  public void onAttemptFailed(Disruption d, String agent, Phase phase, int attempt, Throwable error, boolean willRetry) {
    each(l -> l.onAttemptFailed(d, agent, phase, attempt, error, willRetry));
  }

  @Override
  public void onModelCall(Disruption d, io.skymarshal.core.ModelCall call) {
    each(l -> l.onModelCall(d, call));
  }

  @Override
  public void onAgentCompleted(Disruption d, AgentCall call) {
    each(l -> l.onAgentCompleted(d, call));
  }

  @Override
  public void onPhaseCompleted(Disruption d, PhaseTiming timing) {
    each(l -> l.onPhaseCompleted(d, timing));
  }

  @Override
  public void onRunCompleted(Disruption d, Decision decision) {
    each(l -> l.onRunCompleted(d, decision));
  }

  @Override
  public void onRunCancelled(Disruption d, RunReport report) {
    each(l -> l.onRunCancelled(d, report));
  }
}
