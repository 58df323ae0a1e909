package io.skymarshal.testkit.contract;

import io.skymarshal.core.Disruption;
import io.skymarshal.model.ModelClient;
import io.skymarshal.testkit.airline.AirlineSamples;
import io.skymarshal.testkit.sweep.FaultInjectingModel;
import org.junit.jupiter.api.BeforeEach;

/**
 * The safety sweep's fault injector, set to inject nothing, keeps the {@link ModelClient}
 * contract of the model it wraps (here the scripted model, scripted as in
 * {@link ScriptedModelContractTest}): it passes every reply, failure and held call through.
 */
class FaultInjectingModelContractTest extends ScriptedModelContractTest {
  private FaultInjectingModel injector;

  @BeforeEach
  void wrap() {
    Disruption d = AirlineSamples.ey123Disruption();
    injector = new FaultInjectingModel(super.client(), FaultInjectingModel.Rates.none(), 7, d.flight(),
        AirlineSamples.EY123_REGISTRATION, d.estimatedDelay());
  }

  @Override
  protected ModelClient client() {
    return injector;
  }
}
