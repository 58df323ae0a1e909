package io.skymarshal.airline.agent;

import io.skymarshal.airline.Flight;
import io.skymarshal.prompt.XmlElement;

/** Flights in agents' data. */
final class FlightXml {

  private FlightXml() {}

  /** {@code <est dep arr status>}: the flight's current estimate, read from the flights table. */
  static XmlElement estimate(Flight f) {
    return XmlElement.builder("est").attr("dep", f.estimatedDeparture()).attr("arr", f.estimatedArrival())
        .attr("status", f.status()).build();
  }

  /** {@code <f no from to dep arr>}: a flight on its schedule. */
  static XmlElement.Builder leg(String name, Flight f) {
    return XmlElement.builder(name).attr("no", f.number()).attr("from", f.origin()).attr("to", f.destination())
        .attr("dep", f.scheduledDeparture()).attr("arr", f.scheduledArrival());
  }
}
