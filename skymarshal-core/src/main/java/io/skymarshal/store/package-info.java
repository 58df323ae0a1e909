/**
 * One decision per disruption document, across runs and instances: the {@link
 * io.skymarshal.store.DecisionStore} SPI (claims with a lease, phase checkpoints, the stored
 * decision), its in-memory implementation, and the settings an
 * {@link io.skymarshal.core.Orchestrator} uses to decide through a store
 * ({@link io.skymarshal.store.StoredRunPolicy}). The DynamoDB implementation lives in
 * {@code skymarshal-dynamo}.
 */
package io.skymarshal.store;
