package io.skymarshal.preflight;

import java.util.Objects;

/**
 * One preflight check: what was checked, whether it passed, and for a failure the typed problem
 * and what to do. {@link #toString()} is its one-line text. Immutable.
 *
 * <p>The invariants are checked here, so no caller can hold an inconsistent check: a passed or
 * skipped check has problem {@link Problem#NONE} and no remedy; a failed one has another
 * problem and a remedy.
 *
 * @param service the service checked, e.g. {@code bedrock} or {@code dynamodb}
 * @param kind    what kind of thing was checked
 * @param subject the thing itself: a region id, a model id, a table name, an endpoint URL
 * @param status  passed, failed or skipped
 * @param problem why it failed; {@link Problem#NONE} unless failed
 * @param detail  one line: what was found (for a skipped check: why it was not run)
 * @param remedy  what to do about a failure; empty unless failed
 */
public record PreflightCheck(String service, Kind kind, String subject, Status status, Problem problem,
    String detail, String remedy) {

  /** What kind of thing a check looks at. */
  public enum Kind {
    /** The region the client calls: set, and known to the SDK. */
    REGION,
    /** Credentials: resolvable, and from which source. */
    CREDENTIALS,
    /** The service endpoint: it answers at all (any reply, even a refusal, counts). */
    ENDPOINT,
    /** A model the routing sends calls to: it answers a minimal call. */
    MODEL,
    /** A table: present, active, with the expected key schema and indexes. */
    TABLE
  }

  /** The outcome of a check. */
  public enum Status {
    PASSED,
    FAILED,
    /** Not run because an earlier check it depends on failed; the detail says which. */
    SKIPPED
  }

  /** Why a check failed. */
  public enum Problem {
    /** Nothing: the check passed or was skipped. */
    NONE,
    /** No region is set and none can be found. */
    NO_REGION,
    /** The region is not one the SDK knows (a typo, or an invented id such as {@code xx-fake-1}). */
    UNKNOWN_REGION,
    /** No credentials can be found. */
    NO_CREDENTIALS,
    /** The endpoint cannot be reached: unknown host, connection refused, TLS failure, no answer. */
    UNREACHABLE,
    /** The service refused: no permission, model access not enabled, bad or expired credentials. */
    ACCESS_DENIED,
    /** The model or table does not exist (there), or no model is configured. */
    NOT_FOUND,
    /** The table exists but its keys, attribute types or indexes are not the expected ones. */
    WRONG_SCHEMA,
    /** The table or one of its indexes exists but is not ACTIVE yet. */
    NOT_ACTIVE,
    /** The service throttled the check or a quota is exhausted. */
    THROTTLED,
    /** The service answered with an error or an answer the check cannot use. */
    SERVICE_ERROR
  }

  public PreflightCheck {
    requireText(service, "service");
    Objects.requireNonNull(kind, "kind");
    requireText(subject, "subject");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(problem, "problem");
    requireText(detail, "detail");
    Objects.requireNonNull(remedy, "remedy");
    if ((status == Status.FAILED) == (problem == Problem.NONE)) {
      throw new IllegalArgumentException("a check has a problem exactly when it failed, but status is " + status
          + " and problem " + problem);
    }
    if ((status == Status.FAILED) == remedy.isBlank()) {
      throw new IllegalArgumentException("a check says what to do exactly when it failed, but status is " + status
          + " and remedy '" + remedy + "'");
    }
  }

  /** A check that passed; {@code detail} says what was found. */
  public static PreflightCheck passed(String service, Kind kind, String subject, String detail) {
    return new PreflightCheck(service, kind, subject, Status.PASSED, Problem.NONE, detail, "");
  }

  /** A check that failed with {@code problem}; {@code remedy} says what to do. */
  public static PreflightCheck failed(String service, Kind kind, String subject, Problem problem, String detail,
      String remedy) {
    return new PreflightCheck(service, kind, subject, Status.FAILED, problem, detail, remedy);
  }

  /** A check not run; {@code why} names the failed check it depends on. */
  public static PreflightCheck skipped(String service, Kind kind, String subject, String why) {
    return new PreflightCheck(service, kind, subject, Status.SKIPPED, Problem.NONE, why, "");
  }

  /** Whether the check failed. */
  public boolean failed() {
    return status == Status.FAILED;
  }

  /** One line: service, kind, subject, outcome, detail and, for a failure, what to do. */
  @Override
  public String toString() {
    String head = service + " " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + subject + ": ";
    return switch (status) {
      case PASSED -> head + "passed: " + detail;
      case SKIPPED -> head + "skipped: " + detail;
      case FAILED -> head + "FAILED (" + problem + "): " + detail + "; what to do: " + remedy;
    };
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
