package io.skymarshal.bedrock.internal;

import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelException.Kind;
import io.skymarshal.model.ModelRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Translates what the SDK throws into {@link ModelException}s at the module boundary. Classifies
 * by exception class, then by HTTP status, never by the SDK's {@code retryable()} (which answers
 * false even for throttling). Messages name the model id, the region and what to do; they never
 * contain credentials. Thread-safe.
 */
public final class BedrockErrors {

  private final String region;

  public BedrockErrors(String region) {
    this.region = region;
  }

  public String region() {
    return region;
  }

  /** The model exception for a failed call; {@code error} may be wrapped in completion exceptions. */
  public ModelException translate(Throwable error, ModelRequest request) {
    Throwable e = unwrap(error);
    if (e instanceof ModelException me) {
      return me;
    }
    String model = request.modelId();
    String where = "model " + model + " in region " + region + " (agent " + request.agent() + ")";
    if (e instanceof AwsServiceException aws) {
      Kind kind = classify(aws);
      return new ModelException(kind, model, describe(kind, aws, where), e);
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
        || hasTimeoutCause(e)) {
      return new ModelException(Kind.TIMEOUT, model, "Bedrock call to " + where
          + " timed out on the client: " + e.getMessage(), e);
    }
    if (e instanceof SdkClientException && isMissingCredentials(e)) {
      return new ModelException(Kind.ACCESS_DENIED, model, "no AWS credentials for " + where
          + ": the default provider chain found none; set AWS_PROFILE (or SKYMARSHAL_AWS_PROFILE), "
          + "run 'aws sso login', or use an instance/task role", e);
    }
    if (e instanceof SdkClientException && causedBy(e, IOException.class)) {
      return new ModelException(Kind.SERVER_ERROR, model, "could not reach Bedrock for " + where
          + ": " + e.getMessage(), e);
    }
    return new ModelException(Kind.OTHER, model, "Bedrock call to " + where + " failed: " + e, e);
  }

  /** A reply that came back but could not be read. */
  public ModelException unreadableReply(Throwable error, ModelRequest request) {
    return new ModelException(Kind.OTHER, request.modelId(), "could not read the Converse reply of "
        + "model " + request.modelId() + " in region " + region + ": " + error, error);
  }

  static Kind classify(AwsServiceException e) {
    if (e instanceof ThrottlingException || e instanceof ServiceQuotaExceededException) {
      return Kind.THROTTLED;
    }
    if (e instanceof ModelTimeoutException) {
      return Kind.TIMEOUT;
    }
    if (e instanceof ServiceUnavailableException || e instanceof InternalServerException
        || e instanceof ModelNotReadyException || e instanceof ModelErrorException) {
      return Kind.SERVER_ERROR;
    }
    if (e instanceof AccessDeniedException) {
      return Kind.ACCESS_DENIED;
    }
    if (e instanceof ResourceNotFoundException) {
      return Kind.UNKNOWN_MODEL;
    }
    if (e instanceof ValidationException) {
      return isUnknownModel(e) ? Kind.UNKNOWN_MODEL : Kind.VALIDATION;
    }
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    if (code != null && (code.contains("Throttl") || code.equals("TooManyRequestsException"))) {
      return Kind.THROTTLED;
    }
    if (code != null && (code.equals("UnrecognizedClientException")
        || code.equals("InvalidSignatureException") || code.equals("ExpiredTokenException"))) {
      return Kind.ACCESS_DENIED;
    }
    return byStatus(e.statusCode());
  }

  static Kind byStatus(int status) {
    if (status == 429) {
      return Kind.THROTTLED;
    }
    if (status == 408) {
      return Kind.TIMEOUT;
    }
    if (status >= 500 && status <= 599) {
      return Kind.SERVER_ERROR;
    }
    if (status == 401 || status == 403) {
      return Kind.ACCESS_DENIED;
    }
    if (status == 404) {
      return Kind.UNKNOWN_MODEL;
    }
    if (status == 400 || status == 413 || status == 422) {
      return Kind.VALIDATION;
    }
    return Kind.OTHER;
  }

  private String describe(Kind kind, AwsServiceException e, String where) {
    String aws = serviceMessage(e);
    return switch (kind) {
      case THROTTLED -> "Bedrock throttled " + where + ": " + aws
          + (e instanceof ServiceQuotaExceededException
              ? " (a service quota is exhausted: request an increase in Service Quotas)" : "");
      case TIMEOUT -> "the model did not answer in time for " + where + ": " + aws;
      case SERVER_ERROR -> "Bedrock failed or is unavailable for " + where + ": " + aws;
      case ACCESS_DENIED -> "access denied to " + where + ": " + aws + ". Enable model access in "
          + "the Bedrock console (Model access) for this account and region, and allow "
          + "bedrock:InvokeModel on the model and its inference profile in your IAM policy";
      case UNKNOWN_MODEL -> "unknown model: " + where + ": " + aws + ". Check the model id "
          + "(e.g. global.anthropic.claude-sonnet-4-5-20250929-v1:0) and that the model is offered "
          + "in " + region;
      case VALIDATION -> "Bedrock rejected the request to " + where + ": " + aws
          + (aws.toLowerCase(Locale.ROOT).contains("inference profile")
              ? " (call it through an inference profile id such as global., us., eu., jp. or au.)" : "");
      case OTHER -> "Bedrock call to " + where + " failed with HTTP " + e.statusCode() + ": " + aws;
    };
  }

  private static String serviceMessage(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String msg = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    if (msg == null) {
      msg = e.getMessage();
    }
    return (code == null ? "" : code + ": ") + msg + " (HTTP " + e.statusCode() + ")";
  }

  private static boolean isUnknownModel(AwsServiceException e) {
    String msg = String.valueOf(e.awsErrorDetails() == null ? e.getMessage()
        : e.awsErrorDetails().errorMessage()).toLowerCase(Locale.ROOT);
    return msg.contains("model identifier is invalid") || msg.contains("model id is invalid");
  }

  private static boolean isMissingCredentials(Throwable e) {
    String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return msg.contains("unable to load credentials");
  }

  private static boolean hasTimeoutCause(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      // Netty's ReadTimeoutException is not a java.util.concurrent.TimeoutException.
      if (c instanceof TimeoutException || c instanceof java.net.SocketTimeoutException
          || c.getClass().getSimpleName().contains("Timeout")) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  /** Strips completion and execution wrappers, so callers see the real failure. */
  public static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
