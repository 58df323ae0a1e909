package io.skymarshal.sqs;

/**
 * What a {@link DisruptionWorker} has done so far. Immutable snapshot.
 *
 * @param received    messages received (a message delivered again counts again)
 * @param arbitrated  messages whose document this worker's run decided
 * @param answered    messages answered with a decision stored earlier or by another run (duplicates)
 * @param rejected    deliveries of invalid documents
 * @param retried     deliveries left to be delivered again after a failure
 * @param released    messages given back at shutdown, their runs unfinished
 * @param deleted     messages deleted (their decision stored)
 * @param published   records sent to the output queue (decisions and rejections)
 * @param inFlight    messages being worked on now
 */
public record WorkerStats(long received, long arbitrated, long answered, long rejected, long retried, long released,
    long deleted, long published, int inFlight) {}
