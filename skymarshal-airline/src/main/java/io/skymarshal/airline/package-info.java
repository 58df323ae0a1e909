/**
 * The airline domain: immutable, validated records (flights, aircraft with MEL items and work
 * orders, crew and rosters, reserve crew, bookings and passengers, cargo, airports, cost
 * parameters), the typed {@link io.skymarshal.data.Table tables} agents read
 * ({@link io.skymarshal.airline.AirlineTables}), an in-memory store of a whole
 * {@link io.skymarshal.airline.AirlineDataset}, and {@link io.skymarshal.airline.json.DisruptionJson},
 * the reader of an operations system's disruption documents. Binding constraints are in
 * {@code io.skymarshal.airline.constraint}, the rules of the domain in
 * {@code io.skymarshal.airline.rules}.
 */
package io.skymarshal.airline;

import io.skymarshal.airline.json.DisruptionJson;
