package io.skymarshal.airline.agent;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.WorkOrder;
import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.airline.constraint.AircraftRestricted;
import io.skymarshal.airline.rules.FaultRules;
import io.skymarshal.airline.rules.MelRules;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * maintenance (SAFETY): may the aircraft fly? Reads the flight and the aircraft with its open MEL
 * items and work orders, and a spare the disruption names (fact
 * {@code alternate_aircraft_registration}), in one batch per table. Each MEL item carries its
 * repair deadline ({@code due}), computed in code from its category. Says AIRWORTHY, RESTRICTED
 * or AOG with aircraft_grounded / aircraft_restricted constraints.
 *
 * <p>In code, while gathering: a fault or inspection event the disruption reports grounds the
 * planned aircraft until its estimated release, or open-ended without an estimate
 * ({@link FaultRules}); an MEL item expired or a grounding work order overdue at the expected
 * departure grounds it open-ended, a restricting MEL item restricts it ({@link MelRules}); no
 * clearance when no aircraft is known, its record is missing, or the document names another
 * aircraft than the schedule. Examined: the planned aircraft and a spare of the same type, where
 * their records were read.
 */
final class MaintenanceAgent extends AirlineAgent {
  static final String NAME = "maintenance";
  /** Facts (by the end of their dotted path) naming a spare aircraft. */
  static final List<String> SPARE_FACTS = List.of("alternate_aircraft_registration", "spare_aircraft_registration");
  private final MelRules mel;
  private final FaultRules faults;

  MaintenanceAgent(PromptOptions style, MelRules mel, FaultRules faults) {
    super(NAME, Tier.SAFETY, List.of("AIRWORTHY", "RESTRICTED", "AOG"),
        List.of(AircraftGrounded.KIND, AircraftRestricted.KIND), Map.of("AOG", Clearance.Reason.FAULT_UNRESOLVED), style);
    this.mel = mel;
    this.faults = faults;
  }

  @Override
  public AgentInput gather(Disruption disruption, DataAccess data) {
    Reads reads = new Reads(data);
    FlightKey key = Keys.flight(disruption);
    String docReg = blankToNull(disruption.flight().aircraftRegistration());
    String spare = spare(disruption);
    var flights = reads.start(AirlineTables.FLIGHTS, List.of(key));
    List<String> regs = new ArrayList<>();
    if (docReg != null) {
      regs.add(docReg);
    }
    if (spare != null && !spare.equals(docReg)) {
      regs.add(spare);
    }
    var aircraftRead = reads.start(AirlineTables.AIRCRAFT, regs);
    Flight flight = flights.found().get(key);
    SafetyFacts facts = new SafetyFacts();
    String reg = docReg;
    if (flight != null) {
      if (docReg != null && flight.aircraftRegistration() != null && !docReg.equals(flight.aircraftRegistration())) {
        facts.problem(Clearance.Reason.DATA_CONFLICT, "flight.aircraft_registration: document '"
            + ScheduleConflicts.shortened(docReg) + "', schedule '" + flight.aircraftRegistration() + "'", null);
      }
      if (reg == null) {
        reg = blankToNull(flight.aircraftRegistration());
      }
    }
    Map<String, Aircraft> found = new java.util.LinkedHashMap<>(aircraftRead.found());
    if (reg != null && !regs.contains(reg)) {
      // the schedule names the aircraft: a second, dependent read
      var planned = reads.start(AirlineTables.AIRCRAFT, List.of(reg));
      found.putAll(planned.found());
      if (found.get(reg) == null) {
        facts.problem(Clearance.Reason.DATA_MISSING, "aircraft " + reg + (planned.unread(reg) ? " could not be read"
            : " has no record") + ": airworthiness cannot be shown", planned.describe(reg));
      }
    } else if (reg != null && found.get(reg) == null) {
      facts.problem(Clearance.Reason.DATA_MISSING, "aircraft " + ScheduleConflicts.shortened(reg)
          + (aircraftRead.unread(reg) ? " could not be read" : " has no record") + ": airworthiness cannot be shown",
          aircraftRead.describe(reg));
    }
    if (reg == null) {
      facts.problem(Clearance.Reason.DATA_MISSING, "no aircraft is named for " + key + " by the disruption or the"
          + " schedule: airworthiness cannot be shown", flights.describe(key));
    }

    Instant expectedDeparture = disruption.flight().scheduledDeparture().plus(disruption.estimatedDelay());
    XmlElement.Builder out = XmlElement.builder("data");
    List<XmlElement> records = new ArrayList<>();
    String type = flight != null && flight.aircraftType() != null ? flight.aircraftType()
        : disruption.flight().aircraftType();
    for (Aircraft ac : found.values()) {
      if (!ac.registration().equals(reg) && type != null && !type.equals(ac.type())) {
        // a spare of another type needs another crew, whom nobody checked: not examined for this flight
        records.add(aircraft(ac, "spare-other-type"));
        continue;
      }
      facts.aircraft(ac.registration());
      facts.constraints(mel.constraints(ac, expectedDeparture));
      records.add(aircraft(ac, ac.registration().equals(reg) ? null : "spare"));
    }
    if (reg != null) {
      Optional<FaultRules.Grounding> g = faults.grounding(disruption);
      if (g.isPresent()) {
        Optional<Instant> release = g.get().release();
        facts.constraint(new AircraftGrounded(reg, release.orElse(null)));
        if (release.isEmpty()) {
          facts.problem(Clearance.Reason.FAULT_UNRESOLVED, reg + " grounded until "
              + (g.get().cause() == FaultRules.Cause.INSPECTION ? "an inspection is signed off" : "a maintenance release")
              + " (" + ScheduleConflicts.shortened(g.get().what()) + "); no release estimate", null);
        }
      }
    }
    var assessment = facts.build();
    out.child(SafetyFacts.toXml(assessment, promptOptions().constraintRefs()));
    records.forEach(out::child);
    return new AgentInput(out.children(reads.notes()).build(), assessment);
  }

