package io.skymarshal.airline.agent;

import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.rules.RegulatoryRules;
import io.skymarshal.core.Clearance;
import io.skymarshal.airline.constraint.Curfew;
import io.skymarshal.airline.constraint.Slot;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
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
 *
 * <p>In code, while gathering: the curfew of each end from the airport data, and the origin's slot
 * while the expected delay keeps it; no clearance when an airport's record is missing or the
 * document contradicts the schedule. Examines no aircraft or crew.
 */
final class RegulatoryAgent extends AirlineAgent {
  static final String NAME = "regulatory";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final RegulatoryRules rules;

  RegulatoryAgent(PromptOptions style, RegulatoryRules rules) {
    super(NAME, Tier.SAFETY, List.of("COMPLIANT", "RESTRICTED", "VIOLATION"), List.of(Curfew.KIND, Slot.KIND),
        Map.of("VIOLATION", Clearance.Reason.LIMIT_BREACHED), style);
    this.rules = rules;
  }

  @Override
  public AgentInput gather(Disruption disruption, DataAccess data) {
    FlightRef f = disruption.flight();
    Reads reads = new Reads(data);
    FlightKey key = Keys.flight(disruption);
    var flights = reads.start(AirlineTables.FLIGHTS, List.of(key));
    var airportRead = reads.start(AirlineTables.AIRPORTS, List.of(f.origin(), f.destination()));
    Map<String, Airport> airports = airportRead.found();
    Airport origin = airports.get(f.origin());
    Airport dest = airports.get(f.destination());
    Flight flight = flights.found().get(key);
    SafetyFacts facts = new SafetyFacts();
    if (flight != null) {
      ScheduleConflicts.between(disruption, flight).forEach(c -> facts.problem(Clearance.Reason.DATA_CONFLICT, c, null));
    }
    for (String iata : List.of(f.origin(), f.destination())) {
      if (airports.get(iata) == null) {
        facts.problem(Clearance.Reason.DATA_MISSING, "airport " + iata + (airportRead.unread(iata) ? " could not be read"
            : " has no record") + ": curfews and slots cannot be checked", airportRead.describe(iata));
      }
    }
    if (origin != null) {
      origin.curfewWindow().ifPresent(w -> facts.constraint(
          new Curfew(origin.iata(), origin.zone(), w, rules.curfewBuffer(), Curfew.Movement.DEPARTURE)));
      // a slot is kept only within the tolerance; a later departure needs a new slot, not this one
      if (origin.slotCoordinated() && disruption.estimatedDelay().compareTo(rules.slotTolerance()) <= 0) {
        facts.constraint(Slot.fromSlotTime(origin.iata(), f.scheduledDeparture(), rules.slotTolerance()));
      }
    }
    if (dest != null) {
      dest.curfewWindow().ifPresent(w -> facts.constraint(
          new Curfew(dest.iata(), dest.zone(), w, rules.curfewBuffer(), Curfew.Movement.ARRIVAL)));
    }
    var assessment = facts.build();
    XmlElement.Builder out = XmlElement.builder("data").child(SafetyFacts.toXml(assessment, promptOptions().constraintRefs()));
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
    return new AgentInput(out.children(reads.notes()).build(), assessment);
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
