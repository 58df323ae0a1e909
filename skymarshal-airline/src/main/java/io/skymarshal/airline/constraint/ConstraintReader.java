package io.skymarshal.airline.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.ReplyFormatException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Set;

/** Reads one constraint object for {@link BindingConstraints}; every error names kind and field. */
final class ConstraintReader {
  private static final long MAX_BUFFER_MINUTES = 360;
  private static final long MAX_POST_FLIGHT_MINUTES = 240;
  private final JsonNode node;
  private final FlightRef flight;
  private String kind = "?";

  ConstraintReader(JsonNode node, FlightRef flight) {
    this.node = node;
    this.flight = flight;
  }

  BindingConstraint read() {
    if (node == null || !node.isObject()) {
      throw fail("a constraint must be a JSON object but was " + (node == null ? "null" : node.getNodeType()));
    }
    kind = text("kind");
    String subject = text("subject");
    return switch (kind) {
      case CrewDutyLimit.KIND -> {
        only("kind", "subject", "latestRelease", "postFlightMinutes");
        Duration post = node.has("postFlightMinutes")
            ? Duration.ofMinutes(minutes("postFlightMinutes", MAX_POST_FLIGHT_MINUTES))
            : CrewDutyLimit.DEFAULT_POST_FLIGHT_DUTY;
        yield new CrewDutyLimit(subject, instant("latestRelease"), post);
      }
      case AircraftGrounded.KIND -> {
        only("kind", "subject", "until");
        yield new AircraftGrounded(subject, optionalInstant("until"));
      }
      case AircraftRestricted.KIND -> {
        only("kind", "subject", "restriction", "until");
        yield new AircraftRestricted(subject, text("restriction"), optionalInstant("until"));
      }
      case Curfew.KIND -> {
        only("kind", "subject", "from", "to", "zone", "bufferMinutes", "movement");
        yield curfew(subject);
      }
      case Slot.KIND -> {
        only("kind", "subject", "latestDeparture");
        yield new Slot(subject, instant("latestDeparture"));
      }
      case CrewUnavailable.KIND -> {
        only("kind", "subject", "reason");
        yield new CrewUnavailable(subject, text("reason"));
      }
      default -> throw fail("unknown constraint kind '" + kind + "' (known: " + String.join(", ",
          BindingConstraints.KINDS) + ")");
    };
  }

  private Curfew curfew(String airport) {
    LocalTime from = localTime("from");
    LocalTime to = localTime("to");
    if (from.equals(to)) {
      throw fail("'from' and 'to' are both " + from + "; a curfew window needs two different times");
    }
    Duration buffer = node.has("bufferMinutes")
        ? Duration.ofMinutes(minutes("bufferMinutes", MAX_BUFFER_MINUTES)) : Curfew.DEFAULT_BUFFER;
    return new Curfew(airport, zone(), new LocalTimeWindow(from, to), buffer, movement(airport));
  }

  private Curfew.Movement movement(String airport) {
    Curfew.Movement inferred = null;
    if (flight != null) {
      if (airport.equals(flight.destination())) {
        inferred = Curfew.Movement.ARRIVAL;
      } else if (airport.equals(flight.origin())) {
        inferred = Curfew.Movement.DEPARTURE;
      } else {
        throw fail("curfew at " + airport + ", which is neither the origin " + flight.origin()
            + " nor the destination " + flight.destination() + " of " + flight.flightNumber());
      }
    }
    if (!node.hasNonNull("movement")) {
      if (inferred == null) {
        throw fail("'movement' (arrival or departure) is required when the flight is not known");
      }
      return inferred;
    }
    String m = text("movement");
    Curfew.Movement given = switch (m) {
      case "arrival" -> Curfew.Movement.ARRIVAL;
      case "departure" -> Curfew.Movement.DEPARTURE;
      default -> throw fail("'movement' must be arrival or departure but was '" + m + "'");
    };
    if (inferred != null && given != inferred) {
      throw fail("'movement' is " + m + " but " + airport + " is the " + inferred.code() + " airport of "
          + flight.flightNumber());
    }
    return given;
  }

  private void only(String... allowed) {
    Set<String> ok = Set.of(allowed);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!ok.contains(f)) {
        throw fail("unknown field '" + f + "' (allowed: " + String.join(", ", allowed) + ")");
      }
    }
  }

  private String text(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw fail("'" + field + "' is required");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw fail("'" + field + "' must be a non-blank string but was " + v);
    }
    return v.asText();
  }

  private Instant instant(String field) {
    String s = text(field);
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeException e) {
      throw fail("'" + field + "' is '" + s + "', not an ISO-8601 instant such as 2026-01-30T14:15:00Z");
    }
  }

  private Instant optionalInstant(String field) {
    return node.hasNonNull(field) ? instant(field) : null;
  }

  private LocalTime localTime(String field) {
    String s = text(field);
    try {
      return LocalTime.parse(s);
    } catch (DateTimeException e) {
      throw fail("'" + field + "' is '" + s + "', not a local time HH:mm such as 23:00");
    }
  }

  private ZoneId zone() {
    String s = text("zone");
    ZoneId z;
    try {
      z = ZoneId.of(s);
    } catch (DateTimeException e) {
      throw fail("'zone' is '" + s + "', not an IANA time zone such as Europe/London");
    }
    if (z instanceof ZoneOffset) {
      throw fail("'zone' is the fixed offset '" + s + "'; a curfew needs the airport's IANA zone (e.g. "
          + "Europe/London) so daylight-saving time is applied");
    }
    return z;
  }

  private long minutes(String field, long max) {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToExactIntegral() || !v.isNumber() || !v.canConvertToLong()
        || v.asLong() < 0 || v.asLong() > max) {
      throw fail("'" + field + "' must be a whole number of minutes in [0, " + max + "] but was " + v);
    }
    return v.asLong();
  }

  private ReplyFormatException fail(String problem) {
    return new ReplyFormatException(kind + " constraint: " + problem, node == null ? null : node.toString());
  }
}
