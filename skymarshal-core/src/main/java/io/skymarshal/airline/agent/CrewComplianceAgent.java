package io.skymarshal.airline.agent;

import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.ReserveAvailability;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.prompt.XmlElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * crew_compliance (SAFETY): is the flight legally crewed under the disruption? Reads the flight,
 * its roster and the reserve crew at the origin (three tables at once), then every rostered and
 * reserve crew member in one batch. Says APPROVED, CREW_CHANGE or DENIED with one
 * crew_duty_limit per rostered crew member.
 */
final class CrewComplianceAgent extends AirlineAgent {
  static final String NAME = "crew_compliance";

  CrewComplianceAgent(PromptStyle style) {
    super(NAME, Tier.SAFETY, List.of("APPROVED", "CREW_CHANGE", "DENIED"), style);
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
    Map<String, CrewMember> members = reads.start(AirlineTables.CREW_MEMBERS, ids).found();

    String type = flight != null ? flight.aircraftType() : disruption.flight().aircraftType();
    XmlElement.Builder out = XmlElement.builder("data");
    if (flight != null) {
      out.child(FlightXml.estimate(flight));
    }
    if (roster != null) {
      out.child(roster(roster, members, type));
    }
    if (reserve != null && !reserve.available().isEmpty()) {
      out.child(reserve(reserve, members, type));
    }
    return new AgentInput(out.children(reads.notes()).build());
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
