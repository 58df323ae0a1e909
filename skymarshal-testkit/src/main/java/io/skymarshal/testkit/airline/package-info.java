/**
 * Airline data for tests and the offline quick start: a seeded generator of a whole airline
 * ({@link io.skymarshal.testkit.airline.AirlineGenerator}), of disruptions over it
 * ({@link io.skymarshal.testkit.airline.DisruptionGenerator}), the fixed EY123 sample
 * ({@link io.skymarshal.testkit.airline.AirlineSamples}) and jqwik arbitraries
 * ({@link io.skymarshal.testkit.airline.AirlineArbitraries}).
 */
package io.skymarshal.testkit.airline;
