package io.skymarshal.airline.store;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.AirlineTables;
import io.skymarshal.data.DataAccess;

/** Entry points to an airline's data. */
public final class AirlineData {

  private AirlineData() {}

  /**
   * Access to every {@link AirlineTables} table over in-memory batch readers holding
   * {@code dataset}: the offline store of the quick start and of tests. Use
   * {@link InMemoryAirlineStore#of} instead to also reach the readers (request counts).
   */
  public static DataAccess inMemory(AirlineDataset dataset) {
    return InMemoryAirlineStore.of(dataset).dataAccess();
  }
}
