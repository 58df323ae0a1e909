package io.skymarshal.dynamo.internal;

import dev.failsafe.FailsafeException;
import io.skymarshal.data.BatchReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Classifies AWS SDK failures and translates them into SkyMarshal exceptions. */
public final class DynamoErrors {
  /** The error codes DynamoDB and the AWS front end use for throttling. */
  public static final Set<String> THROTTLING_CODES = Set.of("ProvisionedThroughputExceededException",
      "RequestLimitExceeded", "ThrottlingException", "Throttling", "TooManyRequestsException");

  private DynamoErrors() {}

  /** The failure inside the wrappers futures and Failsafe put around it. */
  public static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException || c instanceof FailsafeException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /** Whether {@code t} says DynamoDB throttled the request. */
  public static boolean isThrottling(Throwable t) {
    Throwable c = unwrap(t);
    if (c instanceof AwsServiceException e) {
      return e.isThrottlingException()
          || (e.awsErrorDetails() != null && THROTTLING_CODES.contains(e.awsErrorDetails().errorCode()));
    }
    return false;
  }

  /**
   * Whether trying the same request again may succeed: throttling, a server error (HTTP 5xx), or
   * a broken connection. Validation errors, missing tables and access errors are not.
   */
  public static boolean isRetryable(Throwable t) {
    Throwable c = unwrap(t);
    if (c instanceof AwsServiceException e) {
      return isThrottling(e) || e.statusCode() >= 500;
    }
    if (c instanceof SdkClientException) {
      for (Throwable x = c; x != null; x = x.getCause()) {
        if (x instanceof IOException || x instanceof UncheckedIOException) {
          return true;
        }
      }
      return false;
    }
    return c instanceof IOException;
  }

  /** The error code of an AWS service error, else the exception's class name. */
  public static String code(Throwable t) {
    Throwable c = unwrap(t);
    if (c instanceof AwsServiceException e && e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null) {
      return e.awsErrorDetails().errorCode();
    }
    return c.getClass().getSimpleName();
  }

  /**
   * A {@link BatchReadException} naming the operation, the table, the error code and the SDK's
   * message, with the SDK failure as cause; a SkyMarshal exception passes through.
   */
  public static BatchReadException translate(Throwable t, String operation, String table) {
    Throwable c = unwrap(t);
    if (c instanceof BatchReadException b) {
      return b;
    }
    String detail = c instanceof AwsServiceException e && e.awsErrorDetails() != null
        ? e.awsErrorDetails().errorMessage() : c.getMessage();
    return new BatchReadException(operation + " on table '" + table + "' failed: " + code(c)
        + (detail == null ? "" : ": " + detail), isRetryable(c), c);
  }
}
