package io.skymarshal.airline.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Impact;
import java.util.Map;

/** Writes a disruption in the shape {@link DisruptionReader} reads, facts nested back by their dotted names. */
final class DisruptionWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DisruptionWriter() {}

  static ObjectNode write(Disruption d) {
    ObjectNode root = NODES.objectNode();
    root.put("disruption_id", d.id());
    root.put("timestamp", d.detectedAt().toString());
    root.put("disruption_type", d.type());
    root.put("severity", d.severity());
    FlightRef f = d.flight();
    ObjectNode flight = root.putObject("flight");
    flight.put("flight_number", f.flightNumber());
    if (f.aircraftType() != null) {
      flight.put("aircraft_type", f.aircraftType());
    }
    if (f.aircraftRegistration() != null) {
      flight.put("aircraft_registration", f.aircraftRegistration());
    }
    flight.putObject("origin").put("iata", f.origin());
    flight.putObject("destination").put("iata", f.destination());
    flight.put("scheduled_departure", f.scheduledDeparture().toString());
    flight.put("scheduled_arrival", f.scheduledArrival().toString());
    ObjectNode issue = root.putObject("issue_details");
    issue.put("description", d.description());
    issue.put("estimated_delay_minutes", d.estimatedDelay().toMinutes());
    Impact i = d.impact();
    ObjectNode impact = root.putObject("impact");
    impact.put("passengers_affected", i.passengers());
    impact.put("vip_passengers", i.vipPassengers());
    impact.put("connecting_passengers", i.connectingPassengers());
    impact.put("cargo_shipments", i.cargoShipments());
    ArrayNode special = impact.putArray("special_cargo");
    i.specialCargo().forEach(special::add);
    impact.put("crew_affected", i.crew());
    for (Map.Entry<String, String> fact : d.facts().entrySet()) {
      if (!nest(root, fact.getKey(), fact.getValue())) {
        ObjectNode facts = root.has(DisruptionReader.FACTS) ? (ObjectNode) root.get(DisruptionReader.FACTS)
            : root.putObject(DisruptionReader.FACTS);
        facts.put(fact.getKey(), fact.getValue());
      }
    }
    return root;
  }

  // A fact goes back to its dotted path unless that path is taken or would be read back as
  // something else; it then goes under "facts", whose names are read verbatim.
  private static boolean nest(ObjectNode root, String name, String value) {
    String[] parts = name.split("\\.", -1);
    if (parts[0].equals(DisruptionReader.FACTS) || DisruptionReader.TOP.contains(parts[0])) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty()) {
        return false;
      }
    }
    if (parts.length >= 2 && reserved(parts)) {
      return false;
    }
    ObjectNode at = root;
    for (int k = 0; k < parts.length - 1; k++) {
      JsonNode next = at.get(parts[k]);
      if (next == null) {
        next = at.putObject(parts[k]);
      } else if (!next.isObject()) {
        return false;
      }
      at = (ObjectNode) next;
    }
    String leaf = parts[parts.length - 1];
    if (at.has(leaf)) {
      return false;
    }
    at.put(leaf, value);
    return true;
  }

  private static boolean reserved(String[] parts) {
    return switch (parts[0]) {
      case "flight" -> parts.length == 2 ? DisruptionReader.FLIGHT.contains(parts[1])
          : parts.length == 3 && (parts[1].equals("origin") || parts[1].equals("destination")) && parts[2].equals("iata");
      case "issue_details" -> parts.length == 2 && DisruptionReader.ISSUE.contains(parts[1]);
      case "impact" -> parts.length == 2 && DisruptionReader.IMPACT.contains(parts[1]);
      default -> false;
    };
  }
}
