package io.skymarshal.airline.agent;

import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Impact;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;

/** The {@code <disruption>} element every airline prompt starts with. Stateless. */
final class DisruptionXml {

  private DisruptionXml() {}

  /**
   * {@code <disruption id type sev at delay>} with {@code <flt>}, {@code <impact>} (when known),
   * {@code <desc>} (when not empty) and one {@code <fact k v/>} per fact, in order. Free text
   * stays text: the description and facts are untrusted and only ever escaped values.
   */
  static XmlElement of(Disruption d) {
    FlightRef f = d.flight();
    XmlElement.Builder b = XmlElement.builder("disruption").attr("id", d.id()).attr("type", d.type())
        .attr("sev", d.severity()).attr("at", d.detectedAt()).attr("delay", PromptValues.minutes(d.estimatedDelay()))
        .child(XmlElement.builder("flt").attr("no", f.flightNumber()).attr("from", f.origin()).attr("to", f.destination())
            .attr("dep", f.scheduledDeparture()).attr("arr", f.scheduledArrival()).attr("type", f.aircraftType())
            .attr("reg", f.aircraftRegistration()));
    Impact i = d.impact();
    if (!i.equals(Impact.NONE)) {
      b.child(XmlElement.builder("impact").attr("pax", i.passengers()).attr("vip", i.vipPassengers())
          .attr("conn", i.connectingPassengers()).attr("cargo", i.cargoShipments()).attr("crew", i.crew())
          .attr("special", i.specialCargo().isEmpty() ? null : String.join(",", i.specialCargo())));
    }
    if (!d.description().isEmpty()) {
      b.child(XmlElement.text("desc", d.description()));
    }
    d.facts().forEach((k, v) -> b.child(XmlElement.builder("fact").attr("k", k).attr("v", v)));
    return b.build();
  }
}
