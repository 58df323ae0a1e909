package io.skymarshal.data;

import io.skymarshal.core.SkyMarshalException;

/** A read that could not complete: the store failed or the retry budget ran out. */
public class BatchReadException extends SkyMarshalException {
  private static final long serialVersionUID = 1L;

  public BatchReadException(String message, Throwable cause) {
    super(message, cause instanceof SkyMarshalException s && s.retryable(), cause);
  }

  public BatchReadException(String message, boolean retryable, Throwable cause) {
    super(message, retryable, cause);
  }
}
