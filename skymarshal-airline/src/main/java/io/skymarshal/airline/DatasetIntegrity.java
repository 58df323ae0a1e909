package io.skymarshal.airline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Finds the broken references and duplicate keys of a dataset; see {@link AirlineDataset#integrityProblems()}. */
final class DatasetIntegrity {
  private static final int MAX_PROBLEMS = 1_000;
  private final AirlineDataset d;
  private final List<String> problems = new ArrayList<>();

  DatasetIntegrity(AirlineDataset d) {
    this.d = d;
  }

  List<String> problems() {
    Map<String, Airport> airports = index(d.airports(), Airport::iata, "airport");
    Map<FlightKey, Flight> flights = index(d.flights(), Flight::key, "flight");
    Map<String, Aircraft> aircraft = index(d.aircraft(), Aircraft::registration, "aircraft");
    Map<String, CrewMember> crew = index(d.crewMembers(), CrewMember::id, "crew member");
    Map<String, Passenger> passengers = index(d.passengers(), Passenger::id, "passenger");
    index(d.rosters(), CrewRoster::flight, "roster");
    index(d.reserveCrews(), ReserveCrew::base, "reserve crew base");
    index(d.bookings(), Booking::id, "booking");
    index(d.cargo(), CargoShipment::awb, "shipment");
    index(d.costParameters(), CostParameters::id, "cost parameters");

    for (Flight f : d.flights()) {
      need(airports.containsKey(f.origin()), () -> "flight " + f.key() + ": unknown origin " + f.origin());
      need(airports.containsKey(f.destination()), () -> "flight " + f.key() + ": unknown destination " + f.destination());
      Aircraft a = aircraft.get(f.aircraftRegistration());
      need(a != null, () -> "flight " + f.key() + ": unknown aircraft " + f.aircraftRegistration());
      need(a == null || a.type().equals(f.aircraftType()), () -> "flight " + f.key() + ": type " + f.aircraftType()
          + " but aircraft " + f.aircraftRegistration() + " is a " + a.type());
    }
    for (Aircraft a : d.aircraft()) {
      need(airports.containsKey(a.homeBase()), () -> "aircraft " + a.registration() + ": unknown home base " + a.homeBase());
    }
    for (CrewMember c : d.crewMembers()) {
      need(airports.containsKey(c.base()), () -> "crew member " + c.id() + ": unknown base " + c.base());
    }
    for (CrewRoster r : d.rosters()) {
      need(flights.containsKey(r.flight()), () -> "roster of unknown flight " + r.flight());
      for (RosterEntry e : r.entries()) {
        need(crew.containsKey(e.crewId()), () -> "roster of " + r.flight() + ": unknown crew member " + e.crewId());
      }
    }
    for (ReserveCrew r : d.reserveCrews()) {
      need(airports.containsKey(r.base()), () -> "reserve crew: unknown base " + r.base());
      for (ReserveAvailability a : r.available()) {
        need(crew.containsKey(a.crewId()), () -> "reserve crew at " + r.base() + ": unknown crew member " + a.crewId());
      }
    }
    for (Booking b : d.bookings()) {
      need(passengers.containsKey(b.passengerId()), () -> "booking " + b.id() + ": unknown passenger " + b.passengerId());
      Flight f = flights.get(b.flight());
      need(f != null, () -> "booking " + b.id() + ": unknown flight " + b.flight());
      if (b.connects()) {
        Flight next = flights.get(b.connectingFlight());
        need(next != null, () -> "booking " + b.id() + ": unknown connecting flight " + b.connectingFlight());
        need(f == null || next == null || next.origin().equals(f.destination()), () -> "booking " + b.id()
            + ": connecting flight " + next.key() + " leaves " + next.origin() + ", not " + f.destination());
      }
    }
    for (CargoShipment c : d.cargo()) {
      need(flights.containsKey(c.flight()), () -> "shipment " + c.awb() + ": unknown flight " + c.flight());
    }
    return List.copyOf(problems);
  }

  private <K, V> Map<K, V> index(List<V> values, Function<V, K> key, String what) {
    Map<K, V> out = new HashMap<>(values.size() * 2);
    Set<K> reported = new HashSet<>();
    for (V v : values) {
      K k = key.apply(v);
      if (out.putIfAbsent(k, v) != null && reported.add(k)) {
        need(false, () -> "duplicate " + what + " " + k);
      }
    }
    return out;
  }

  private void need(boolean ok, java.util.function.Supplier<String> problem) {
    if (!ok && problems.size() < MAX_PROBLEMS) {
      problems.add(problem.get());
    }
  }
}
