package io.skymarshal.testkit.casebook;

import java.util.Objects;
import java.util.Optional;

/**
 * How one check went on one decision. Immutable.
 *
 * @param check   the check
 * @param failure why it failed, one line; empty when it held
 */
public record CheckResult(Check check, Optional<String> failure) {

  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(failure, "failure");
  }

  /** Whether the check held. */
  public boolean passed() {
    return failure.isEmpty();
  }

  /** {@code check_name: why it failed}, or {@code check_name: ok}. */
  @Override
  public String toString() {
    return check.code() + ": " + failure.orElse("ok");
  }
}
