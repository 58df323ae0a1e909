/**
 * The safety sweep: an independent instrument that counts unsafe decisions over many generated,
 * deliberately hostile disruptions with model faults injected, judged by ground truth computed
 * from the generated world and never by the engine's own verdicts.
 *
 * <ul>
 *   <li>{@link io.skymarshal.testkit.sweep.WorldMutator}: hostile but valid variants of a generated
 *       disruption and airline ({@link io.skymarshal.testkit.sweep.Variant});
 *   <li>{@link io.skymarshal.testkit.sweep.GroundTruth}: what is true of a variant, by the rules of
 *       the domain;
 *   <li>{@link io.skymarshal.testkit.sweep.FaultInjectingModel}: a model client that wraps the
 *       offline model and injects errors, malformed and hung replies and unsafe rulings;
 *   <li>{@link io.skymarshal.testkit.sweep.SafetyJudges}: the three judges of a decision;
 *   <li>{@link io.skymarshal.testkit.sweep.SafetySweep}: the runner and its {@code main}.
 * </ul>
 */
package io.skymarshal.testkit.sweep;
