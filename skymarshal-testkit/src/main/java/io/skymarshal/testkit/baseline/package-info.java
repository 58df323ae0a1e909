/**
 * Baseline comparison (plan property 12, output quality preserved): {@link
 * io.skymarshal.testkit.baseline.BaselineStore} saves a set of decisions as JSON and reads it
 * back; {@link io.skymarshal.testkit.baseline.DecisionComparator} compares a later set with it
 * (same action per agent, confidence within a tolerance, same binding constraints, same final
 * action) and lists every mismatch. Use it to check a prompt or model change against real outputs.
 */
package io.skymarshal.testkit.baseline;