  /**
   * AOG clears the flight subject to its groundings when every one has a release time (a delay
   * past it is safe); an open-ended or absent grounding does not clear it.
   */
  @Override
  Clearance clearanceOf(Recommendation r) {
    boolean timed = r.action().equals("AOG") && !r.constraints().isEmpty() && r.constraints().stream()
        .filter(c -> c instanceof AircraftGrounded).allMatch(c -> ((AircraftGrounded) c).until() != null)
        && r.constraints().stream().anyMatch(c -> c instanceof AircraftGrounded);
    return timed ? Clearance.cleared() : super.clearanceOf(r);
  }

  /** The spare aircraft the disruption names, or null. */
  static String spare(Disruption d) {
    for (Map.Entry<String, String> f : d.facts().entrySet()) {
      int dot = f.getKey().lastIndexOf('.');
      String name = (dot < 0 ? f.getKey() : f.getKey().substring(dot + 1)).toLowerCase(Locale.ROOT);
      if (SPARE_FACTS.contains(name) && !f.getValue().isBlank() && f.getValue().strip().length() <= 20) {
        return f.getValue().strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private XmlElement aircraft(Aircraft ac, String role) {
    XmlElement.Builder b = XmlElement.builder("ac").attr("reg", ac.registration()).attr("type", ac.type())
        .attr("base", ac.homeBase()).attr("role", role);
    for (MelItem i : ac.openMelItems()) {
      b.child(XmlElement.builder("mel").attr("id", i.id()).attr("cat", i.category()).attr("raised", i.raised())
          .attr("due", mel.expiry(i)).attr("restr", i.restricts() ? i.restriction() : null).text(i.description()));
    }
    for (WorkOrder w : ac.openWorkOrders()) {
      b.child(XmlElement.builder("wo").attr("id", w.id()).attr("due", w.due())
          .attr("min", PromptValues.minutes(w.estimatedDuration())).attr("grounds", w.groundsAircraft() ? "1" : null)
          .text(w.description()));
    }
    return b.build();
  }
}
