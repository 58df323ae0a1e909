/**
 * A disruption worker on Amazon SQS ({@link io.skymarshal.sqs.DisruptionWorker}): several
 * instances behind one queue decide every disruption document once, through the orchestrator's
 * {@link io.skymarshal.store.DecisionStore}.
 */
package io.skymarshal.sqs;
