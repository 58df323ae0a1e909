package io.skymarshal.store;

import io.skymarshal.core.SkyMarshalException;

/**
 * A {@link DecisionStore} operation failed. {@link #retryable()} when the store was unavailable or
 * throttled; not when the request itself was wrong. Implementations translate their backend's
 * exceptions into this (or {@link LeaseLostException}).
 */
public class DecisionStoreException extends SkyMarshalException {
  private static final long serialVersionUID = 1L;

  public DecisionStoreException(String message, boolean retryable) {
    super(message, retryable);
  }

  public DecisionStoreException(String message, boolean retryable, Throwable cause) {
    super(message, retryable, cause);
  }
}
