package io.skymarshal.testkit.airline;

import io.skymarshal.airline.Booking;
import io.skymarshal.airline.CabinClass;
import io.skymarshal.airline.ConnectionType;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.LoyaltyTier;
import io.skymarshal.airline.Passenger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Books passengers: each flight's load is proportional to its seats (a load factor of 70-95 %)
 * scaled to the wanted total and never above the seats. A share of those arriving at the hub
 * connect onto a hub departure between the minimum connection time and 8 hours later: they
 * hold one booking on each flight.
 */
final class BookingBuilder {
  private static final double CONNECTING_SHARE = 0.35;
  private static final Duration MAX_CONNECTION = Duration.ofHours(8);
  private static final List<String> NEEDS = List.of("WCHR", "WCHS", "UMNR", "MEDA", "BLND", "DEAF", "PETC");

  private final Random random;
  private final String hub;
  private int nextPassenger = 1;
  private int nextBooking = 1;
  final List<Passenger> passengers = new ArrayList<>();
  final List<Booking> bookings = new ArrayList<>();

  BookingBuilder(Random random, String hub) {
    this.random = random;
    this.hub = hub;
  }

  BookingBuilder book(List<Flight> flights, Map<String, Integer> seatsByRegistration, int targetBookings) {
    Map<Flight, Integer> target = targets(flights, seatsByRegistration, targetBookings);
    Map<Flight, Integer> booked = new HashMap<>();
    List<Flight> departures = flights.stream().filter(f -> f.origin().equals(hub))
        .sorted(Comparator.comparing(Flight::scheduledDeparture)).toList();
    for (Flight inbound : flights) {
      if (!inbound.destination().equals(hub)) {
        continue;
      }
      int connecting = (int) Math.round(target.get(inbound) * CONNECTING_SHARE);
      List<Flight> onward = departures.stream().filter(d -> !d.destination().equals(inbound.origin())
          && !d.scheduledDeparture().isBefore(inbound.scheduledArrival().plus(AirportCatalog.HUB_MCT.get(
              ConnectionType.SAME_TERMINAL)))
          && !d.scheduledDeparture().isAfter(inbound.scheduledArrival().plus(MAX_CONNECTION))).toList();
      int made = 0;
      for (int attempt = 0; made < connecting && attempt < 3 * connecting && !onward.isEmpty(); attempt++) {
        Flight next = onward.get(random.nextInt(onward.size()));
        ConnectionType type = random.nextDouble() < 0.75 ? ConnectionType.SAME_TERMINAL : ConnectionType.TERMINAL_CHANGE;
        boolean fits = !next.scheduledDeparture().isBefore(inbound.scheduledArrival()
            .plus(AirportCatalog.HUB_MCT.get(type)));
        if (booked.getOrDefault(next, 0) >= target.get(next) || !fits) {
          continue;
        }
        Passenger p = passenger();
        CabinClass cabin = cabin(inbound);
        bookings.add(new Booking(bookingId(), p.id(), inbound.key(), cabin, next.key(), type));
        bookings.add(Booking.pointToPoint(bookingId(), p.id(), next.key(), cabin));
        booked.merge(inbound, 1, Integer::sum);
        booked.merge(next, 1, Integer::sum);
        made++;
      }
    }
    for (Flight f : flights) {
      for (int i = booked.getOrDefault(f, 0); i < target.get(f); i++) {
        bookings.add(Booking.pointToPoint(bookingId(), passenger().id(), f.key(), cabin(f)));
      }
    }
    return this;
  }

  private Map<Flight, Integer> targets(List<Flight> flights, Map<String, Integer> seats, int targetBookings) {
    Map<Flight, Double> raw = new HashMap<>();
    double sum = 0;
    for (Flight f : flights) {
      double load = seats.get(f.aircraftRegistration()) * (0.70 + 0.25 * random.nextDouble());
      raw.put(f, load);
      sum += load;
    }
    double scale = sum == 0 ? 0 : targetBookings / sum;
    Map<Flight, Integer> out = new HashMap<>();
    for (Flight f : flights) {
      out.put(f, (int) Math.min(seats.get(f.aircraftRegistration()), Math.round(raw.get(f) * scale)));
    }
    return out;
  }

  private Passenger passenger() {
    double t = random.nextDouble();
    LoyaltyTier tier = t < 0.70 ? LoyaltyTier.NONE : t < 0.85 ? LoyaltyTier.SILVER : t < 0.95 ? LoyaltyTier.GOLD
        : LoyaltyTier.PLATINUM;
    boolean vip = random.nextDouble() < 0.005;
    Set<String> needs = random.nextDouble() < 0.03 ? Set.of(NEEDS.get(random.nextInt(NEEDS.size()))) : Set.of();
    Passenger p = new Passenger(id('P', nextPassenger++), Names.person(random), tier, vip, needs);
    passengers.add(p);
    return p;
  }

  private CabinClass cabin(Flight f) {
    double c = random.nextDouble();
    if (f.aircraftType().equals("A380") && c < 0.02) {
      return CabinClass.FIRST;
    }
    return c < 0.14 ? CabinClass.BUSINESS : CabinClass.ECONOMY;
  }

  private String bookingId() {
    return id('B', nextBooking++);
  }

  // String.format is measurably slow at 60,000 calls; ids are a letter and 7 digits.
  private static String id(char prefix, int n) {
    String digits = Integer.toString(n);
    return prefix + "0000000".substring(Math.min(7, digits.length())) + digits;
  }
}
