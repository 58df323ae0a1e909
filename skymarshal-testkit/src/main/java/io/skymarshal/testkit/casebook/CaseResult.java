package io.skymarshal.testkit.casebook;

import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.Decision;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one scenario went: the decision and each check's result, or the error that kept the run
 * from returning a decision. Immutable.
 *
 * @param scenario the scenario
 * @param decision the decision; empty when the run threw
 * @param checks   one result per check of the scenario, in its order; empty when the run threw
 * @param error    what the run threw (the engine is not supposed to throw); empty otherwise
 */
public record CaseResult(Scenario scenario, Optional<Decision> decision, List<CheckResult> checks,
    Optional<RuntimeException> error) {

  public CaseResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(decision, "decision");
    checks = List.copyOf(checks);
    Objects.requireNonNull(error, "error");
    if (decision.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("a case result has a decision or an error, exactly one");
    }
  }

  /** The result of checking {@code decision} against every check of {@code scenario}. */
  public static CaseResult of(Scenario scenario, Decision decision) {
    CaseContext context = scenario.context();
    List<CheckResult> results = scenario.checks().stream()
        .map(c -> new CheckResult(c, c.failure(decision, context)))
        .toList();
    return new CaseResult(scenario, Optional.of(decision), results, Optional.empty());
  }

  /** The result of a run of {@code scenario} that threw {@code error}. */
  public static CaseResult ofError(Scenario scenario, RuntimeException error) {
    return new CaseResult(scenario, Optional.empty(), List.of(), Optional.of(error));
  }

  /** Whether the run returned a decision and every check held. */
  public boolean passed() {
    return error.isEmpty() && checks.stream().allMatch(CheckResult::passed);
  }

  /** The checks that failed, in the scenario's order. */
  public List<CheckResult> failures() {
    return checks.stream().filter(r -> !r.passed()).toList();
  }

  /**
   * One line: {@code PASS|FAIL name status action}, the plan's aircraft and times when it operates,
   * and on FAIL each failed check with why (or the error).
   */
  public String line() {
    StringBuilder b = new StringBuilder(passed() ? "PASS " : "FAIL ").append(scenario.name());
    if (error.isPresent()) {
      return b.append(" ERROR ").append(error.get()).toString();
    }
    Decision d = decision.orElseThrow();
    b.append(' ').append(d.status()).append(' ').append(d.action());
    d.ruling().map(r -> r.plan()).filter(ActionPlan::operates).ifPresent(p -> b.append(" [")
        .append(p.aircraftRegistration()).append(" dep ").append(p.departure()).append(" arr ").append(p.arrival())
        .append(p.crewReplaced().isEmpty() ? "" : " crew off " + p.crewReplaced())
        .append(p.crewAdded().isEmpty() ? "" : " crew on " + p.crewAdded()).append(']'));
    if (!passed()) {
      b.append(" -- failed ").append(failures().stream().map(CheckResult::toString).collect(Collectors.joining("; ")));
    }
    return b.toString();
  }
}
