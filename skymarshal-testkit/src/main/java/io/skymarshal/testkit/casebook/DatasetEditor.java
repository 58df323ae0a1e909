package io.skymarshal.testkit.casebook;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.Booking;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.CostParameters;
import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.Passenger;
import io.skymarshal.airline.ReserveAvailability;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.testkit.airline.AirportCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Applies {@link AirlinePatch}es to a copy of a dataset; not thread-safe, one use. */
final class DatasetEditor {
  private final List<Airport> airports;
  private final List<Flight> flights;
  private final List<Aircraft> aircraft;
  private final List<CrewMember> crewMembers;
  private final List<CrewRoster> rosters;
  private final List<ReserveCrew> reserveCrews;
  private final List<Passenger> passengers;
  private final List<Booking> bookings;
  private final List<CargoShipment> cargo;
  private final List<CostParameters> costParameters;

  DatasetEditor(AirlineDataset d) {
    airports = new ArrayList<>(d.airports());
    flights = new ArrayList<>(d.flights());
    aircraft = new ArrayList<>(d.aircraft());
    crewMembers = new ArrayList<>(d.crewMembers());
    rosters = new ArrayList<>(d.rosters());
    reserveCrews = new ArrayList<>(d.reserveCrews());
    passengers = new ArrayList<>(d.passengers());
    bookings = new ArrayList<>(d.bookings());
    cargo = new ArrayList<>(d.cargo());
    costParameters = new ArrayList<>(d.costParameters());
  }

  AirlineDataset build() {
    return new AirlineDataset(airports, flights, aircraft, crewMembers, rosters, reserveCrews, passengers, bookings,
        cargo, costParameters);
  }

  /** @throws IllegalArgumentException saying why {@code p} does not apply */
  void apply(AirlinePatch p) {
    if (p instanceof AirlinePatch.Remove r) {
      remove(r);
    } else if (p instanceof AirlinePatch.ChangeFlight c) {
      changeFlight(c);
    } else if (p instanceof AirlinePatch.PutAirport a) {
      putAirport(a);
    } else if (p instanceof AirlinePatch.AddMelItem m) {
      editAircraft(m.registration(), ac -> {
        if (ac.openMelItems().stream().anyMatch(i -> i.id().equals(m.item().id()))) {
          throw new IllegalArgumentException("aircraft " + ac.registration() + " already has MEL item " + m.item().id());
        }
        return new Aircraft(ac.registration(), ac.type(), ac.homeBase(), ac.seats(), plus(ac.openMelItems(), m.item()),
            ac.openWorkOrders());
      });
    } else if (p instanceof AirlinePatch.AddWorkOrder w) {
      editAircraft(w.registration(), ac -> {
        if (ac.openWorkOrders().stream().anyMatch(o -> o.id().equals(w.workOrder().id()))) {
          throw new IllegalArgumentException("aircraft " + ac.registration() + " already has work order "
              + w.workOrder().id());
        }
        return new Aircraft(ac.registration(), ac.type(), ac.homeBase(), ac.seats(), ac.openMelItems(),
            plus(ac.openWorkOrders(), w.workOrder()));
      });
    } else if (p instanceof AirlinePatch.CloseMelItem m) {
      editAircraft(m.registration(), ac -> new Aircraft(ac.registration(), ac.type(), ac.homeBase(), ac.seats(),
          without(ac.openMelItems(), i -> i.id().equals(m.id()), "MEL item " + m.id() + " of " + ac.registration()),
          ac.openWorkOrders()));
    } else if (p instanceof AirlinePatch.CloseWorkOrder w) {
      editAircraft(w.registration(), ac -> new Aircraft(ac.registration(), ac.type(), ac.homeBase(), ac.seats(),
          ac.openMelItems(),
          without(ac.openWorkOrders(), o -> o.id().equals(w.id()), "work order " + w.id() + " of " + ac.registration())));
    } else if (p instanceof AirlinePatch.AddAircraft a) {
      if (find(aircraft, Aircraft::registration, a.aircraft().registration()) >= 0) {
        throw new IllegalArgumentException("the airline already has aircraft " + a.aircraft().registration()
            + "; remove it first to replace it");
      }
      aircraft.add(a.aircraft());
    } else if (p instanceof AirlinePatch.AddReserve r) {
      addReserve(r);
    } else if (p instanceof AirlinePatch.RemoveReserve r) {
      int i = indexOrFail(reserveCrews, ReserveCrew::base, r.base(), "reserve crew at");
      ReserveCrew rc = reserveCrews.get(i);
      List<ReserveAvailability> left = new ArrayList<>(rc.available());
      if (!left.removeIf(a -> a.crewId().equals(r.crewId()))) {
        throw new IllegalArgumentException(r.crewId() + " is not on reserve at " + r.base());
      }
      reserveCrews.set(i, new ReserveCrew(rc.base(), left));
    } else if (p instanceof AirlinePatch.SetDutyStart s) {
      setDutyStart(s);
    } else {
      throw new IllegalStateException("unhandled patch " + p);
    }
  }

