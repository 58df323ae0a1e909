package io.skymarshal.core;

/**
 * The root of every exception SkyMarshal throws. Unchecked.
 *
 * <p>{@link #retryable()} says whether trying the same thing again may succeed (a throttled or
 * timed-out call) or not (a bad request, a missing permission, a reply that breaks the format).
 * Exceptions from the AWS SDK are translated into subclasses at the module boundary, so callers
 * never need to catch an AWS type or unwrap an {@code ExecutionException}.
 */
public class SkyMarshalException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public SkyMarshalException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  public SkyMarshalException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** Whether the same operation may succeed if tried again. */
  public boolean retryable() {
    return retryable;
  }
}
