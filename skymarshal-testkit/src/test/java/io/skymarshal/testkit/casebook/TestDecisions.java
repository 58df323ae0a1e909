package io.skymarshal.testkit.casebook;

import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.Decision;
import io.skymarshal.core.HaltReason;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Ruling;
import io.skymarshal.core.RunReport;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Hand-made decisions about the EY123 sample, for checks to pass and fail on. */
final class TestDecisions {
  static final String ID = "DISR-TEST";
  static final Instant DEPARTURE = Instant.parse("2026-01-30T14:00:00Z");
  static final Duration BLOCK = Duration.ofMinutes(270);
  static final CaseContext EY123 = new CaseContext(AirlineSamples.ey123Disruption(), AirlineSamples.ey123Airline());

  private TestDecisions() {}

  /** DECIDED: {@code action} of {@code reg} departing {@code departure}, arriving a block time later. */
  static Decision operating(String action, String reg, Instant departure) {
    return operating(action, reg, departure, Set.of(), Set.of());
  }

  static Decision operating(String action, String reg, Instant departure, Set<String> crewOff, Set<String> crewOn) {
    return decided(new ActionPlan(action, true, departure, departure.plus(BLOCK), reg, crewOff, action, crewOn));
  }

  /** DECIDED: A6-APA delayed by {@code minutes}. */
  static Decision delay(long minutes) {
    return operating("DELAY", "A6-APA", DEPARTURE.plusSeconds(60 * minutes));
  }

  /** DECIDED: A6-APA arriving at {@code arrival}. */
  static Decision arriving(Instant arrival) {
    return operating("DELAY", "A6-APA", arrival.minus(BLOCK));
  }

  static Decision cancel() {
    return decided(ActionPlan.notOperating("CANCEL", "cancel EY123"));
  }

  static Decision decided(ActionPlan plan) {
    return new Decision(ID, Decision.Status.DECIDED, Optional.of(new Ruling(plan, 0.9, "test", List.of(), List.of())),
        List.of(), List.of(), List.of(), null, false, report());
  }

  /** REFERRED by {@code agent} for {@code reason}. */
  static Decision referred(String agent, Clearance.Reason reason) {
    HaltReason h = HaltReason.notCleared(agent, Phase.INITIAL, Clearance.notCleared(reason, "test"));
    return new Decision(ID, Decision.Status.REFERRED, Optional.empty(), List.of(), List.of(), List.of(), h, true,
        report());
  }

  private static RunReport report() {
    return new RunReport(ID, List.of(), List.of(), 0);
  }
}