  private void remove(AirlinePatch.Remove r) {
    String k = r.key();
    switch (r.table()) {
      case "airports" -> removeOne(airports, Airport::iata, k, "airport");
      case "flights" -> removeOne(flights, f -> f.key().toString(), k, "flight");
      case "aircraft" -> removeOne(aircraft, Aircraft::registration, k, "aircraft");
      case "crew_members" -> removeOne(crewMembers, CrewMember::id, k, "crew member");
      case "rosters" -> removeOne(rosters, x -> x.flight().toString(), k, "roster of");
      case "reserve_crew" -> removeOne(reserveCrews, ReserveCrew::base, k, "reserve crew at");
      case "passengers" -> removeOne(passengers, Passenger::id, k, "passenger");
      case "bookings" -> removeAll(bookings, b -> b.flight().toString().equals(k), "bookings on " + k);
      case "cargo" -> removeAll(cargo, c -> c.flight().toString().equals(k), "cargo on " + k);
      case "cost_parameters" -> removeOne(costParameters, CostParameters::id, k, "cost parameters");
      default -> throw new IllegalStateException("unhandled table " + r.table());
    }
  }

  private void changeFlight(AirlinePatch.ChangeFlight c) {
    int i = indexOrFail(flights, f -> f.key().toString(), c.flight().toString(), "flight");
    Flight old = flights.get(i);
    Instant dep = c.departure() != null ? c.departure() : old.scheduledDeparture();
    Instant arr = c.arrival() != null ? c.arrival()
        : c.departure() != null ? dep.plus(old.blockTime()) : old.scheduledArrival();
    String origin = c.origin() != null ? c.origin() : old.origin();
    String destination = c.destination() != null ? c.destination() : old.destination();
    for (String iata : List.of(origin, destination)) {
      if (find(airports, Airport::iata, iata) < 0) {
        throw new IllegalArgumentException("airport " + iata + " is not one of the airline's; add it first with"
            + " put_airport");
      }
    }
    Flight moved = Flight.scheduled(old.number(), origin, destination, dep, arr,
        c.aircraftRegistration() != null ? c.aircraftRegistration() : old.aircraftRegistration(),
        c.aircraftType() != null ? c.aircraftType() : old.aircraftType());
    FlightKey from = old.key();
    FlightKey to = moved.key();
    if (!to.equals(from) && find(flights, f -> f.key().toString(), to.toString()) >= 0) {
      throw new IllegalArgumentException("flight " + to + " exists already");
    }
    flights.set(i, moved);
    Duration depShift = Duration.between(old.scheduledDeparture(), dep);
    Duration arrShift = Duration.between(old.scheduledArrival(), arr);
    int r = find(rosters, x -> x.flight().toString(), from.toString());
    if (r >= 0) {
      List<RosterEntry> entries = rosters.get(r).entries().stream().map(e -> new RosterEntry(e.crewId(), e.position(),
          e.dutyStart().plus(depShift), e.plannedDutyEnd().plus(arrShift))).toList();
      rosters.set(r, new CrewRoster(to, entries));
    }
    if (!to.equals(from)) {
      UnaryOperator<FlightKey> rekey = k -> from.equals(k) ? to : k;
      bookings.replaceAll(b -> new Booking(b.id(), b.passengerId(), rekey.apply(b.flight()), b.cabin(),
          b.connectingFlight() == null ? null : rekey.apply(b.connectingFlight()), b.connectionType()));
      cargo.replaceAll(s -> new CargoShipment(s.awb(), rekey.apply(s.flight()), s.commodity(), s.weightKg(),
          s.specialHandling(), s.temperature(), s.declaredValueUsd()));
    }
  }

