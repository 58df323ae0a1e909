package io.skymarshal.airline.offline;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The options a business decider weighs, as plans it can check against the SAFETY constraints
 * its peers stated (Phase 2), so it does not recommend what safety rules out.
 */
final class Plans {
  static final String PROCEED = "PROCEED";
  static final String DELAY = "DELAY";
  static final String SWAP = "SWAP_AIRCRAFT";
  static final String CANCEL = "CANCEL";

  /** One option: its action, delay (null for CANCEL) and plan. */
  record Choice(String action, Duration delay, ActionPlan plan) {
    boolean operates() {
      return plan.operates();
    }
  }

  private Plans() {}

  /**
   * The expected delay, lengthened to the end of a timed grounding of the planned aircraft that
   * a peer stated: what a delay would have to be in Phase 2.
   */
  static Duration effectiveDelay(PromptView v) {
    Duration d = v.delay();
    Instant sched = v.scheduledDeparture();
    for (BindingConstraint c : v.safetyConstraints()) {
      if (c instanceof AircraftGrounded g && g.registration().equals(v.registration()) && g.until() != null
          && g.until().isAfter(sched.plus(d))) {
        d = Duration.between(sched, g.until());
      }
    }
    return d;
  }

  /** The spare aircraft a fact or a peer names, or null. */
  static String spare(PromptView v) {
    String fact = v.fact("alternate_aircraft_registration");
    if (fact != null && !fact.isBlank() && !fact.equals(v.registration())) {
      return fact.strip();
    }
    return v.agents().stream().map(p -> p.figures().get("spareReg")).filter(s -> s != null && !s.isBlank())
        .findFirst().orElse(null);
  }

  /** PROCEED (only if no delay is expected), DELAY (if there is one), SWAP_AIRCRAFT (if a spare is named), CANCEL. */
  static List<Choice> choices(PromptView v) {
    List<Choice> out = new ArrayList<>();
    Duration delay = effectiveDelay(v);
    if (v.delay().isZero()) {
      out.add(operating(v, PROCEED, Duration.ZERO, v.registration()));
    }
    if (!delay.isZero()) {
      out.add(operating(v, DELAY, delay, v.registration()));
    }
    String spare = spare(v);
    if (spare != null) {
      out.add(operating(v, SWAP, AirlineAgents.DEFAULT_SWAP_LEAD, spare));
    }
    out.add(new Choice(CANCEL, null, ActionPlan.notOperating(CANCEL, "cancel")));
    return out;
  }

  /** Whether {@code c} keeps every SAFETY constraint the peers stated (all, in Phase 1: none known). */
  static boolean viable(Choice c, PromptView v) {
    for (BindingConstraint b : v.safetyConstraints()) {
      if (b.violationBy(c.plan()).isPresent()) {
        return false;
      }
    }
    return true;
  }

  private static Choice operating(PromptView v, String action, Duration delay, String reg) {
    ActionPlan p = new ActionPlan(action, true, v.scheduledDeparture().plus(delay), v.scheduledArrival().plus(delay),
        reg, Set.of(), action.toLowerCase(java.util.Locale.ROOT) + " " + delay.toMinutes() + " min");
    return new Choice(action, delay, p);
  }
}
