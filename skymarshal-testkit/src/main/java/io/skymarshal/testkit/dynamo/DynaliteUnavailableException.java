package io.skymarshal.testkit.dynamo;

import io.skymarshal.core.SkyMarshalException;

/**
 * dynalite could not be started: Node.js or the dynalite package is missing or too old, or the
 * server did not come up in time. The message says what was looked for and how to fix it.
 * Not retryable.
 */
public final class DynaliteUnavailableException extends SkyMarshalException {
  private static final long serialVersionUID = 1L;

  public DynaliteUnavailableException(String message) {
    super(message, false);
  }

  public DynaliteUnavailableException(String message, Throwable cause) {
    super(message, false, cause);
  }
}
