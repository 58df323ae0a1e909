package io.skymarshal.model;

import io.skymarshal.core.SkyMarshalException;
import java.util.Objects;

/**
 * A model call that failed. The {@link Kind} says why and decides whether the engine retries:
 * throttling, timeouts and server errors are transient; everything else is permanent.
 * The message names the model id (and the region where the backend has one).
 */
public class ModelException extends SkyMarshalException {
  private static final long serialVersionUID = 1L;

  /** Why a model call failed. */
  public enum Kind {
    /** Too many requests (HTTP 429, ThrottlingException). Transient. */
    THROTTLED(true),
    /** The model did not answer in time (HTTP 408, ModelTimeoutException, a read timeout). Transient. */
    TIMEOUT(true),
    /** The service failed or is unavailable (HTTP 5xx). Transient. */
    SERVER_ERROR(true),
    /** The request was rejected as invalid (HTTP 400). Permanent. */
    VALIDATION(false),
    /** Credentials lack access to the model (HTTP 403), e.g. model access not enabled. Permanent. */
    ACCESS_DENIED(false),
    /** No such model id in this region (HTTP 404). Permanent. */
    UNKNOWN_MODEL(false),
    /** Anything not classified above. Permanent, so it is never retried blindly. */
    OTHER(false);

    private final boolean transientKind;

    Kind(boolean transientKind) {
      this.transientKind = transientKind;
    }

    /** Whether a call failing this way may succeed when retried. */
    public boolean isTransient() {
      return transientKind;
    }
  }

  private final Kind kind;
  private final String modelId;

  public ModelException(Kind kind, String modelId, String message) {
    this(kind, modelId, message, null);
  }

  public ModelException(Kind kind, String modelId, String message, Throwable cause) {
    super(message, Objects.requireNonNull(kind, "kind").isTransient(), cause);
    this.kind = kind;
    this.modelId = modelId;
  }

  /** Why the call failed. */
  public Kind kind() {
    return kind;
  }

  /** The model id the failed call addressed; may be null if unknown. */
  public String modelId() {
    return modelId;
  }
}
