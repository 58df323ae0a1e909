package io.skymarshal.airline.agent;

import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.Airport;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.prompt.XmlElement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * regulatory (SAFETY): curfews and slots at both ends. Reads the origin and destination airports
 * in one batch; writes each airport's zone, curfew and slot coordination, and the scheduled and
 * expected-delayed times with their local wall-clock time at the airport (converted in code with
 * the IANA zone, so no model does time-zone arithmetic). Says COMPLIANT, RESTRICTED or VIOLATION
 * with curfew and slot constraints.
 */
final class RegulatoryAgent extends AirlineAgent {
  static final String NAME = "regulatory";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  RegulatoryAgent(PromptStyle style) {
    super(NAME, Tier.SAFETY, List.of("COMPLIANT", "RESTRICTED", "VIOLATION"), style);
  }

  @Override
  public AgentInput gather(Disruption disruption, DataAccess data) {
    FlightRef f = disruption.flight();
    Reads reads = new Reads(data);
    Map<String, Airport> airports = reads.start(AirlineTables.AIRPORTS, List.of(f.origin(), f.destination())).found();
    Airport origin = airports.get(f.origin());
    Airport dest = airports.get(f.destination());
    XmlElement.Builder out = XmlElement.builder("data");
    if (origin != null) {
      out.child(airport(origin, "dep"));
    }
    if (dest != null) {
      out.child(airport(dest, "arr"));
    }
    out.child(times("sched", f.scheduledDeparture(), f.scheduledArrival(), origin, dest));
    if (!disruption.estimatedDelay().isZero()) {
      out.child(times("delayed", f.scheduledDeparture().plus(disruption.estimatedDelay()),
          f.scheduledArrival().plus(disruption.estimatedDelay()), origin, dest));
    }
    return new AgentInput(out.children(reads.notes()).build());
  }

  private static XmlElement airport(Airport a, String role) {
    return XmlElement.builder("apt").attr("iata", a.iata()).attr("role", role).attr("zone", a.zone().getId())
        .attr("curfew", a.curfew()).attr("slot", a.slotCoordinated() ? "1" : null).build();
  }

  private static XmlElement times(String name, Instant dep, Instant arr, Airport origin, Airport dest) {
    return XmlElement.builder(name).attr("dep", dep).attr("depL", local(dep, origin)).attr("arr", arr)
        .attr("arrL", local(arr, dest)).build();
  }

  private static String local(Instant t, Airport a) {
    if (a == null) {
      return null;
    }
    ZoneId z = a.zone();
    return LOCAL.format(t.atZone(z));
  }
}
