package io.skymarshal.airline.agent;

import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.ReserveAvailability;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.airline.constraint.CrewUnavailable;
import io.skymarshal.airline.rules.CrewRules;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * crew_compliance (SAFETY): is the flight legally crewed under the disruption? Reads the flight,
 * its roster and the reserve crew at the origin (three tables at once), then every rostered and
 * reserve crew member in one batch. Says APPROVED, CREW_CHANGE or DENIED with crew_duty_limit and
 * crew_unavailable constraints.
 *
 * <p>In code, while gathering: one duty limit per rostered crew member from the roster and the FDP
 * rules; crew_unavailable for a crew member the disruption reports unavailable (fact
 * {@code crew.member_id}) or who is not qualified on the type; no clearance when the flight, its
 * roster or a rostered crew member's record is missing, or the document contradicts the schedule.
 * Examined: the rostered crew and the reserves qualified on the type.
 */
final class CrewComplianceAgent extends AirlineAgent {
  static final String NAME = "crew_compliance";
  /** Facts (by the end of their dotted path) naming a crew member the disruption takes off the flight. */
  private static final List<String> UNAVAILABLE_FACTS = List.of("member_id", "crew_member_id", "sick_crew_id",
      "unavailable_crew_id");
  private final CrewRules rules;

  CrewComplianceAgent(PromptOptions style, CrewRules rules) {
    super(NAME, Tier.SAFETY, List.of("APPROVED", "CREW_CHANGE", "DENIED"), List.of(CrewDutyLimit.KIND, CrewUnavailable.KIND),
        Map.of("DENIED", Clearance.Reason.LIMIT_BREACHED), style);
    this.rules = rules;
  }

  @Override
  public AgentInput gather(Disruption disruption, DataAccess data) {
    FlightKey key = Keys.flight(disruption);
    Reads reads = new Reads(data);
    var flights = reads.start(AirlineTables.FLIGHTS, List.of(key));
    var rosters = reads.start(AirlineTables.ROSTERS, List.of(key));
    var reserves = reads.start(AirlineTables.RESERVE_CREW, List.of(disruption.flight().origin()));
    Flight flight = flights.found().get(key);
    CrewRoster roster = rosters.found().get(key);
    ReserveCrew reserve = reserves.found().get(disruption.flight().origin());

    Set<String> ids = new LinkedHashSet<>();
    if (roster != null) {
      ids.addAll(roster.crewIds());
    }
    if (reserve != null) {
      reserve.available().forEach(r -> ids.add(r.crewId()));
    }
    var memberRead = reads.start(AirlineTables.CREW_MEMBERS, ids);
    Map<String, CrewMember> members = memberRead.found();

    String type = flight != null ? flight.aircraftType() : disruption.flight().aircraftType();
    SafetyFacts facts = new SafetyFacts();
    if (flight == null) {
      facts.problem(Clearance.Reason.DATA_MISSING, "flight " + key + (flights.unread(key) ? " could not be read"
          : " is not in the schedule") + ": crew legality cannot be shown", flights.describe(key));
    } else {
      ScheduleConflicts.between(disruption, flight).forEach(c -> facts.problem(Clearance.Reason.DATA_CONFLICT, c, null));
    }
    if (roster == null) {
      facts.problem(Clearance.Reason.DATA_MISSING, "no crew roster for " + key + (rosters.unread(key)
          ? " could be read" : " was found"), rosters.describe(key));
    } else {
      assessRoster(disruption, roster, members, memberRead, type, facts);
    }
    if (reserve != null) {
      for (ReserveAvailability r : reserve.available()) {
        CrewMember m = members.get(r.crewId());
        if (m != null && type != null && m.isQualifiedOn(type)) {
          facts.crew(r.crewId());
        }
      }
    }
    var assessment = facts.build();

    XmlElement.Builder out = XmlElement.builder("data").child(SafetyFacts.toXml(assessment, promptOptions().constraintRefs()));
    if (flight != null) {
      out.child(FlightXml.estimate(flight));
    }
    if (roster != null) {
      out.child(roster(roster, members, type));
    }
    if (reserve != null && !reserve.available().isEmpty()) {
      out.child(reserve(reserve, members, type));
    }
    return new AgentInput(out.children(reads.notes()).build(), assessment);
  }

