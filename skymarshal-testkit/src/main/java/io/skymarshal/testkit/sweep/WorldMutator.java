package io.skymarshal.testkit.sweep;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a generated disruption of a generated airline into hostile but valid variants: every
 * variant is a well-formed {@link Disruption} over a well-formed {@link AirlineDataset}, of the
 * kind an operations feed really sends, and each comes with its {@link GroundTruth}.
 *
 * <p>The mutations ({@link #MUTATIONS}), by name:
 * <ul>
 *   <li>{@code baseline}: the generated disruption unchanged;
 *   <li>{@code fault:<type>+estimate} and {@code fault:<type>+no_estimate} for each type of
 *       {@link #FAULT_TYPES} ({@code aog}, {@code mechanical}, {@code landing_gear_failure},
 *       {@code engine_failure}, {@code hydraulic}, {@code bird_strike}, {@code hard_landing},
 *       {@code lightning_strike}): the type alone reports the fault (the generator's fault facts
 *       are removed); with an estimate, a maintenance window, an estimated delay or both; without,
 *       neither;
 *   <li>{@code requires_maintenance+estimate} / {@code +no_estimate}: a neutral type
 *       ({@code operational}) with {@code issue_details.requires_maintenance=true};
 *   <li>{@code fault_detected_after_departure}: a technical fault with a maintenance window,
 *       detected after the scheduled departure, with an estimated delay shorter than the window;
 *   <li>{@code roster_missing}: the flight's crew roster is removed from the data;
 *   <li>{@code aircraft_record_missing}: the flight's aircraft record is removed from the data;
 *   <li>{@code unknown_flight}: a flight number not in the schedule, with the registration given;
 *   <li>{@code route_conflict}: the document's destination contradicts the schedule;
 *   <li>{@code registration_conflict}: the document names another aircraft of the fleet;
 *   <li>{@code no_registration}: the document names no aircraft;
 *   <li>{@code huge_numbers}: every numeric fact becomes {@value #HUGE}, as does the maintenance
 *       window of a fault, and a crew duty fact is added;
 *   <li>{@code huge_window}: a technical fault whose maintenance window is {@value #HUGE} minutes,
 *       with an ordinary estimated delay;
 *   <li>{@code unreadable_window}: a technical fault whose maintenance window is not a usable
 *       number of minutes (one of {@link #UNREADABLE_WINDOWS}), with an ordinary estimated delay;
 *   <li>{@code spare_named}: a fact names a real spare aircraft
 *       ({@code constraints.alternate_aircraft_registration});
 *   <li>{@code spare_unknown}: the fact names an aircraft that does not exist ({@value #GHOST_SPARE}).
 * </ul>
 * Deterministic from its seed and the order of calls. Not thread-safe.
 */
public final class WorldMutator {
  /** The huge number the {@code huge_numbers} mutation writes: {@link Long#MAX_VALUE}. */
  public static final String HUGE = "9223372036854775807";

  /** The registration {@code spare_unknown} names; no generated aircraft has it. */
  public static final String GHOST_SPARE = "ZZ-GHOST";

  /** The windows {@code unreadable_window} writes: text, a sign, not-a-number, a number too large to plan on. */
  public static final List<String> UNREADABLE_WINDOWS = List.of("TBD", "soon", "-30", "NaN", "1e9", "90 min");

  /** The reported-fault types operations controllers use. */
  public static final List<String> FAULT_TYPES = List.of("aog", "mechanical", "landing_gear_failure", "engine_failure",
      "hydraulic", "bird_strike", "hard_landing", "lightning_strike");

  /** Every mutation, in the order {@link #mutate(Disruption, int)} cycles through them. */
  public static final List<String> MUTATIONS;

  static {
    List<String> m = new ArrayList<>();
    m.add("baseline");
    for (String t : FAULT_TYPES) {
      m.add("fault:" + t + "+estimate");
      m.add("fault:" + t + "+no_estimate");
    }
    m.addAll(List.of("requires_maintenance+estimate", "requires_maintenance+no_estimate",
        "fault_detected_after_departure", "roster_missing", "aircraft_record_missing", "unknown_flight",
        "route_conflict", "registration_conflict", "no_registration", "huge_numbers", "huge_window", "unreadable_window", "spare_named",
        "spare_unknown"));
    MUTATIONS = List.copyOf(m);
  }

  private static final Map<String, String> DESCRIPTIONS = Map.of(
      "aog", "Aircraft on ground: unserviceable after pre-flight check",
      "mechanical", "Mechanical fault reported by the crew during walk-around",
      "landing_gear_failure", "Nose landing gear failed to retract on the inbound sector",
      "engine_failure", "Engine 1 shut down in flight on the inbound sector",
      "hydraulic", "Green hydraulic system low pressure on arrival",
      "bird_strike", "Multiple bird strikes on approach; radome and engine 2 affected",
      "hard_landing", "Hard landing reported by the crew (1.9 g)",
      "lightning_strike", "Lightning strike on the inbound sector, exit point on the tail");

  /** Fact names (suffixes) the fault mutations remove, so the mutated report alone is what remains. */
  private static final List<String> FAULT_FACT_SUFFIXES = List.of("requires_maintenance", "inspection_required",
      GroundTruth.WINDOW_FACT, "mel_category", "requires_part_replacement");

  private final AirlineDataset airline;
  private final Random random;
  private final Set<FlightKey> scheduled = new HashSet<>();

  /** A mutator over {@code airline}, drawing its choices from {@code seed}. */
  public WorldMutator(AirlineDataset airline, long seed) {
    this.airline = Objects.requireNonNull(airline, "airline");
    this.random = new Random(seed);
    airline.flights().forEach(f -> scheduled.add(f.key()));
  }

  /** The mutation {@code index} selects ({@code index} modulo the number of mutations) applied to {@code base}. */
  public Variant mutate(Disruption base, int index) {
    return mutate(base, MUTATIONS.get(Math.floorMod(index, MUTATIONS.size())));
  }

  /**
   * {@code mutation} applied to {@code base}, a disruption of this mutator's airline.
   *
   * @throws IllegalArgumentException for a name not in {@link #MUTATIONS}
   */
  public Variant mutate(Disruption base, String mutation) {
    Objects.requireNonNull(base, "base");
    if (mutation.startsWith("fault:")) {
      String rest = mutation.substring("fault:".length());
      int plus = rest.indexOf('+');
      String type = rest.substring(0, plus);
      if (!FAULT_TYPES.contains(type)) {
        throw new IllegalArgumentException("unknown fault type in mutation " + mutation);
      }
      return reportedFault(mutation, base, type, null, rest.endsWith("+estimate"));
    }
    return switch (mutation) {
      case "baseline" -> Variant.of(mutation, "as generated: " + base.type(), airline, base);
      case "requires_maintenance+estimate" -> reportedFault(mutation, base, "operational",
          "issue_details.requires_maintenance", true);
      case "requires_maintenance+no_estimate" -> reportedFault(mutation, base, "operational",
          "issue_details.requires_maintenance", false);
      case "fault_detected_after_departure" -> detectedLate(mutation, base);
      case "roster_missing" -> rosterMissing(mutation, base);
      case "aircraft_record_missing" -> aircraftMissing(mutation, base);
      case "unknown_flight" -> unknownFlight(mutation, base);
      case "route_conflict" -> routeConflict(mutation, base);
      case "registration_conflict" -> registrationConflict(mutation, base);
      case "no_registration" -> {
        FlightRef f = base.flight();
        yield Variant.of(mutation, "registration " + f.aircraftRegistration() + " removed from the document", airline,
            base.toBuilder().flight(withRegistration(f, null)).build());
      }
      case "huge_numbers" -> hugeNumbers(mutation, base);
      case "huge_window" -> technicalWithWindow(mutation, base, HUGE);
      case "unreadable_window" -> technicalWithWindow(mutation, base,
          UNREADABLE_WINDOWS.get(random.nextInt(UNREADABLE_WINDOWS.size())));
      case "spare_named" -> spare(mutation, base, true);
      case "spare_unknown" -> spare(mutation, base, false);
      default -> throw new IllegalArgumentException("unknown mutation '" + mutation + "'; known: " + MUTATIONS);
    };
  }

  private Variant reportedFault(String mutation, Disruption base, String type, String flagFact, boolean estimate) {
    Disruption.Builder b = copyWithout(base, name -> FAULT_FACT_SUFFIXES.stream()
        .anyMatch(s -> GroundTruth.nameEndsWith(name, s)))
        .type(type).severity("high").description(DESCRIPTIONS.getOrDefault(type, "Fault reported; maintenance required"));
    if (flagFact != null) {
      b.fact(flagFact, "true");
    }
    String detail;
    if (!estimate) {
      b.estimatedDelay(Duration.ZERO);
      detail = type + ", no window, no delay";
    } else {
      int form = random.nextInt(3); // 0: window only, 1: delay only, 2: both
      Duration delay = form == 0 ? Duration.ZERO : Duration.ofMinutes(60 + 15L * random.nextInt(21));
      b.estimatedDelay(delay);
      detail = type + ", delay " + delay.toMinutes() + " min";
      if (form != 1) {
        int window = 60 + 30 * random.nextInt(9);
        b.fact("constraints." + GroundTruth.WINDOW_FACT, String.valueOf(window));
        detail += ", window " + window + " min";
      } else {
        detail += ", no window";
      }
    }
    return Variant.of(mutation, detail, airline, b.build());
  }

  private Variant detectedLate(String mutation, Disruption base) {
    Instant sched = base.flight().scheduledDeparture();
    int window = 90 + 30 * random.nextInt(6);
    Instant detected = sched.plus(Duration.ofMinutes(15 + 15L * random.nextInt(6)));
    Duration delay = Duration.ofMinutes(30 + 15L * random.nextInt((window - 30) / 15));
    Disruption d = copyWithout(base, name -> FAULT_FACT_SUFFIXES.stream().anyMatch(s -> GroundTruth.nameEndsWith(name, s)))
        .type("aircraft_technical_issue").severity("high").detectedAt(detected)
        .description("Fault found during boarding, after the scheduled departure time")
        .estimatedDelay(delay).fact("issue_details.requires_maintenance", "true")
        .fact("constraints." + GroundTruth.WINDOW_FACT, String.valueOf(window)).build();
    return Variant.of(mutation, "detected " + Duration.between(sched, detected).toMinutes() + " min after scheduled"
        + " departure, window " + window + " min, delay " + delay.toMinutes() + " min", airline, d);
  }

  private Variant rosterMissing(String mutation, Disruption base) {
    FlightKey key = new FlightKey(base.flight().flightNumber(), base.flight().date());
    List<CrewRoster> rosters = airline.rosters().stream().filter(r -> !r.flight().equals(key)).toList();
    AirlineDataset d = new AirlineDataset(airline.airports(), airline.flights(), airline.aircraft(),
        airline.crewMembers(), rosters, airline.reserveCrews(), airline.passengers(), airline.bookings(),
        airline.cargo(), airline.costParameters());
    return Variant.of(mutation, "roster of " + key + " removed (" + (airline.rosters().size() - rosters.size())
        + " removed)", d, base);
  }

  private Variant aircraftMissing(String mutation, Disruption base) {
    String reg = base.flight().aircraftRegistration();
    List<Aircraft> aircraft = airline.aircraft().stream().filter(a -> !a.registration().equals(reg)).toList();
    AirlineDataset d = new AirlineDataset(airline.airports(), airline.flights(), aircraft, airline.crewMembers(),
        airline.rosters(), airline.reserveCrews(), airline.passengers(), airline.bookings(), airline.cargo(),
        airline.costParameters());
    return Variant.of(mutation, "aircraft record " + reg + " removed", d, base);
  }

  private Variant unknownFlight(String mutation, Disruption base) {
    FlightRef f = base.flight();
    String designator = f.flightNumber().substring(0, 2);
    String number;
    do {
      number = designator + (1000 + random.nextInt(9000));
    } while (scheduled.contains(new FlightKey(number, f.date())));
    FlightRef g = new FlightRef(number, f.origin(), f.destination(), f.scheduledDeparture(), f.scheduledArrival(),
        f.aircraftType(), f.aircraftRegistration());
    return Variant.of(mutation, "flight " + f.flightNumber() + " renamed " + number + " (not scheduled), registration "
        + f.aircraftRegistration() + " kept", airline, base.toBuilder().flight(g).build());
  }

  private Variant routeConflict(String mutation, Disruption base) {
    FlightRef f = base.flight();
    List<String> others = airline.airports().stream().map(Airport::iata)
        .filter(a -> !a.equals(f.origin()) && !a.equals(f.destination())).toList();
    String dest = others.get(random.nextInt(others.size()));
    FlightRef g = new FlightRef(f.flightNumber(), f.origin(), dest, f.scheduledDeparture(), f.scheduledArrival(),
        f.aircraftType(), f.aircraftRegistration());
    return Variant.of(mutation, "destination " + f.destination() + " -> " + dest + " in the document", airline,
        base.toBuilder().flight(g).build());
  }

  private Variant registrationConflict(String mutation, Disruption base) {
    FlightRef f = base.flight();
    List<Aircraft> others = airline.aircraft().stream().filter(a -> !a.registration().equals(f.aircraftRegistration()))
        .toList();
    Aircraft other = others.get(random.nextInt(others.size()));
    return Variant.of(mutation, "registration " + f.aircraftRegistration() + " -> " + other.registration()
        + " in the document", airline, base.toBuilder().flight(withRegistration(f, other.registration())).build());
  }

  private Variant hugeNumbers(String mutation, Disruption base) {
    Disruption.Builder b = copyWithout(base, name -> false);
    List<String> changed = new ArrayList<>();
    Map<String, String> facts = new LinkedHashMap<>(base.facts());
    facts.forEach((k, v) -> {
      if (isNumber(v)) {
        b.fact(k, HUGE);
        changed.add(k);
      }
    });
    if (GroundTruth.faultReport(base) != null && !changed.contains("constraints." + GroundTruth.WINDOW_FACT)) {
      b.fact("constraints." + GroundTruth.WINDOW_FACT, HUGE);
      changed.add("constraints." + GroundTruth.WINDOW_FACT);
    }
    if (!facts.containsKey("constraints.crew_ftl_remaining_hours")) {
      b.fact("constraints.crew_ftl_remaining_hours", HUGE);
      changed.add("constraints.crew_ftl_remaining_hours");
    }
    return Variant.of(mutation, base.type() + ", " + HUGE + " in " + changed, airline, b.build());
  }

  private Variant technicalWithWindow(String mutation, Disruption base, String window) {
    Duration delay = Duration.ofMinutes(60 + 15L * random.nextInt(21));
    Disruption d = copyWithout(base, name -> FAULT_FACT_SUFFIXES.stream().anyMatch(s -> GroundTruth.nameEndsWith(name, s)))
        .type("aircraft_technical_issue").severity("high").description("Hydraulic leak found on walk-around")
        .estimatedDelay(delay).fact("issue_details.requires_maintenance", "true")
        .fact("constraints." + GroundTruth.WINDOW_FACT, window).build();
    return Variant.of(mutation, "window '" + window + "', delay " + delay.toMinutes() + " min", airline, d);
  }

  private Variant spare(String mutation, Disruption base, boolean real) {
    FlightRef f = base.flight();
    String spare;
    if (real) {
      List<Aircraft> sameType = airline.aircraft().stream()
          .filter(a -> !a.registration().equals(f.aircraftRegistration()) && a.type().equals(f.aircraftType())).toList();
      List<Aircraft> pool = sameType.isEmpty()
          ? airline.aircraft().stream().filter(a -> !a.registration().equals(f.aircraftRegistration())).toList()
          : sameType;
      spare = pool.get(random.nextInt(pool.size())).registration();
    } else {
      spare = GHOST_SPARE;
    }
    Disruption d = base.toBuilder().fact("constraints." + GroundTruth.SPARE_FACT, spare).build();
    return Variant.of(mutation, base.type() + ", spare " + spare + " named", airline, d);
  }

  /** A builder holding {@code base} without the facts whose names {@code drop} accepts. */
  private static Disruption.Builder copyWithout(Disruption base, Predicate<String> drop) {
    Disruption.Builder b = base.toBuilder();
    base.facts().keySet().stream().filter(drop).forEach(b::removeFact);
    return b;
  }

  private static FlightRef withRegistration(FlightRef f, String registration) {
    return new FlightRef(f.flightNumber(), f.origin(), f.destination(), f.scheduledDeparture(), f.scheduledArrival(),
        f.aircraftType(), registration);
  }

  private static boolean isNumber(String v) {
    try {
      new BigDecimal(v.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
