package io.skymarshal.airline.agent;

import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.Booking;
import io.skymarshal.airline.CabinClass;
import io.skymarshal.airline.ConnectionType;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightBookings;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.LoyaltyTier;
import io.skymarshal.airline.Passenger;
import io.skymarshal.airline.rules.ConnectionRules;
import io.skymarshal.airline.rules.Eu261;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * guest_experience (BUSINESS): the passengers. Reads the flight's bookings, then at once the
 * passengers (hundreds of keys, chunked by the reader), the onward flights and the two airports.
 * Passengers are summed up (cabins, loyalty tiers, VIPs, special service requests) and
 * connections grouped by onward flight and connection type with their minimum connection time;
 * the route's EU 261 band is computed in code.
 */
final class GuestExperienceAgent extends AirlineAgent {
  static final String NAME = "guest_experience";
  private final ConnectionRules connections;
  private final Eu261 eu261;

  GuestExperienceAgent(PromptOptions style, ConnectionRules connections, Eu261 eu261) {
    super(NAME, Tier.BUSINESS, BusinessActions.ALL, List.of(), style);
    this.connections = connections;
    this.eu261 = eu261;
  }

  @Override
  public AgentInput gather(Disruption disruption, DataAccess data) {
    FlightRef ref = disruption.flight();
    FlightKey key = Keys.flight(disruption);
    Reads reads = new Reads(data);
    FlightBookings fb = reads.start(AirlineTables.BOOKINGS, List.of(key)).found().get(key);
    List<Booking> bookings = fb == null ? List.of() : fb.bookings();
    Set<String> paxIds = new LinkedHashSet<>();
    Set<FlightKey> onward = new LinkedHashSet<>();
    for (Booking b : bookings) {
      paxIds.add(b.passengerId());
      if (b.connects()) {
        onward.add(b.connectingFlight());
      }
    }
    var pax = reads.start(AirlineTables.PASSENGERS, paxIds);
    var flights = reads.start(AirlineTables.FLIGHTS, onward);
    var airports = reads.start(AirlineTables.AIRPORTS, List.of(ref.origin(), ref.destination()));
    Map<String, Passenger> passengers = pax.found();
    Map<FlightKey, Flight> onwardFlights = flights.found();
    Map<String, Airport> apts = airports.found();

    XmlElement.Builder out = XmlElement.builder("data").child(summary(bookings, passengers));
    Airport dest = apts.get(ref.destination());
    connections(bookings, onwardFlights, dest).forEach(out::child);
    out.child(Routes.route(apts.get(ref.origin()), dest, eu261));
    return new AgentInput(out.children(reads.notes()).build());
  }

  private static XmlElement summary(List<Booking> bookings, Map<String, Passenger> passengers) {
    Map<CabinClass, Integer> cabins = new EnumMap<>(CabinClass.class);
    Map<LoyaltyTier, Integer> tiers = new EnumMap<>(LoyaltyTier.class);
    Map<String, Integer> ssr = new TreeMap<>();
    int vip = 0;
    for (Booking b : bookings) {
      cabins.merge(b.cabin(), 1, Integer::sum);
      Passenger p = passengers.get(b.passengerId());
      if (p != null) {
        tiers.merge(p.tier(), 1, Integer::sum);
        vip += p.vip() ? 1 : 0;
        p.specialNeeds().forEach(s -> ssr.merge(s, 1, Integer::sum));
      }
    }
    StringBuilder ssrText = new StringBuilder();
    ssr.forEach((code, n) -> ssrText.append(ssrText.length() == 0 ? "" : ",").append(code).append(':').append(n));
    return XmlElement.builder("pax").attr("n", bookings.size())
        .attr("first", cabins.get(CabinClass.FIRST)).attr("business", cabins.get(CabinClass.BUSINESS))
        .attr("economy", cabins.get(CabinClass.ECONOMY)).attr("vip", vip == 0 ? null : vip)
        .attr("platinum", tiers.get(LoyaltyTier.PLATINUM)).attr("gold", tiers.get(LoyaltyTier.GOLD))
        .attr("silver", tiers.get(LoyaltyTier.SILVER)).attr("ssr", ssrText.length() == 0 ? null : ssrText.toString())
        .build();
  }

  /** One {@code <conn no dep to type n mct>} per onward flight and connection type. */
  private List<XmlElement> connections(List<Booking> bookings, Map<FlightKey, Flight> onward, Airport dest) {
    Map<FlightKey, Map<ConnectionType, Integer>> groups = new LinkedHashMap<>();
    for (Booking b : bookings) {
      if (b.connects()) {
        groups.computeIfAbsent(b.connectingFlight(), k -> new EnumMap<>(ConnectionType.class))
            .merge(b.connectionType(), 1, Integer::sum);
      }
    }
    List<XmlElement> out = new java.util.ArrayList<>();
    groups.forEach((k, byType) -> byType.forEach((type, n) -> {
      Flight f = onward.get(k);
      out.add(XmlElement.builder("conn").attr("no", k.flightNumber())
          .attr("dep", f == null ? null : f.scheduledDeparture()).attr("to", f == null ? null : f.destination())
          .attr("type", type).attr("n", n)
          .attr("mct", dest == null ? null : PromptValues.minutes(connections.minimumConnectionTime(dest, type)))
          .build());
    }));
    return out;
  }
}