  private void putAirport(AirlinePatch.PutAirport p) {
    int i = find(airports, Airport::iata, p.iata());
    Airport base = i >= 0 ? airports.get(i)
        : AirportCatalog.all().stream().filter(a -> a.iata().equals(p.iata())).findFirst().orElse(null);
    if (base == null && p.zone() == null) {
      throw new IllegalArgumentException("airport " + p.iata() + " is neither the airline's nor in the testkit's"
          + " catalog: zone is required");
    }
    Airport a = new Airport(p.iata(),
        p.name() != null ? p.name() : base != null ? base.name() : p.iata(),
        p.zone() != null ? p.zone() : base.zone(),
        p.latitude() != null ? p.latitude() : base != null ? base.latitude() : 0,
        p.longitude() != null ? p.longitude() : base != null ? base.longitude() : 0,
        p.curfewGiven() ? p.curfew() : base != null ? base.curfew() : null,
        p.slotCoordinated() != null ? p.slotCoordinated() : base != null && base.slotCoordinated(),
        base != null ? base.minimumConnectionTimes() : Map.of());
    if (i >= 0) {
      airports.set(i, a);
    } else {
      airports.add(a);
    }
  }

  private void addReserve(AirlinePatch.AddReserve r) {
    if (find(airports, Airport::iata, r.base()) < 0) {
      throw new IllegalArgumentException("base " + r.base() + " is not one of the airline's airports");
    }
    boolean known = find(crewMembers, CrewMember::id, r.crewId()) >= 0;
    if (known && r.position() != null) {
      throw new IllegalArgumentException("crew member " + r.crewId() + " exists: position and qualifications come"
          + " from their record, leave them out");
    }
    if (!known) {
      if (r.position() == null) {
        throw new IllegalArgumentException("crew member " + r.crewId() + " is new: position and qualifications are"
            + " required");
      }
      crewMembers.add(new CrewMember(r.crewId(), "Reserve " + r.crewId(), r.position(), r.base(), r.qualifications()));
    }
    ReserveAvailability availability = new ReserveAvailability(r.crewId(), r.from(), r.until());
    int i = find(reserveCrews, ReserveCrew::base, r.base());
    if (i < 0) {
      reserveCrews.add(new ReserveCrew(r.base(), List.of(availability)));
      return;
    }
    ReserveCrew rc = reserveCrews.get(i);
    if (rc.available().stream().anyMatch(a -> a.crewId().equals(r.crewId()))) {
      throw new IllegalArgumentException(r.crewId() + " is on reserve at " + r.base() + " already");
    }
    reserveCrews.set(i, new ReserveCrew(rc.base(), plus(rc.available(), availability)));
  }

  private void setDutyStart(AirlinePatch.SetDutyStart s) {
    int i = indexOrFail(rosters, x -> x.flight().toString(), s.flight().toString(), "roster of");
    CrewRoster roster = rosters.get(i);
    Set<String> wanted = new HashSet<>(s.crew());
    List<String> absent = s.crew().stream().filter(id -> !roster.crewIds().contains(id)).toList();
    if (!absent.isEmpty()) {
      throw new IllegalArgumentException("crew " + absent + " not rostered on " + s.flight());
    }
    rosters.set(i, new CrewRoster(roster.flight(), roster.entries().stream()
        .map(e -> wanted.contains(e.crewId()) ? new RosterEntry(e.crewId(), e.position(), s.dutyStart(),
            e.plannedDutyEnd()) : e)
        .toList()));
  }

  private void editAircraft(String registration, UnaryOperator<Aircraft> edit) {
    int i = indexOrFail(aircraft, Aircraft::registration, registration, "aircraft");
    aircraft.set(i, edit.apply(aircraft.get(i)));
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private static <T> List<T> without(List<T> list, Predicate<T> match, String what) {
    List<T> out = new ArrayList<>(list);
    removeAll(out, match, "open " + what);
    return out;
  }

  private static <T> int find(List<T> list, Function<T, String> key, String k) {
    for (int i = 0; i < list.size(); i++) {
      if (Objects.equals(key.apply(list.get(i)), k)) {
        return i;
      }
    }
    return -1;
  }

  private static <T> int indexOrFail(List<T> list, Function<T, String> key, String k, String what) {
    int i = find(list, key, k);
    if (i < 0) {
      throw new IllegalArgumentException("no " + what + " " + k + " in the airline");
    }
    return i;
  }

  private static <T> void removeOne(List<T> list, Function<T, String> key, String k, String what) {
    list.remove(indexOrFail(list, key, k, what));
  }

  private static <T> void removeAll(List<T> list, Predicate<T> match, String what) {
    if (!list.removeIf(match)) {
      throw new IllegalArgumentException("no " + what + " in the airline");
    }
  }
}
