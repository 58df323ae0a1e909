package io.skymarshal.airline.agent;

import io.skymarshal.airline.Airport;
import io.skymarshal.airline.rules.Eu261;
import io.skymarshal.prompt.XmlElement;

/** The route facts computed in code for guest_experience and finance. */
final class Routes {

  private Routes() {}

  /** {@code <route km eur>}: great-circle distance and EU 261 compensation per passenger; null if an airport is unknown. */
  static XmlElement route(Airport origin, Airport dest, Eu261 eu261) {
    if (origin == null || dest == null) {
      return null;
    }
    double km = Eu261.greatCircleKm(origin, dest);
    return XmlElement.builder("route").attr("km", Math.round(km)).attr("eur", eu261.compensationEur(km)).build();
  }
}
