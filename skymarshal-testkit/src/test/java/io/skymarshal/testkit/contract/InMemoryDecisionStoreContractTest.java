package io.skymarshal.testkit.contract;

import io.skymarshal.store.DecisionStore;
import io.skymarshal.store.InMemoryDecisionStore;
import java.time.Clock;

/** The in-memory store keeps the {@link DecisionStore} contract. */
class InMemoryDecisionStoreContractTest extends DecisionStoreContract {
  @Override
  protected DecisionStore store(Clock clock) {
    return InMemoryDecisionStore.withClock(clock);
  }
}