  private void assessRoster(Disruption d, CrewRoster roster, Map<String, CrewMember> members,
      Reads.Pending<String, CrewMember> memberRead, String type, SafetyFacts facts) {
    int pilots = roster.pilotCount();
    if (pilots < 1) {
      facts.problem(Clearance.Reason.DATA_MISSING, roster.entries().isEmpty() ? "no crew is rostered for "
          + roster.flight() : "the roster of " + roster.flight() + " has no pilot", "rosters:" + roster.flight());
      return;
    }
    Set<String> unavailable = unavailableCrew(d);
    for (String id : unavailable) {
      if (!roster.crewIds().contains(id)) {
        facts.problem(Clearance.Reason.DATA_CONFLICT, "the disruption reports crew member '"
            + ScheduleConflicts.shortened(id) + "' unavailable, who is not on the roster of " + roster.flight(), null);
      }
    }
    Instant schedArr = d.flight().scheduledArrival();
    for (RosterEntry e : roster.entries()) {
      CrewMember m = members.get(e.crewId());
      if (m == null) {
        facts.problem(Clearance.Reason.DATA_MISSING, "crew member " + e.crewId() + (memberRead.unread(e.crewId())
            ? " could not be read" : " has no record"), memberRead.describe(e.crewId()));
      }
      // the duty may go on after this flight (later legs): this flight must arrive early enough
      // for the rest of the duty, so its release is moved earlier by the duty beyond post-flight
      Instant latest = rules.latestLegalRelease(e.dutyStart(), pilots);
      Duration beyond = Duration.between(schedArr, e.plannedDutyEnd()).minus(rules.postFlightDuty());
      facts.constraint(new CrewDutyLimit(e.crewId(), beyond.isNegative() ? latest : latest.minus(beyond),
          rules.postFlightDuty()));
      if (unavailable.contains(e.crewId())) {
        facts.constraint(new CrewUnavailable(e.crewId(), "reported unavailable (" + ScheduleConflicts.shortened(d.type())
            + ")"));
      } else if (m != null && type != null && !m.isQualifiedOn(type)) {
        facts.constraint(new CrewUnavailable(e.crewId(), "not qualified on " + type));
      }
      facts.crew(e.crewId());
    }
  }

  private static Set<String> unavailableCrew(Disruption d) {
    Set<String> out = new LinkedHashSet<>();
    d.facts().forEach((k, v) -> {
      int dot = k.lastIndexOf('.');
      String name = (dot < 0 ? k : k.substring(dot + 1)).toLowerCase(Locale.ROOT);
      if (UNAVAILABLE_FACTS.contains(name) && !v.isBlank()) {
        for (String id : v.split(",")) {
          if (!id.isBlank()) {
            out.add(id.strip());
          }
        }
      }
    });
    return out;
  }

  /**
   * {@code <roster pilots type start end>} with one {@code <m id pos>} per entry; the most
   * common duty start and end go on the roster and only differing ones on a member, which
   * keeps an 18-strong crew short without losing a value.
   */
  private static XmlElement roster(CrewRoster roster, Map<String, CrewMember> members, String type) {
    Instant start = mostCommon(roster.entries(), RosterEntry::dutyStart);
    Instant end = mostCommon(roster.entries(), RosterEntry::plannedDutyEnd);
    XmlElement.Builder b = XmlElement.builder("roster").attr("pilots", roster.pilotCount()).attr("type", type)
        .attr("start", start).attr("end", end);
    for (RosterEntry e : roster.entries()) {
      CrewMember m = members.get(e.crewId());
      b.child(XmlElement.builder("m").attr("id", e.crewId()).attr("pos", e.position())
          .attr("start", e.dutyStart().equals(start) ? null : e.dutyStart())
          .attr("end", e.plannedDutyEnd().equals(end) ? null : e.plannedDutyEnd())
          .attr("unq", m != null && type != null && !m.isQualifiedOn(type) ? "1" : null));
    }
    return b.build();
  }

  private static XmlElement reserve(ReserveCrew reserve, Map<String, CrewMember> members, String type) {
    XmlElement.Builder b = XmlElement.builder("reserve").attr("base", reserve.base());
    List<ReserveAvailability> sorted = new ArrayList<>(reserve.available());
    sorted.sort(Comparator.comparing(ReserveAvailability::from).thenComparing(ReserveAvailability::crewId));
    for (ReserveAvailability r : sorted) {
      CrewMember m = members.get(r.crewId());
      b.child(XmlElement.builder("r").attr("id", r.crewId()).attr("pos", m == null ? null : m.position())
          .attr("from", r.from()).attr("until", r.until())
          .attr("unq", m != null && type != null && !m.isQualifiedOn(type) ? "1" : null));
    }
    return b.build();
  }

  private static <T> Instant mostCommon(List<T> items, Function<T, Instant> f) {
    if (items.isEmpty()) {
      return null;
    }
    Map<Instant, Long> counts = items.stream().collect(Collectors.groupingBy(f, Collectors.counting()));
    return counts.entrySet().stream()
        .max(Map.Entry.<Instant, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElseThrow();
  }
}
