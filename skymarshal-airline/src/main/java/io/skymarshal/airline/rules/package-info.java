/**
 * The rules of the airline domain as pure functions over configurable defaults: flight duty and
 * rest, MEL repair intervals, curfews and slots, minimum connection times, delay propagation,
 * cold chain, EU 261 compensation and arbitration weights. Each rules type is an immutable record
 * with a {@code defaults()} (or {@code standard()}) instance.
 */
package io.skymarshal.airline.rules;
