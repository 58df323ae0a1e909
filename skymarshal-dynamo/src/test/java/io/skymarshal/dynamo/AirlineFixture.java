package io.skymarshal.dynamo;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.Booking;
import io.skymarshal.airline.CabinClass;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.ConnectionType;
import io.skymarshal.airline.CostParameters;
import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewPosition;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightStatus;
import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.airline.LoyaltyTier;
import io.skymarshal.airline.MelCategory;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.Passenger;
import io.skymarshal.airline.ReserveAvailability;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.airline.SpecialHandling;
import io.skymarshal.airline.TemperatureClass;
import io.skymarshal.airline.WorkOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small airline that exercises every field the mappers handle: optional values present and
 * absent, empty sets, nested lists, exact decimals with trailing zeros, a flight with no roster.
 */
final class AirlineFixture {
  static final Instant T0 = Instant.parse("2026-01-30T06:00:00Z");

  private AirlineFixture() {}

  static AirlineDataset dataset() {
    Airport auh = new Airport("AUH", "Abu Dhabi", ZoneId.of("Asia/Dubai"), 24.433, 54.6511, null, false,
        Map.of(ConnectionType.SAME_TERMINAL, Duration.ofMinutes(60), ConnectionType.INTERLINE, Duration.ofMinutes(120)));
    Airport lhr = new Airport("LHR", "London Heathrow", ZoneId.of("Europe/London"), 51.47, -0.4543,
        LocalTimeWindow.parse("23:00", "06:00"), true, Map.of());
    Flight f1 = Flight.scheduled("EY11", "AUH", "LHR", T0, T0.plus(Duration.ofHours(7)), "A6-APA", "A380");
    Flight f2 = new Flight("EY12", f1.date(), "LHR", "AUH", T0.plus(Duration.ofHours(9)),
        T0.plus(Duration.ofHours(16)), T0.plus(Duration.ofMinutes(9 * 60 + 45)), T0.plus(Duration.ofMinutes(16 * 60 + 45)),
        "A6-APA", "A380", FlightStatus.DELAYED);
    Flight f3 = Flight.scheduled("EY13", "AUH", "LHR", T0.plus(Duration.ofHours(2)),
        T0.plus(Duration.ofHours(9)), "A6-BLA", "B789");
    Aircraft apa = new Aircraft("A6-APA", "A380", "AUH", 498,
        List.of(new MelItem("MEL-21-01", MelCategory.A, "Pack 2 inoperative", T0.minus(Duration.ofHours(30)),
            Duration.ofHours(72), "max FL310"), MelItem.of("MEL-33-02", MelCategory.C, "Cabin light", T0)),
        List.of(new WorkOrder("WO-1", "Borescope engine 3", T0.plus(Duration.ofDays(1)), Duration.ofHours(5), true)));
    Aircraft bla = new Aircraft("A6-BLA", "B789", "AUH", 299, List.of(), List.of());
    List<CrewMember> crew = List.of(
        new CrewMember("C1", "Aisha Rahman", CrewPosition.CAPTAIN, "AUH", Set.of("A380", "B789")),
        new CrewMember("C2", "Tom Berg", CrewPosition.FIRST_OFFICER, "AUH", Set.of("A380")),
        new CrewMember("C3", "Lena Ito", CrewPosition.PURSER, "AUH", Set.of()),
        new CrewMember("C4", "Omar Said", CrewPosition.CABIN_CREW, "LHR", Set.of()));
    CrewRoster r1 = new CrewRoster(f1.key(), List.of(
        new RosterEntry("C2", CrewPosition.FIRST_OFFICER, T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(8))),
        new RosterEntry("C1", CrewPosition.CAPTAIN, T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(8))),
        new RosterEntry("C3", CrewPosition.PURSER, T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(8)))));
    CrewRoster r2 = new CrewRoster(f2.key(), List.of(
        new RosterEntry("C1", CrewPosition.CAPTAIN, T0.plus(Duration.ofHours(8)), T0.plus(Duration.ofHours(17)))));
    ReserveCrew reserve = new ReserveCrew("AUH", List.of(
        new ReserveAvailability("C4", T0, T0.plus(Duration.ofHours(12)))));
    List<Passenger> pax = List.of(
        new Passenger("P1", "Maya Chen", LoyaltyTier.PLATINUM, true, Set.of("WCHR", "MEDA")),
        new Passenger("P2", "Jon Park", LoyaltyTier.NONE, false, Set.of()),
        new Passenger("P3", "Ana Silva", LoyaltyTier.GOLD, false, Set.of("UMNR")));
    List<Booking> bookings = List.of(
        Booking.pointToPoint("B9", "P2", f1.key(), CabinClass.ECONOMY),
        new Booking("B1", "P1", f1.key(), CabinClass.FIRST, f2.key(), ConnectionType.SAME_TERMINAL),
        Booking.pointToPoint("B5", "P3", f3.key(), CabinClass.BUSINESS));
    List<CargoShipment> cargo = List.of(
        new CargoShipment("607-00000001", f1.key(), "Pharmaceuticals", 412.5, Set.of(SpecialHandling.PIL),
            TemperatureClass.REF, new BigDecimal("250000.50")),
        new CargoShipment("607-00000002", f1.key(), "Machine parts", 1200, Set.of(), TemperatureClass.NONE,
            new BigDecimal("0.00")),
        new CargoShipment("607-00000003", f3.key(), "Live lobsters", 80.25,
            Set.of(SpecialHandling.PER, SpecialHandling.AVI), TemperatureClass.COL, new BigDecimal("1.50")));
    AirlineDataset.Builder b = AirlineDataset.builder().airport(auh).airport(lhr).flight(f1).flight(f2).flight(f3)
        .aircraft(apa).aircraft(bla).roster(r1).roster(r2).reserveCrew(reserve).costParameters(CostParameters.defaults());
    crew.forEach(b::crewMember);
    pax.forEach(b::passenger);
    bookings.forEach(b::booking);
    cargo.forEach(b::cargo);
    return b.build();
  }
}
