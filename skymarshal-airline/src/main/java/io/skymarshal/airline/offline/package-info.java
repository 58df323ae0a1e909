/**
 * {@link io.skymarshal.airline.offline.OfflineModel}: a deterministic model backend that answers
 * the airline agents and the arbitrator from the prompt alone, with the domain rules in code, so
 * everything runs without AWS.
 */
package io.skymarshal.airline.offline;
