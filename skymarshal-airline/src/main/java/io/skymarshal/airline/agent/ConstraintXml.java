package io.skymarshal.airline.agent;

import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.airline.constraint.AircraftRestricted;
import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.airline.constraint.CrewUnavailable;
import io.skymarshal.airline.constraint.Curfew;
import io.skymarshal.airline.constraint.Slot;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.prompt.ConstraintFormat;
import io.skymarshal.prompt.PromptParseException;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The airline binding constraints in prompts: {@code <c k s ...>} where {@code k} is the kind,
 * {@code s} the subject, and the typed fields follow as attributes: {@code latest} and
 * {@code post} (crew_duty_limit), {@code until} (aircraft_grounded and aircraft_restricted;
 * absent = until further notice), {@code restr} (aircraft_restricted), {@code from to zone buf
 * mv} (curfew), {@code latestDep} (slot). {@link #fromXml} reads back exactly what
 * {@link #toXml} wrote, so a model (or the offline model) sees typed values, not prose. Other
 * constraint types are written in the {@linkplain ConstraintFormat#generic() generic} form and
 * not read back. Stateless and thread-safe.
 */
public final class ConstraintXml implements ConstraintFormat {
  static final ConstraintXml INSTANCE = new ConstraintXml();

  private ConstraintXml() {}

  /** The format instance. */
  public static ConstraintXml format() {
    return INSTANCE;
  }

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
    } else if (c instanceof CrewUnavailable u) {
      b.attr("why", u.reason());
    } else {
      return ConstraintFormat.generic().toXml(c);
    }
    return b.build();
  }

  /**
   * The typed constraints {@code c} describes: one per subject (a prompt may list several
   * comma-separated subjects sharing every other field), or none for a kind this format does not
   * type.
   *
   * @throws PromptParseException if a field of a known kind is missing or malformed
   */
  public static List<BindingConstraint> fromXml(XmlElement c) {
    String kind = c.attr("k");
    String subjects = c.attr("s");
    if (kind == null || subjects == null) {
      throw new PromptParseException("a constraint needs k and s: " + c);
    }
    List<BindingConstraint> out = new ArrayList<>();
    for (String s : subjects.split(",", -1)) {
      one(c, kind, s).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<BindingConstraint> one(XmlElement c, String kind, String s) {
    try {
      return Optional.ofNullable(switch (kind) {
        case CrewDutyLimit.KIND -> new CrewDutyLimit(s, time(c, "latest"),
            c.attr("post") == null ? CrewDutyLimit.DEFAULT_POST_FLIGHT_DUTY : minutes(c, "post"));
        case AircraftGrounded.KIND -> new AircraftGrounded(s, optionalTime(c, "until"));
        case AircraftRestricted.KIND -> new AircraftRestricted(s, required(c, "restr"), optionalTime(c, "until"));
        case Curfew.KIND -> new Curfew(s, ZoneId.of(required(c, "zone")),
            new LocalTimeWindow(LocalTime.parse(required(c, "from")), LocalTime.parse(required(c, "to"))),
            minutes(c, "buf"), Curfew.Movement.valueOf(required(c, "mv").toUpperCase(Locale.ROOT)));
        case Slot.KIND -> new Slot(s, time(c, "latestDep"));
        case CrewUnavailable.KIND -> new CrewUnavailable(s, required(c, "why"));
        default -> null;
      });
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new PromptParseException("bad " + kind + " constraint " + c + ": " + e.getMessage(), e);
    }
  }

  private static String required(XmlElement c, String attr) {
    String v = c.attr(attr);
    if (v == null) {
      throw new PromptParseException("constraint " + c.attr("k") + " lacks attribute " + attr);
    }
    return v;
  }

  private static Instant time(XmlElement c, String attr) {
    return PromptValues.parseTime(required(c, attr));
  }

  private static Instant optionalTime(XmlElement c, String attr) {
    return c.attr(attr) == null ? null : PromptValues.parseTime(c.attr(attr));
  }

  private static Duration minutes(XmlElement c, String attr) {
    return Duration.ofMinutes(Long.parseLong(required(c, attr)));
  }
}
