package io.skymarshal.examples.faults;

import io.skymarshal.core.Decision.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one cell of the fault matrix gave. Immutable.
 *
 * @param cell       the cell
 * @param submitted  disruptions submitted
 * @param statuses   runs by status
 * @param outcomes   each run's status and action ({@code DECIDED DELAY}), or {@code unhandled} or
 *                   {@code lost}, in the order of the disruptions
 * @param drift      for a cell that must end as the baseline, runs that ended otherwise
 * @param unhandled  runs whose future failed with an exception instead of a decision
 * @param unsafe     decisions whose plan breaks a safety constraint (by {@link SafetyAudit})
 * @param lostRuns   disruptions without exactly one outcome (none, or none in time)
 * @param lostKeys   keys asked of a batch reader and dropped (by {@link KeyLedger})
 * @param unreadKeys keys reported unprocessed (typed, not lost)
 * @param keysAsked  keys asked of the batch readers in all
 * @param injected   faults injected, Bedrock and DynamoDB together
 * @param retries    model attempts beyond the first, over every agent call
 * @param modelCalls   calls the engine made to the model client
 * @param modelFailures those calls that failed, by kind
 * @param problems   a few lines saying what went wrong, for the report
 */
record CellResult(FaultCell cell, int submitted, Map<Status, Integer> statuses, List<String> outcomes, int drift,
    int unhandled, int unsafe,
    int lostRuns, long lostKeys, long unreadKeys, long keysAsked, long injected, long retries, long modelCalls, Map<String, Long> modelFailures,
    List<String> problems) {

  CellResult {
    statuses = Map.copyOf(statuses);
    problems = List.copyOf(problems);
    outcomes = List.copyOf(outcomes);
    modelFailures = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(modelFailures));
  }

  int count(Status s) {
    return statuses.getOrDefault(s, 0);
  }

  /** Statuses seen that the cell does not expect. */
  Set<Status> unexpected() {
    TreeSet<Status> out = new TreeSet<>();
    statuses.forEach((s, n) -> {
      if (n > 0 && !cell.expected().contains(s)) {
        out.add(s);
      }
    });
    return out;
  }

  /** Whether a faulted cell injected nothing, so it tested nothing. */
  boolean idle() {
    return cell.faulted() && injected == 0;
  }

  /** Outcomes within the expected classes (and as the baseline's where the cell says so), and no unhandled exception, unsafe decision or lost item. */
  boolean passed() {
    return unexpected().isEmpty() && drift == 0 && unhandled == 0 && unsafe == 0 && lostRuns == 0 && lostKeys == 0 && !idle();
  }
}
