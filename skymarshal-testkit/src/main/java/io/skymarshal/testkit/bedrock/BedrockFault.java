package io.skymarshal.testkit.bedrock;

/**
 * The errors Bedrock Runtime's Converse answers with, as they appear on the wire: an HTTP status,
 * an {@code x-amzn-ErrorType} header naming the exception in the service's form
 * ({@code ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/}), and a
 * {@code {"message": ...}} body. The AWS SDK turns each into its modelled exception class.
 *
 * <p>The set and the statuses are those of the Converse API reference's error list plus
 * {@code ServiceQuotaExceededException}, each status as the AWS SDK's own service model (2.57.x)
 * maps it.
 */
public enum BedrockFault {
  /** 429: request rate or token quota exceeded. */
  THROTTLING(429, "ThrottlingException", "Too many requests, please wait before trying again."),
  /** 429: the model is not ready to serve inference requests yet (e.g. still being loaded). */
  MODEL_NOT_READY(429, "ModelNotReadyException", "The model is not ready to serve inference requests. Try again later."),
  /** 400: the request would exceed a service quota of the account. */
  SERVICE_QUOTA_EXCEEDED(400, "ServiceQuotaExceededException",
      "Your request exceeds the service quota for your account. You can request a quota increase."),
  /** 503: the service cannot take the request now. */
  SERVICE_UNAVAILABLE(503, "ServiceUnavailableException", "The service is temporarily unavailable."),
  /** 500: the service failed. */
  INTERNAL_SERVER(500, "InternalServerException", "The server encountered an internal error."),
  /** 408: the model took too long to answer. */
  MODEL_TIMEOUT(408, "ModelTimeoutException", "The request took too long to process."),
  /** 424: the model failed while processing the request. */
  MODEL_ERROR(424, "ModelErrorException", "The model returned an error."),
  /** 400: the request is not valid. */
  VALIDATION(400, "ValidationException", "The request is not valid."),
  /** 403: the caller may not use the model, e.g. model access is not enabled. */
  ACCESS_DENIED(403, "AccessDeniedException",
      "You don't have access to the model with the specified model ID."),
  /** 404: no such model or inference profile. */
  RESOURCE_NOT_FOUND(404, "ResourceNotFoundException", "The specified model could not be found.");

  private final int status;
  private final String errorType;
  private final String defaultMessage;

  BedrockFault(int status, String errorType, String defaultMessage) {
    this.status = status;
    this.errorType = errorType;
    this.defaultMessage = defaultMessage;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The exception's name, e.g. {@code ThrottlingException}: what the SDK reports as the error code. */
  public String errorType() {
    return errorType;
  }

  /**
   * The {@code x-amzn-ErrorType} header as Bedrock sends it: the name, a colon and the service's
   * namespace, e.g. {@code ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/}.
   */
  public String headerValue() {
    return ConverseResponses.errorTypeHeader(errorType);
  }

  /** The message Bedrock typically sends with it. */
  public String defaultMessage() {
    return defaultMessage;
  }
}
