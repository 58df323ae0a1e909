package io.skymarshal.sqs;

import io.skymarshal.core.SkyMarshalException;

/**
 * An SQS call of the worker failed, or the queue is not set up as the worker needs (no redrive
 * policy). {@link #retryable()} for throttling, server errors and broken connections.
 */
public class SqsWorkerException extends SkyMarshalException {
  private static final long serialVersionUID = 1L;

  public SqsWorkerException(String message, boolean retryable) {
    super(message, retryable);
  }

  public SqsWorkerException(String message, boolean retryable, Throwable cause) {
    super(message, retryable, cause);
  }
}
