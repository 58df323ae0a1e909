package io.skymarshal.airline.agent;

import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.airline.constraint.AircraftRestricted;
import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.airline.constraint.Curfew;
import io.skymarshal.airline.constraint.Slot;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.prompt.ConstraintFormat;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;

/**
 * The airline constraints in prompts, with their typed fields as attributes so an agent (and the
 * offline model) can read them back exactly: {@code <c k s ...>} where {@code k} is the kind and
 * {@code s} the subject, then {@code latest} (crew_duty_limit), {@code until} (grounded,
 * restricted; absent = until further notice), {@code restr}, {@code from to zone buf mv}
 * (curfew), {@code latestDep} (slot). Unknown types fall back to {@link ConstraintFormat#generic()}.
 */
final class AirlineConstraintFormat implements ConstraintFormat {
  static final AirlineConstraintFormat INSTANCE = new AirlineConstraintFormat();

  private AirlineConstraintFormat() {}

  @Override
  public XmlElement toXml(BindingConstraint c) {
    XmlElement.Builder b = XmlElement.builder("c").attr("k", c.kind()).attr("s", c.subject());
    if (c instanceof CrewDutyLimit d) {
      b.attr("latest", d.latestRelease());
      if (!d.postFlightDuty().equals(CrewDutyLimit.DEFAULT_POST_FLIGHT_DUTY)) {
        b.attr("post", PromptValues.minutes(d.postFlightDuty()));
      }
    } else if (c instanceof AircraftGrounded g) {
      b.attr("until", g.until());
    } else if (c instanceof AircraftRestricted r) {
      b.attr("restr", r.restriction()).attr("until", r.until());
    } else if (c instanceof Curfew f) {
      b.attr("from", f.window().from()).attr("to", f.window().to()).attr("zone", f.zone().getId())
          .attr("buf", PromptValues.minutes(f.buffer())).attr("mv", f.movement().code());
    } else if (c instanceof Slot s) {
      b.attr("latestDep", s.latestDeparture());
    } else {
      return ConstraintFormat.generic().toXml(c);
    }
    return b.build();
  }
}
