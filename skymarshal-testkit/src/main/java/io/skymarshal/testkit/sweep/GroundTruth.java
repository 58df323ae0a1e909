package io.skymarshal.testkit.sweep;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.ReserveAvailability;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is true of one disruption in one airline, derived here from the dataset and the disruption
 * document alone, by the rules of {@code DOMAIN.md}, and never from anything the engine computes:
 * the aircraft a reported fault grounds and when (if ever) it is released, why a SAFETY agent
 * could not clear the flight, and the aircraft and crew a plan may use. The sweep's judges
 * ({@link SafetyJudges}) compare a decision's plan with this. Immutable.
 *
 * <p>The rules, kept deliberately simple and conservative:
 * <ul>
 *   <li><b>Reported fault.</b> A fault is reported when the disruption's type (lower case) is one
 *       of {@link #FAULT_TYPES}, or contains one of {@link #FAULT_WORDS}, or a fact whose name ends
 *       in {@code requires_maintenance} or {@code inspection_required} says {@code true}. It grounds
 *       the aircraft the document names and the aircraft the schedule gives the flight (when
 *       they differ, both: it is not known which one is faulty).
 *   <li><b>Release.</b> The repair estimate is the fact ending in
 *       {@code maintenance_window_required_minutes} (the window) and the estimated delay. With
 *       neither (no window fact and a zero delay) the fault is never released. Otherwise it is
 *       released at {@code max(scheduled departure + estimated delay, max(detected, scheduled
 *       departure) + window)}, each term only when it is given. A window fact that is not a
 *       non-negative number is an unknown estimate: never released. A release past the end of
 *       time ({@code 9223372036854775807} minutes) is never.
 *   <li><b>Cannot be cleared</b> ({@link Unclearable}): the flight (number and UTC date) is not in
 *       the schedule; it has no crew roster (or an empty one); the aircraft to operate has no
 *       aircraft record; the document's route, scheduled times or registration contradict the
 *       schedule.
 *   <li><b>Resources.</b> A plan may operate the flight's own aircraft (the schedule's; the
 *       document's when the flight is unknown) or a spare named in a fact ending in
 *       {@code alternate_aircraft_registration}, in each case only if the aircraft has a record in
 *       the dataset. It may add crew who are on the flight's roster or on reserve at its origin,
 *       and who have a crew-member record.
 * </ul>
 *
 * @param flightKnown       whether the schedule has the flight
 * @param scheduledAircraft the aircraft the schedule gives the flight; null when the flight is unknown
 * @param fault             the reported fault; empty when none is reported
 * @param unclearable       why a SAFETY agent cannot clear the flight; empty when nothing prevents it
 * @param allowedAircraft   registrations a plan may operate
 * @param allowedCrew       crew ids a plan may add
 */
public record GroundTruth(boolean flightKnown, String scheduledAircraft, Optional<Fault> fault,
    List<Unclearable> unclearable, Set<String> allowedAircraft, Set<String> allowedCrew) {

  /** Reported-fault types (exact, lower case) as operations controllers write them. */
  public static final Set<String> FAULT_TYPES = Set.of("aog", "mechanical", "technical", "aircraft_technical_issue",
      "landing_gear_failure", "engine_failure", "hydraulic", "hydraulic_failure", "flight_control_failure",
      "bird_strike", "hard_landing", "lightning_strike", "severe_turbulence", "maintenance");

  /** Words that make any type a reported fault. */
  public static final List<String> FAULT_WORDS = List.of("technical", "mechanical", "aog", "maintenance", "fault",
      "failure", "hydraulic", "engine", "landing_gear", "flight_control", "bird", "hard_landing", "lightning",
      "turbulence", "inspection");

  /** Fact names (suffixes) whose value {@code true} reports a fault. */
  public static final List<String> FAULT_FACTS = List.of("requires_maintenance", "inspection_required");

  /** The fact (suffix) holding the maintenance window in minutes. */
  public static final String WINDOW_FACT = "maintenance_window_required_minutes";

  /** The fact (suffix) naming a spare aircraft. */
  public static final String SPARE_FACT = "alternate_aircraft_registration";

  /**
   * A reported fault.
   *
   * @param grounded   the aircraft it grounds
   * @param releasedAt when it is released; empty when never (no usable estimate)
   * @param why        one line: what reported it and how the release was computed
   */
  public record Fault(Set<String> grounded, Optional<Instant> releasedAt, String why) {
    public Fault {
      grounded = Collections.unmodifiableSet(new LinkedHashSet<>(grounded));
      Objects.requireNonNull(releasedAt, "releasedAt");
      Objects.requireNonNull(why, "why");
    }

    /** Whether {@code registration} is still grounded by this fault at {@code departure}. */
    public boolean grounds(String registration, Instant departure) {
      return registration != null && grounded.contains(registration)
          && (releasedAt.isEmpty() || departure == null || departure.isBefore(releasedAt.get()));
    }
  }

  /** Why a SAFETY agent could not clear the flight. */
  public enum Reason {
    /** The flight is not in the schedule: no roster, no record of its aircraft assignment. */
    UNKNOWN_FLIGHT,
    /** The flight has no crew roster (or an empty one): crew legality cannot be shown. */
    ROSTER_MISSING,
    /** The aircraft to operate has no aircraft record: airworthiness cannot be shown. */
    AIRCRAFT_RECORD_MISSING,
    /** The document contradicts the schedule (route, times or registration). */
    DOCUMENT_CONFLICT
  }

  /**
   * One reason the flight cannot be cleared.
   *
   * @param reason       the reason
   * @param registration for {@link Reason#AIRCRAFT_RECORD_MISSING}, the aircraft without a record
   *                     (only plans on it depend on the missing record); null otherwise (every
   *                     operating plan depends on it)
   * @param detail       one line
   */
  public record Unclearable(Reason reason, String registration, String detail) {
    public Unclearable {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    /** Whether a plan operating {@code planAircraft} depends on what cannot be cleared. */
    public boolean blocks(String planAircraft) {
      return registration == null || registration.equals(planAircraft);
    }
  }

  public GroundTruth {
    Objects.requireNonNull(fault, "fault");
    unclearable = List.copyOf(unclearable);
    allowedAircraft = Collections.unmodifiableSet(new LinkedHashSet<>(allowedAircraft));
    allowedCrew = Collections.unmodifiableSet(new LinkedHashSet<>(allowedCrew));
  }

  /** The ground truth of {@code disruption} in {@code dataset}. */
  public static GroundTruth of(AirlineDataset dataset, Disruption disruption) {
    Objects.requireNonNull(dataset, "dataset");
    FlightRef doc = disruption.flight();
    Flight flight = findFlight(dataset, doc);
    String docReg = blankToNull(doc.aircraftRegistration());
    String schedReg = flight == null ? null : flight.aircraftRegistration();
    Set<String> aircraftRecords = new LinkedHashSet<>();
    dataset.aircraft().forEach(a -> aircraftRecords.add(a.registration()));

    // the reported fault
    Optional<Fault> fault = Optional.empty();
    String reportedBy = faultReport(disruption);
    if (reportedBy != null) {
      Set<String> grounded = new LinkedHashSet<>();
      if (docReg != null) {
        grounded.add(docReg);
      }
      if (schedReg != null) {
        grounded.add(schedReg);
      }
      Instant sched = doc.scheduledDeparture();
      if (flight != null) {
        // the schedule is the record: the release runs from the scheduled departure it gives
        sched = flight.scheduledDeparture();
      }
      Release r = release(disruption, sched);
      fault = Optional.of(new Fault(grounded, r.at(), reportedBy + "; " + r.why()));
    }

    // why the flight cannot be cleared
    List<Unclearable> unclearable = new ArrayList<>();
    FlightKey key = flightKey(doc);
    if (flight == null) {
      unclearable.add(new Unclearable(Reason.UNKNOWN_FLIGHT, null, "no flight " + (key == null ? doc.flightNumber()
          : key) + " in the schedule"));
    } else {
      CrewRoster roster = dataset.rosters().stream().filter(r -> r.flight().equals(flight.key())).findFirst()
          .orElse(null);
      if (roster == null || roster.entries().isEmpty()) {
        unclearable.add(new Unclearable(Reason.ROSTER_MISSING, null, "no crew roster for " + flight.key()));
      }
      List<String> conflicts = new ArrayList<>();
      if (!flight.origin().equals(doc.origin()) || !flight.destination().equals(doc.destination())) {
        conflicts.add("route " + doc.origin() + "-" + doc.destination() + " vs scheduled " + flight.origin() + "-"
            + flight.destination());
      }
      if (!flight.scheduledDeparture().equals(doc.scheduledDeparture())
          || !flight.scheduledArrival().equals(doc.scheduledArrival())) {
        conflicts.add("times " + doc.scheduledDeparture() + "/" + doc.scheduledArrival() + " vs scheduled "
            + flight.scheduledDeparture() + "/" + flight.scheduledArrival());
      }
      if (docReg != null && !docReg.equals(flight.aircraftRegistration())) {
        conflicts.add("registration " + docReg + " vs scheduled " + flight.aircraftRegistration());
      }
      if (!conflicts.isEmpty()) {
        unclearable.add(new Unclearable(Reason.DOCUMENT_CONFLICT, null, "the document contradicts the schedule: "
            + String.join("; ", conflicts)));
      }
    }
    String own = schedReg != null ? schedReg : docReg;
    for (String reg : new LinkedHashSet<>(Arrays.asList(own, docReg))) {
      if (reg != null && !aircraftRecords.contains(reg)) {
        unclearable.add(new Unclearable(Reason.AIRCRAFT_RECORD_MISSING, reg, "no aircraft record for " + reg));
      }
    }

    // what a plan may use
    Set<String> allowedAircraft = new LinkedHashSet<>();
    if (own != null && aircraftRecords.contains(own)) {
      allowedAircraft.add(own);
    }
    for (Map.Entry<String, String> e : disruption.facts().entrySet()) {
      if (nameEndsWith(e.getKey(), SPARE_FACT)) {
        String spare = e.getValue().strip();
        if (aircraftRecords.contains(spare)) {
          allowedAircraft.add(spare);
        }
      }
    }
    Set<String> crewRecords = new LinkedHashSet<>();
    dataset.crewMembers().forEach(c -> crewRecords.add(c.id()));
    Set<String> allowedCrew = new LinkedHashSet<>();
    if (flight != null) {
      dataset.rosters().stream().filter(r -> r.flight().equals(flight.key()))
          .forEach(r -> r.crewIds().stream().filter(crewRecords::contains).forEach(allowedCrew::add));
    }
    String origin = flight != null ? flight.origin() : doc.origin();
    for (ReserveCrew rc : dataset.reserveCrews()) {
      if (rc.base().equals(origin)) {
        rc.available().stream().map(ReserveAvailability::crewId).filter(crewRecords::contains).forEach(allowedCrew::add);
      }
    }
    return new GroundTruth(flight != null, schedReg, fault, unclearable, allowedAircraft, allowedCrew);
  }

  /** Whether a plan operating {@code aircraft} depends on something no SAFETY agent could clear. */
  public Optional<Unclearable> blocking(String aircraft) {
    return unclearable.stream().filter(u -> u.blocks(aircraft)).findFirst();
  }

  /** What reports a fault, or null when nothing does. */
  static String faultReport(Disruption d) {
    String type = d.type().strip().toLowerCase(Locale.ROOT);
    if (FAULT_TYPES.contains(type)) {
      return "type " + type;
    }
    for (String w : FAULT_WORDS) {
      if (type.contains(w)) {
        return "type " + type + " (" + w + ")";
      }
    }
    for (Map.Entry<String, String> e : d.facts().entrySet()) {
      for (String f : FAULT_FACTS) {
        if (nameEndsWith(e.getKey(), f) && "true".equalsIgnoreCase(e.getValue().strip())) {
          return "fact " + e.getKey() + "=true";
        }
      }
    }
    return null;
  }

  private record Release(Optional<Instant> at, String why) {}

  private static Release release(Disruption d, Instant sched) {
    String window = null;
    for (Map.Entry<String, String> e : d.facts().entrySet()) {
      if (nameEndsWith(e.getKey(), WINDOW_FACT)) {
        window = e.getValue();
      }
    }
    Duration delay = d.estimatedDelay();
    if (window == null && delay.isZero()) {
      return new Release(Optional.empty(), "no repair estimate: never released");
    }
    Instant release = sched.plus(delay);
    String why = "released at max(sched+delay " + delay.toMinutes() + " min";
    if (window != null) {
      BigDecimal minutes;
      try {
        minutes = new BigDecimal(window.strip());
      } catch (NumberFormatException e) {
        return new Release(Optional.empty(), "window '" + window + "' is not a number: unknown estimate, never released");
      }
      if (minutes.signum() < 0) {
        return new Release(Optional.empty(), "window '" + window + "' is negative: unknown estimate, never released");
      }
      Instant from = d.detectedAt().isAfter(sched) ? d.detectedAt() : sched;
      BigDecimal seconds = minutes.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.CEILING);
      BigDecimal end = seconds.add(BigDecimal.valueOf(from.getEpochSecond()));
      if (end.compareTo(BigDecimal.valueOf(Instant.MAX.getEpochSecond())) > 0) {
        return new Release(Optional.empty(), "window " + window + " min ends after the end of time: never released");
      }
      Instant afterWindow = Instant.ofEpochSecond(end.longValueExact(), from.getNano());
      if (afterWindow.isAfter(release)) {
        release = afterWindow;
      }
      why += ", max(detected, sched)+window " + window + " min";
    }
    return new Release(Optional.of(release), why + ") = " + release);
  }

  private static Flight findFlight(AirlineDataset dataset, FlightRef doc) {
    FlightKey key = flightKey(doc);
    if (key == null) {
      return null;
    }
    return dataset.flights().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
  }

  private static FlightKey flightKey(FlightRef doc) {
    try {
      return new FlightKey(doc.flightNumber(), doc.date());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static boolean nameEndsWith(String name, String suffix) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return n.equals(suffix) || n.endsWith("." + suffix);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
