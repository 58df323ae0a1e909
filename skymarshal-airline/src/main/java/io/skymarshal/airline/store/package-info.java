/**
 * The in-memory airline store: {@link io.skymarshal.airline.store.AirlineData#inMemory} gives a
 * {@link io.skymarshal.data.DataAccess} over an {@link io.skymarshal.airline.AirlineDataset}, for the
 * offline quick start and tests; {@link io.skymarshal.airline.store.InMemoryAirlineStore} also
 * exposes its readers (request counts).
 */
package io.skymarshal.airline.store;
