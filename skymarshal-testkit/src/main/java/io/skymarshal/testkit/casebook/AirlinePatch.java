package io.skymarshal.testkit.casebook;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.CrewPosition;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.WorkOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One change a scenario makes to the EY123 sample airline
 * ({@link io.skymarshal.testkit.airline.AirlineSamples#ey123Airline()}) before it runs: the small
 * language of a scenario file's {@code airline} array, one record per {@code op}. Patches apply in
 * order; each refuses to apply where its target is not there (a key to remove that does not exist, a
 * crew member not on the roster), so a patch never silently does nothing. Immutable.
 */
public sealed interface AirlinePatch {

  /** The {@code op} of this patch in a scenario file. */
  String op();

  /**
   * {@code dataset} with this patch applied.
   *
   * @throws IllegalArgumentException saying why the patch does not apply
   */
  default AirlineDataset applyTo(AirlineDataset dataset) {
    DatasetEditor editor = new DatasetEditor(dataset);
    editor.apply(this);
    return editor.build();
  }

  /**
   * {@code remove}: deletes one record of {@code table} by its key, as {@link io.skymarshal.airline.AirlineTables}
   * keys it: {@code airports} by IATA code, {@code flights}, {@code rosters}, {@code bookings} and
   * {@code cargo} by flight ({@code EY123/2026-01-30}; bookings and cargo: all of that flight's),
   * {@code aircraft} by registration, {@code crew_members} and {@code passengers} by id,
   * {@code reserve_crew} by base, {@code cost_parameters} by id.
   */
  record Remove(String table, String key) implements AirlinePatch {
    /** The tables {@code remove} accepts. */
    public static final List<String> TABLES = List.of("airports", "flights", "aircraft", "crew_members", "rosters",
        "reserve_crew", "passengers", "bookings", "cargo", "cost_parameters");

    public Remove {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(key, "key");
      if (!TABLES.contains(table)) {
        throw new IllegalArgumentException("table '" + table + "' is not one of " + TABLES);
      }
    }

    @Override
    public String op() {
      return "remove";
    }
  }

  /**
   * {@code change_flight}: retimes, reroutes or re-registers a flight. Each null field is kept. A
   * new departure without a new arrival keeps the block time. The flight's roster moves with it:
   * duty starts by the departure's offset, planned duty ends by the arrival's. When the
   * departure's UTC date changes, the flight's key changes, and its roster, bookings and cargo
   * (and bookings connecting onto it) follow. A new origin or destination must already be an
   * airport of the airline (add it with {@link PutAirport} first). The flight becomes
   * on time (estimates equal the schedule).
   */
  record ChangeFlight(FlightKey flight, Instant departure, Instant arrival, String origin, String destination,
      String aircraftRegistration, String aircraftType) implements AirlinePatch {
    public ChangeFlight {
      Objects.requireNonNull(flight, "flight");
    }

    @Override
    public String op() {
      return "change_flight";
    }
  }

  /**
   * {@code put_airport}: adds or replaces an airport. It starts from the airline's own record of
   * {@code iata}, else the testkit's {@link io.skymarshal.testkit.airline.AirportCatalog}, else
   * nothing (then {@code zone} is required); each non-null field replaces that value.
   * {@code curfewGiven} says whether the curfew is set: to {@code curfew}, or removed when that is null.
   */
  record PutAirport(String iata, String name, ZoneId zone, Double latitude, Double longitude, boolean curfewGiven,
      LocalTimeWindow curfew, Boolean slotCoordinated) implements AirlinePatch {
    public PutAirport {
      Objects.requireNonNull(iata, "iata");
      if (!curfewGiven && curfew != null) {
        throw new IllegalArgumentException("a curfew is given only with curfewGiven");
      }
    }

    @Override
    public String op() {
      return "put_airport";
    }
  }

  /** {@code add_mel_item}: opens a deferred defect on an aircraft of the airline. */
  record AddMelItem(String registration, MelItem item) implements AirlinePatch {
    public AddMelItem {
      Objects.requireNonNull(registration, "registration");
      Objects.requireNonNull(item, "item");
    }

    @Override
    public String op() {
      return "add_mel_item";
    }
  }

  /** {@code add_work_order}: opens maintenance work on an aircraft of the airline. */
  record AddWorkOrder(String registration, WorkOrder workOrder) implements AirlinePatch {
    public AddWorkOrder {
      Objects.requireNonNull(registration, "registration");
      Objects.requireNonNull(workOrder, "workOrder");
    }

    @Override
    public String op() {
      return "add_work_order";
    }
  }

  /** {@code close_mel_item}: closes (removes) an open MEL item of an aircraft, e.g. one repaired. */
  record CloseMelItem(String registration, String id) implements AirlinePatch {
    public CloseMelItem {
      Objects.requireNonNull(registration, "registration");
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String op() {
      return "close_mel_item";
    }
  }

  /** {@code close_work_order}: closes (removes) an open work order of an aircraft, e.g. one signed off. */
  record CloseWorkOrder(String registration, String id) implements AirlinePatch {
    public CloseWorkOrder {
      Objects.requireNonNull(registration, "registration");
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String op() {
      return "close_work_order";
    }
  }

  /** {@code add_aircraft}: adds an aircraft (a spare) whose registration the airline does not have yet. */
  record AddAircraft(Aircraft aircraft) implements AirlinePatch {
    public AddAircraft {
      Objects.requireNonNull(aircraft, "aircraft");
    }

    @Override
    public String op() {
      return "add_aircraft";
    }
  }

  /**
   * {@code add_reserve}: puts a crew member on reserve at {@code base} from {@code from} until
   * {@code until}. An unknown crew member is created with {@code position} and
   * {@code qualifications} (both then required); for a known one both must be null.
   */
  record AddReserve(String base, String crewId, CrewPosition position, Set<String> qualifications, Instant from,
      Instant until) implements AirlinePatch {
    public AddReserve {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(crewId, "crewId");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(until, "until");
      if ((position == null) != (qualifications == null)) {
        throw new IllegalArgumentException("position and qualifications are given together or not at all");
      }
      qualifications = qualifications == null ? null : Set.copyOf(qualifications);
    }

    @Override
    public String op() {
      return "add_reserve";
    }
  }

  /** {@code remove_reserve}: takes one crew member off reserve at {@code base}. */
  record RemoveReserve(String base, String crewId) implements AirlinePatch {
    public RemoveReserve {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(crewId, "crewId");
    }

    @Override
    public String op() {
      return "remove_reserve";
    }
  }

  /**
   * {@code set_duty_start}: moves the report time of rostered crew members of a flight (for
   * example earlier, so that a delay takes them past their duty limit). Planned duty ends stay.
   */
  record SetDutyStart(FlightKey flight, List<String> crew, Instant dutyStart) implements AirlinePatch {
    public SetDutyStart {
      Objects.requireNonNull(flight, "flight");
      crew = List.copyOf(crew);
      Objects.requireNonNull(dutyStart, "dutyStart");
      if (crew.isEmpty()) {
        throw new IllegalArgumentException("crew must name at least one crew member");
      }
    }

    @Override
    public String op() {
      return "set_duty_start";
    }
  }
}
