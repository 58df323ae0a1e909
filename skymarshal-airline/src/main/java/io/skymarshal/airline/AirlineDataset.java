package io.skymarshal.airline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * All the records of one airline, as held by an in-memory store or loaded into DynamoDB.
 * Immutable; lists are copied. Construction does not check referential integrity (a test may
 * want a dataset with a crew member missing); {@link #integrityProblems()} does.
 *
 * @param airports       airports, unique by IATA code
 * @param flights        flights, unique by {@link Flight#key()}
 * @param aircraft       aircraft, unique by registration
 * @param crewMembers    crew members, unique by id
 * @param rosters        one roster per flight at most
 * @param reserveCrews   reserve crew, one per base at most
 * @param passengers     passengers, unique by id
 * @param bookings       bookings, unique by id
 * @param cargo          cargo shipments, unique by AWB
 * @param costParameters cost parameter sets, unique by id
 */
public record AirlineDataset(List<Airport> airports, List<Flight> flights, List<Aircraft> aircraft,
    List<CrewMember> crewMembers, List<CrewRoster> rosters, List<ReserveCrew> reserveCrews,
    List<Passenger> passengers, List<Booking> bookings, List<CargoShipment> cargo,
    List<CostParameters> costParameters) {

  public AirlineDataset {
    airports = List.copyOf(airports);
    flights = List.copyOf(flights);
    aircraft = List.copyOf(aircraft);
    crewMembers = List.copyOf(crewMembers);
    rosters = List.copyOf(rosters);
    reserveCrews = List.copyOf(reserveCrews);
    passengers = List.copyOf(passengers);
    bookings = List.copyOf(bookings);
    cargo = List.copyOf(cargo);
    costParameters = List.copyOf(costParameters);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every flight's bookings, in flight order: an item (possibly with no bookings) for each flight,
   * plus one for any flight a booking names that is not in {@link #flights()}.
   */
  public Map<FlightKey, FlightBookings> bookingsByFlight() {
    Map<FlightKey, List<Booking>> byFlight = new LinkedHashMap<>();
    flights.forEach(f -> byFlight.put(f.key(), new ArrayList<>()));
    bookings.forEach(b -> byFlight.computeIfAbsent(b.flight(), k -> new ArrayList<>()).add(b));
    Map<FlightKey, FlightBookings> out = new LinkedHashMap<>();
    byFlight.forEach((k, list) -> out.put(k, new FlightBookings(k, list)));
    return out;
  }

  /** Every flight's cargo, like {@link #bookingsByFlight()}. */
  public Map<FlightKey, FlightCargo> cargoByFlight() {
    Map<FlightKey, List<CargoShipment>> byFlight = new LinkedHashMap<>();
    flights.forEach(f -> byFlight.put(f.key(), new ArrayList<>()));
    cargo.forEach(c -> byFlight.computeIfAbsent(c.flight(), k -> new ArrayList<>()).add(c));
    Map<FlightKey, FlightCargo> out = new LinkedHashMap<>();
    byFlight.forEach((k, list) -> out.put(k, new FlightCargo(k, list)));
    return out;
  }

  /** Every flight's roster; a flight with none gets an empty roster. */
  public Map<FlightKey, CrewRoster> rostersByFlight() {
    Map<FlightKey, CrewRoster> out = new LinkedHashMap<>();
    flights.forEach(f -> out.put(f.key(), new CrewRoster(f.key(), List.of())));
    rosters.forEach(r -> out.put(r.flight(), r));
    return out;
  }

  /** Each aircraft's flights per UTC date, in departure order. */
  public List<AircraftRotation> rotations() {
    Map<RotationKey, List<Flight>> byDay = new LinkedHashMap<>();
    flights.stream()
        .sorted(Comparator.comparing(Flight::scheduledDeparture).thenComparing(Flight::number))
        .forEach(f -> byDay.computeIfAbsent(new RotationKey(f.aircraftRegistration(), f.date()),
            k -> new ArrayList<>()).add(f));
    List<AircraftRotation> out = new ArrayList<>(byDay.size());
    byDay.forEach((k, list) -> out.add(new AircraftRotation(k.registration(), k.date(),
        list.stream().map(Flight::key).toList())));
    return out;
  }

  /**
   * Referential-integrity problems, one line each; empty when every reference resolves: flights'
   * airports and aircraft (with the aircraft's type), rostered crew, reserve crew, bookings'
   * passengers and flights (a connection leaving from where the flight lands), cargo flights,
   * bases; and duplicate keys.
   */
  public List<String> integrityProblems() {
    return new DatasetIntegrity(this).problems();
  }

  /** Builds an {@link AirlineDataset}. Not thread-safe. Every list starts empty. */
  public static final class Builder {
    private final List<Airport> airports = new ArrayList<>();
    private final List<Flight> flights = new ArrayList<>();
    private final List<Aircraft> aircraft = new ArrayList<>();
    private final List<CrewMember> crewMembers = new ArrayList<>();
    private final List<CrewRoster> rosters = new ArrayList<>();
    private final List<ReserveCrew> reserveCrews = new ArrayList<>();
    private final List<Passenger> passengers = new ArrayList<>();
    private final List<Booking> bookings = new ArrayList<>();
    private final List<CargoShipment> cargo = new ArrayList<>();
    private final List<CostParameters> costParameters = new ArrayList<>();

    private Builder() {}

    public Builder airport(Airport a) { airports.add(Objects.requireNonNull(a, "airport")); return this; }
    public Builder flight(Flight f) { flights.add(Objects.requireNonNull(f, "flight")); return this; }
    public Builder aircraft(Aircraft a) { aircraft.add(Objects.requireNonNull(a, "aircraft")); return this; }
    public Builder crewMember(CrewMember c) { crewMembers.add(Objects.requireNonNull(c, "crewMember")); return this; }
    public Builder roster(CrewRoster r) { rosters.add(Objects.requireNonNull(r, "roster")); return this; }
    public Builder reserveCrew(ReserveCrew r) { reserveCrews.add(Objects.requireNonNull(r, "reserveCrew")); return this; }
    public Builder passenger(Passenger p) { passengers.add(Objects.requireNonNull(p, "passenger")); return this; }
    public Builder booking(Booking b) { bookings.add(Objects.requireNonNull(b, "booking")); return this; }
    public Builder cargo(CargoShipment c) { cargo.add(Objects.requireNonNull(c, "cargo")); return this; }
    public Builder costParameters(CostParameters c) { costParameters.add(Objects.requireNonNull(c, "costParameters")); return this; }

    public AirlineDataset build() {
      return new AirlineDataset(airports, flights, aircraft, crewMembers, rosters, reserveCrews, passengers,
          bookings, cargo, costParameters);
    }
  }
}
