package io.skymarshal.airline.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.ReplyFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of the airline's binding constraints, as agents write them in replies:
 * <pre>
 * {"kind":"crew_duty_limit","subject":"C123","latestRelease":"2026-01-31T02:00:00Z"}
 * {"kind":"aircraft_grounded","subject":"A6-APA","until":"2026-02-01T00:00:00Z"}
 * {"kind":"aircraft_restricted","subject":"A6-APA","restriction":"no ETOPS","until":"..."}
 * {"kind":"curfew","subject":"LHR","from":"23:00","to":"06:00","zone":"Europe/London","bufferMinutes":15,"movement":"arrival"}
 * {"kind":"slot","subject":"LHR","latestDeparture":"2026-01-30T14:15:00Z"}
 * {"kind":"crew_unavailable","subject":"C123","reason":"reported sick"}
 * </pre>
 * Times are ISO-8601 instants ({@code Z} or an offset); {@code until} may be omitted or null
 * ("until further notice"); {@code bufferMinutes} defaults to 15; {@code crew_duty_limit} takes
 * an optional {@code postFlightMinutes} (default 30). A curfew's {@code movement}
 * ({@code arrival} or {@code departure}) may be omitted when the flight is known: it is then
 * inferred from whether the airport is the flight's destination or origin. Unknown fields are
 * errors, not ignored. Stateless and thread-safe.
 */
public final class BindingConstraints {

  /** The kinds this codec knows, in the order above. */
  public static final List<String> KINDS = List.of(CrewDutyLimit.KIND, AircraftGrounded.KIND,
      AircraftRestricted.KIND, Curfew.KIND, Slot.KIND, CrewUnavailable.KIND);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private BindingConstraints() {}

  /**
   * One constraint, with no flight to infer a curfew's movement from (it must then be given).
   *
   * @throws ReplyFormatException naming the problem: unknown kind, missing or unknown field, bad
   *                              time, zone or number
   */
  public static BindingConstraint fromJson(JsonNode node) {
    return fromJson(node, null);
  }

  /**
   * One constraint about {@code flight} (may be null): a curfew's movement is inferred from the
   * flight when omitted, and must agree with it when given.
   *
   * @throws ReplyFormatException naming the problem, also for a curfew at an airport that is
   *                              neither the flight's origin nor its destination
   */
  public static BindingConstraint fromJson(JsonNode node, FlightRef flight) {
    return new ConstraintReader(node, flight).read();
  }

  /**
   * An array of constraints; a missing or null node is an empty list.
   *
   * @throws ReplyFormatException naming the first bad element by index
   */
  public static List<BindingConstraint> listFromJson(JsonNode array, FlightRef flight) {
    if (array == null || array.isMissingNode() || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new ReplyFormatException("constraints must be an array but was " + array.getNodeType(), array.toString());
    }
    List<BindingConstraint> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      try {
        out.add(fromJson(array.get(i), flight));
      } catch (ReplyFormatException e) {
        throw new ReplyFormatException("constraints[" + i + "]: " + messageOf(e), array.get(i).toString(), e);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The JSON form of {@code constraint}; {@link #fromJson} reads it back to an equal value.
   *
   * @throws IllegalArgumentException for a constraint type this codec does not know
   */
  public static ObjectNode toJson(BindingConstraint constraint) {
    ObjectNode o = NODES.objectNode();
    o.put("kind", constraint.kind());
    o.put("subject", constraint.subject());
    if (constraint instanceof CrewDutyLimit c) {
      o.put("latestRelease", c.latestRelease().toString());
      if (!c.postFlightDuty().equals(CrewDutyLimit.DEFAULT_POST_FLIGHT_DUTY)) {
        o.put("postFlightMinutes", c.postFlightDuty().toMinutes());
      }
    } else if (constraint instanceof AircraftGrounded g) {
      putUntil(o, g.until());
    } else if (constraint instanceof AircraftRestricted r) {
      o.put("restriction", r.restriction());
      putUntil(o, r.until());
    } else if (constraint instanceof Curfew c) {
      LocalTimeWindow w = c.window();
      o.put("from", w.from().toString());
      o.put("to", w.to().toString());
      o.put("zone", c.zone().getId());
      o.put("bufferMinutes", c.buffer().toMinutes());
      o.put("movement", c.movement().code());
    } else if (constraint instanceof Slot s) {
      o.put("latestDeparture", s.latestDeparture().toString());
    } else if (constraint instanceof CrewUnavailable u) {
      o.put("reason", u.reason());
    } else {
      throw new IllegalArgumentException("no JSON form for constraint type " + constraint.getClass().getName()
          + " (kind " + constraint.kind() + ")");
    }
    return o;
  }

  /** The JSON array of {@code constraints}, in order. */
  public static ArrayNode toJson(List<? extends BindingConstraint> constraints) {
    ArrayNode a = NODES.arrayNode();
    constraints.forEach(c -> a.add(toJson(c)));
    return a;
  }

  /**
   * These constraints as the {@link io.skymarshal.store.ConstraintCodec} of phase checkpoints:
   * {@link #toJson(BindingConstraint)} and {@link #fromJson(JsonNode)}, so a resumed run holds the
   * same typed constraints.
   */
  public static io.skymarshal.store.ConstraintCodec codec() {
    return Codec.INSTANCE;
  }

  private enum Codec implements io.skymarshal.store.ConstraintCodec {
    INSTANCE;

    @Override
    public JsonNode toJson(BindingConstraint constraint) {
      return BindingConstraints.toJson(constraint);
    }

    @Override
    public BindingConstraint fromJson(JsonNode json) {
      return BindingConstraints.fromJson(json);
    }
  }

  private static void putUntil(ObjectNode o, java.time.Instant until) {
    if (until != null) {
      o.put("until", until.toString());
    }
  }

  private static String messageOf(ReplyFormatException e) {
    String m = e.getMessage();
    int cut = m.lastIndexOf(" in reply: ");
    return cut < 0 ? m : m.substring(0, cut);
  }
}
