package io.skymarshal.airline.agent;

import io.skymarshal.airline.AircraftRotation;
import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.Booking;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightBookings;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.RotationKey;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.XmlElement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * network (BUSINESS): what the disruption does to the rest of the network. Reads the aircraft's
 * rotation and the flight's bookings at once, then in one batch the flight, its downstream
 * flights and the onward flights of connecting passengers. When the disruption does not name the
 * aircraft, the flight is read first to find it.
 */
final class NetworkAgent extends AirlineAgent {
  static final String NAME = "network";

  NetworkAgent(PromptOptions style) {
    super(NAME, Tier.BUSINESS, BusinessActions.ALL, List.of(), style);
  }

  @Override
  public AgentInput gather(Disruption disruption, DataAccess data) {
    FlightKey key = Keys.flight(disruption);
    RotationKey rotKey = Keys.rotation(disruption);
    Reads reads = new Reads(data);
    var bookings = reads.start(AirlineTables.BOOKINGS, List.of(key));
    Flight known = null;
    if (rotKey == null) {
      // the disruption does not name the aircraft: read the flight first (the only case with a
      // second read of the flights table)
      known = reads.start(AirlineTables.FLIGHTS, List.of(key)).found().get(key);
      rotKey = known == null ? null : new RotationKey(known.aircraftRegistration(), key.date());
    }
    var rotations = reads.start(AirlineTables.ROTATIONS, rotKey == null ? List.of() : List.of(rotKey));
    AircraftRotation rotation = rotKey == null ? null : rotations.found().get(rotKey);
    FlightBookings fb = bookings.found().get(key);

    Map<FlightKey, Integer> onward = new LinkedHashMap<>();
    if (fb != null) {
      for (Booking b : fb.bookings()) {
        if (b.connects()) {
          onward.merge(b.connectingFlight(), 1, Integer::sum);
        }
      }
    }
    Set<FlightKey> wanted = new LinkedHashSet<>();
    wanted.add(key);
    if (rotation != null) {
      wanted.addAll(rotation.flights());
    }
    wanted.addAll(onward.keySet());
    if (known != null) {
      wanted.remove(key);
    }
    Map<FlightKey, Flight> flights = new LinkedHashMap<>(reads.start(AirlineTables.FLIGHTS, wanted).found());
    if (known != null) {
      flights.put(key, known);
    }

    XmlElement.Builder out = XmlElement.builder("data");
    Flight self = flights.get(key);
    if (self != null) {
      out.child(FlightXml.estimate(self));
    }
    if (rotation != null) {
      XmlElement.Builder rot = XmlElement.builder("rot").attr("reg", rotation.registration()).attr("date", rotation.date());
      for (FlightKey k : rotation.flights()) {
        Flight f = flights.get(k);
        rot.child(f == null
            ? XmlElement.builder("leg").attr("no", k.flightNumber()).attr("this", k.equals(key) ? "1" : null)
            : FlightXml.leg("leg", f).attr("this", k.equals(key) ? "1" : null));
      }
      out.child(rot);
    }
    onward.forEach((k, n) -> {
      Flight f = flights.get(k);
      out.child(f == null
          ? XmlElement.builder("conn").attr("no", k.flightNumber()).attr("date", k.date()).attr("pax", n)
          : FlightXml.leg("conn", f).attr("pax", n));
    });
    return new AgentInput(out.children(reads.notes()).build());
  }
}
