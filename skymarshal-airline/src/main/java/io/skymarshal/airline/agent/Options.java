package io.skymarshal.airline.agent;

import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.airline.constraint.AircraftRestricted;
import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.airline.constraint.CrewUnavailable;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.ArbitrationInput;
import io.skymarshal.core.Violation;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Recommendation;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options the arbitrator scores, built in code from the disruption and the revised
 * recommendations, each already checked in code exactly as the engine will check the ruling
 * ({@link ArbitrationInput#violations}: every SAFETY constraint of both phases, and only examined
 * aircraft and crew):
 * <ul>
 *   <li>{@code P} PROCEED on schedule with the planned aircraft (offered when no delay is expected);
 *   <li>{@code D} DELAY by the expected delay, longer if a grounding ends later (offered when that is not zero);
 *   <li>{@code DC} the same delay (or none) replacing the crew whose duty limit it breaks and the crew
 *       who may not operate (offered when
 *       crew_compliance says CREW_CHANGE), adding the reserves it names;
 *   <li>{@code S} SWAP_AIRCRAFT to a spare, departing after the swap lead time (offered when a
 *       recommendation names the spare in figure {@code spareReg});
 *   <li>{@code X} CANCEL, which keeps every constraint.
 * </ul>
 * A plan on an aircraft under an operational restriction quotes the restriction in its summary.
 */
final class Options {
  /** The figure a recommendation names a spare aircraft with. */
  static final String SPARE_FIGURE = "spareReg";

  /** One option: its id, plan and the safety violations found in code (empty = keeps them all). */
  record Option(String id, ActionPlan plan, List<String> violations) {
    Option {
      violations = List.copyOf(violations);
    }
  }

  private Options() {}

  static List<Option> build(Disruption d, ArbitrationInput input, Duration swapLead) {
    FlightRef f = d.flight();
    List<Recommendation> revised = input.revised();
    List<BindingConstraint> safety = input.safetyConstraints();
    String reg = f.aircraftRegistration() != null ? f.aircraftRegistration() : reportedRegistration(revised);

    List<Option> out = new ArrayList<>();
    if (d.estimatedDelay().isZero()) {
      out.add(option("P", operating("PROCEED", f, Duration.ZERO, reg, Set.of(), Set.of(), safety), input));
    }
    Duration delay = delayFor(d, safety, reg);
    ActionPlan delayed = operating("DELAY", f, delay, reg, Set.of(), Set.of(), safety);
    if (!delay.isZero()) {
      out.add(option("D", delayed, input));
    }
    if (saysCrewChange(revised)) {
      ActionPlan base = delay.isZero() ? operating("PROCEED", f, Duration.ZERO, reg, Set.of(), Set.of(), safety) : delayed;
      Set<String> replace = crewToReplace(base, safety);
      if (!replace.isEmpty()) {
        out.add(option("DC", operating(base.action(), f, delay, reg, replace, reserves(revised, replace), safety), input));
      }
    }
    spare(revised).filter(s -> !s.equals(reg)).ifPresent(spare ->
        out.add(option("S", operating("SWAP_AIRCRAFT", f, swapLead, spare, Set.of(), Set.of(), safety), input)));
    out.add(option("X", ActionPlan.notOperating("CANCEL", "cancel " + f.flightNumber()), input));
    return out;
  }

  /** {@code <options>} with one {@code <opt id act dep arr reg crew sum ok>} per option and its {@code <viol>}s. */
  static XmlElement toXml(List<Option> options) {
    XmlElement.Builder b = XmlElement.builder("options");
    for (Option o : options) {
      ActionPlan p = o.plan();
      XmlElement.Builder e = XmlElement.builder("opt").attr("id", o.id()).attr("act", p.action())
          .attr("dep", p.departure()).attr("arr", p.arrival()).attr("reg", p.aircraftRegistration())
          .attr("crew", p.crewReplaced().isEmpty() ? null : String.join(",", p.crewReplaced().stream().sorted().toList()))
          .attr("add", p.crewAdded().isEmpty() ? null : String.join(",", p.crewAdded().stream().sorted().toList()))
          .attr("sum", p.summary()).attr("ok", o.violations().isEmpty() ? "1" : "0");
      o.violations().forEach(v -> e.child(XmlElement.text("viol", v)));
      b.child(e);
    }
    return b.build();
  }

  private static Option option(String id, ActionPlan plan, ArbitrationInput input) {
    return new Option(id, plan, input.violations(plan).stream().map(Violation::toString).toList());
  }

  /**
   * The reserves crew_compliance proposes for {@code replaced} (figures {@code replace} and
   * {@code with}, positionally paired); empty when it names none for some of them.
   */
  private static Set<String> reserves(List<Recommendation> revised, Set<String> replaced) {
    for (Recommendation r : revised) {
      if (r.agent().equals(CrewComplianceAgent.NAME) && r.figures().get("replace") != null
          && r.figures().get("with") != null) {
        List<String> off = List.of(r.figures().get("replace").split(","));
        List<String> on = List.of(r.figures().get("with").split(","));
        Set<String> out = new LinkedHashSet<>();
        for (String id : replaced) {
          int i = off.indexOf(id);
          if (i < 0 || i >= on.size()) {
            return Set.of();
          }
          out.add(on.get(i));
        }
        return out;
      }
    }
    return Set.of();
  }

  private static ActionPlan operating(String action, FlightRef f, Duration delay, String reg, Set<String> crew,
      Set<String> added, List<BindingConstraint> safety) {
    Instant dep = f.scheduledDeparture().plus(delay);
    Instant arr = f.scheduledArrival().plus(delay);
    StringBuilder sum = new StringBuilder(switch (action) {
      case "PROCEED" -> "operate on schedule";
      case "SWAP_AIRCRAFT" -> "swap to " + reg + ", delay " + delay.toMinutes() + " min";
      default -> "delay " + delay.toMinutes() + " min";
    });
    sum.append(", dep ").append(PromptValues.time(dep));
    if (!crew.isEmpty()) {
      sum.append(", replace crew ").append(String.join(",", crew.stream().sorted().toList()));
    }
    for (BindingConstraint c : safety) {
      if (c instanceof AircraftRestricted r && r.registration().equals(reg)
          && (r.until() == null || dep.isBefore(r.until()))) {
        sum.append(", apply restriction: ").append(r.restriction());
      }
    }
    return new ActionPlan(action, true, dep, arr, reg, crew, sum.toString(), added);
  }

  /** The expected delay, lengthened to the end of any timed grounding of the planned aircraft. */
  private static Duration delayFor(Disruption d, List<BindingConstraint> safety, String reg) {
    Duration delay = d.estimatedDelay();
    Instant sched = d.flight().scheduledDeparture();
    for (BindingConstraint c : safety) {
      if (c instanceof AircraftGrounded g && g.registration().equals(reg) && g.until() != null
          && g.until().isAfter(sched.plus(delay))) {
        delay = Duration.between(sched, g.until());
      }
    }
    return delay;
  }

  private static boolean saysCrewChange(List<Recommendation> revised) {
    return revised.stream().anyMatch(r -> r.agent().equals(CrewComplianceAgent.NAME) && r.action().equals("CREW_CHANGE"));
  }

  /** The crew whose duty limit {@code plan} breaks, and the crew who may not operate at all. */
  private static Set<String> crewToReplace(ActionPlan plan, List<BindingConstraint> safety) {
    Set<String> out = new LinkedHashSet<>();
    for (BindingConstraint c : safety) {
      if (c instanceof CrewDutyLimit l && l.violationBy(plan).isPresent()) {
        out.add(l.crewId());
      } else if (c instanceof CrewUnavailable u && u.violationBy(plan).isPresent()) {
        out.add(u.crewId());
      }
    }
    return out;
  }

  /** The aircraft maintenance looked at (figure {@code reg}) when the disruption names none. */
  private static String reportedRegistration(List<Recommendation> revised) {
    return revised.stream().filter(r -> r.agent().equals(MaintenanceAgent.NAME)).map(r -> r.figures().get("reg"))
        .filter(s -> s != null && !s.isBlank()).findFirst().orElse(null);
  }

  private static Optional<String> spare(List<Recommendation> revised) {
    return revised.stream().map(r -> r.figures().get(SPARE_FIGURE)).filter(s -> s != null && !s.isBlank()).findFirst();
  }
}
