package io.skymarshal.airline.json;

import static io.skymarshal.core.InvalidDisruptionException.excerpt;

import com.fasterxml.jackson.databind.JsonNode;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Impact;
import io.skymarshal.core.InvalidDisruptionException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads one disruption document for {@link DisruptionJson}; every error names its field. The
 * reader checks the document's shape (required fields, JSON types, known airports); the limits
 * on values are {@link Disruption}'s own, applied by its builder, so a document and a builder
 * accept exactly the same disruptions. Messages quote the document only through
 * {@link InvalidDisruptionException#excerpt}.
 */
final class DisruptionReader {
  static final Set<String> TOP = Set.of("disruption_id", "timestamp", "disruption_type", "severity");
  static final Set<String> FLIGHT = Set.of("flight_number", "aircraft_type", "aircraft_registration", "origin",
      "destination", "scheduled_departure", "scheduled_arrival");
  static final Set<String> ISSUE = Set.of("description", "estimated_delay_minutes");
  static final Set<String> IMPACT = Set.of("passengers_affected", "vip_passengers", "connecting_passengers",
      "cargo_shipments", "special_cargo", "crew_affected");
  static final String FACTS = "facts";
  /** The builder's names of the flight's fields, by their names in the document. */
  private static final Map<String, String> FLIGHT_FIELDS = Map.of(
      "flight.flightNumber", "flight.flight_number",
      "flight.scheduledDeparture", "flight.scheduled_departure",
      "flight.scheduledArrival", "flight.scheduled_arrival",
      "flight.aircraftType", "flight.aircraft_type",
      "flight.aircraftRegistration", "flight.aircraft_registration");

  private final JsonNode root;
  private final Predicate<String> knownAirport;
  private final Disruption.Builder b = Disruption.builder();
  private String originPath = "flight.origin";
  private String destinationPath = "flight.destination";

  DisruptionReader(JsonNode root, Predicate<String> knownAirport) {
    this.root = root;
    this.knownAirport = knownAirport;
  }

  Disruption read() {
    if (root == null || !root.isObject()) {
      throw new DisruptionFormatException("$", "must be a JSON object but was " + (root == null ? "nothing" : shown(root)));
    }
    String id = text(root, "disruption_id", "disruption_id");
    at("disruption_id", () -> b.id(id));
    Instant detected = instant(root, "timestamp", "timestamp");
    at("timestamp", () -> b.detectedAt(detected));
    String type = text(root, "disruption_type", "disruption_type");
    at("disruption_type", () -> b.type(type));
    if (root.hasNonNull("severity")) {
      String severity = text(root, "severity", "severity").toLowerCase(Locale.ROOT);
      at("severity", () -> b.severity(severity));
    }
    JsonNode flight = object(root, "flight", "flight", true);
    FlightRef ref = flight(flight);
    try {
      b.flight(ref);
    } catch (InvalidDisruptionException e) {
      String field = switch (e.field()) {
        case "flight.origin" -> originPath;
        case "flight.destination" -> destinationPath;
        default -> FLIGHT_FIELDS.getOrDefault(e.field(), "flight");
      };
      throw new DisruptionFormatException(field, e.problem(), e);
    }
    JsonNode issue = object(root, "issue_details", "issue_details", false);
    if (issue != null) {
      JsonNode description = issue.get("description");
      if (description != null && !description.isNull()) {
        if (!description.isTextual()) {
          throw new DisruptionFormatException("issue_details.description", "must be a string but was " + shown(description));
        }
        at("issue_details.description", () -> b.description(description.asText()));
      }
      if (issue.hasNonNull("estimated_delay_minutes")) {
        long minutes = count(issue, "estimated_delay_minutes", "issue_details.estimated_delay_minutes",
            Disruption.MAX_ESTIMATED_DELAY.toMinutes());
        at("issue_details.estimated_delay_minutes", () -> b.estimatedDelay(Duration.ofMinutes(minutes)));
      }
    }
    JsonNode impact = object(root, "impact", "impact", false);
    if (impact != null) {
      Impact i = impact(impact);
      try {
        b.impact(i);
      } catch (InvalidDisruptionException e) {
        throw new DisruptionFormatException(e.field().replace("impact.specialCargo", "impact.special_cargo"),
            e.problem(), e);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      switch (name) {
        // a section given as JSON null is absent: object(...) returned null for it
        case "flight" -> remaining(flight, FLIGHT, "flight");
        case "issue_details" -> remaining(issue, ISSUE, "issue_details");
        case "impact" -> remaining(impact, IMPACT, "impact");
        case FACTS -> {
          if (!e.getValue().isNull()) {
            verbatimFacts(e.getValue());
          }
        }
        default -> {
          if (!TOP.contains(name)) {
            fact(name, e.getValue(), 1);
          }
        }
      }
    }
    Disruption[] built = new Disruption[1];
    at("$", () -> built[0] = b.build());
    return built[0];
  }

  /** Runs a builder step, naming {@code path} if the value is outside the limits. */
  private static void at(String path, Runnable step) {
    try {
      step.run();
    } catch (InvalidDisruptionException e) {
      throw new DisruptionFormatException(path, e.problem(), e);
    }
  }

  private FlightRef flight(JsonNode f) {
    String number = text(f, "flight_number", "flight.flight_number");
    String origin = airport(f, "origin");
    String destination = airport(f, "destination");
    Instant dep = instant(f, "scheduled_departure", "flight.scheduled_departure");
    Instant arr = instant(f, "scheduled_arrival", "flight.scheduled_arrival");
    if (arr.isBefore(dep)) {
      throw new DisruptionFormatException("flight.scheduled_arrival", arr + " is before the scheduled departure " + dep);
    }
    String type = f.hasNonNull("aircraft_type") ? text(f, "aircraft_type", "flight.aircraft_type") : null;
    String reg = f.hasNonNull("aircraft_registration")
        ? text(f, "aircraft_registration", "flight.aircraft_registration") : null;
    return new FlightRef(number, origin, destination, dep, arr, type, reg);
  }

  private String airport(JsonNode flight, String name) {
    String path = "flight." + name;
    JsonNode v = flight.get(name);
    if (v != null && v.isObject()) {
      v = v.get("iata");
      path += ".iata";
    }
    if (name.equals("origin")) {
      originPath = path;
    } else {
      destinationPath = path;
    }
    if (v == null || v.isNull()) {
      throw new DisruptionFormatException(path, "is required");
    }
    if (!v.isTextual()) {
      throw new DisruptionFormatException(path, "must be an IATA code string but was " + shown(v));
    }
    String code = v.asText().trim().toUpperCase(Locale.ROOT);
    if (!code.matches("[A-Z]{3}")) {
      throw new DisruptionFormatException(path, excerpt(v.asText()) + " is not a 3-letter IATA code");
    }
    if (!knownAirport.test(code)) {
      throw new DisruptionFormatException(path, "unknown airport '" + code + "'");
    }
    return code;
  }

  private Impact impact(JsonNode i) {
    List<String> special = new ArrayList<>();
    JsonNode s = i.get("special_cargo");
    if (s != null && !s.isNull()) {
      if (s.isTextual()) {
        special.add(s.asText());
      } else if (s.isArray()) {
        if (s.size() > Disruption.MAX_SPECIAL_CARGO) {
          throw new DisruptionFormatException("impact.special_cargo", s.size() + " kinds, more than "
              + Disruption.MAX_SPECIAL_CARGO);
        }
        for (int k = 0; k < s.size(); k++) {
          if (!s.get(k).isTextual()) {
            throw new DisruptionFormatException("impact.special_cargo[" + k + "]", "must be a string but was "
                + shown(s.get(k)));
          }
          special.add(s.get(k).asText());
        }
      } else {
        throw new DisruptionFormatException("impact.special_cargo", "must be an array of strings but was " + shown(s));
      }
    }
    return new Impact(impactCount(i, "passengers_affected"), impactCount(i, "vip_passengers"),
        impactCount(i, "connecting_passengers"), impactCount(i, "cargo_shipments"), special,
        impactCount(i, "crew_affected"));
  }

  private int impactCount(JsonNode i, String field) {
    return i.hasNonNull(field) ? (int) count(i, field, "impact." + field, Integer.MAX_VALUE) : 0;
  }

  private void remaining(JsonNode section, Set<String> consumed, String prefix) {
    if (section == null) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      boolean airportObject = prefix.equals("flight") && (e.getKey().equals("origin") || e.getKey().equals("destination"))
          && e.getValue().isObject();
      if (airportObject) {
        for (Iterator<Map.Entry<String, JsonNode>> a = e.getValue().fields(); a.hasNext(); ) {
          Map.Entry<String, JsonNode> f = a.next();
          if (!f.getKey().equals("iata")) {
            fact(prefix + "." + e.getKey() + "." + f.getKey(), f.getValue(), 3);
          }
        }
      } else if (!consumed.contains(e.getKey())) {
        fact(prefix + "." + e.getKey(), e.getValue(), 2);
      }
    }
  }

  private void verbatimFacts(JsonNode node) {
    if (!node.isObject()) {
      throw new DisruptionFormatException(FACTS, "must be an object of named facts but was " + shown(node));
    }
    node.fields().forEachRemaining(e -> put(e.getKey(), e.getValue()));
  }

  // Nested objects flatten to dotted names, so every leaf is kept as a fact.
  private void fact(String name, JsonNode v, int depth) {
    if (depth > DisruptionJson.MAX_DEPTH) {
      throw new DisruptionFormatException(name, "is nested deeper than " + DisruptionJson.MAX_DEPTH + " levels");
    }
    if (v.isObject() && !v.isEmpty()) {
      v.fields().forEachRemaining(e -> fact(name + "." + e.getKey(), e.getValue(), depth + 1));
    } else {
      put(name, v);
    }
  }

  private void put(String name, JsonNode v) {
    String text;
    if (v.isValueNode()) {
      text = v.asText();
    } else if (v.isArray() && allScalars(v)) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(x.asText()));
      text = String.join(", ", parts);
    } else {
      if (deeperThan(v, DisruptionJson.MAX_DEPTH)) {
        throw new DisruptionFormatException(name, "is nested deeper than " + DisruptionJson.MAX_DEPTH + " levels");
      }
      text = v.toString();
    }
    at(name, () -> b.fact(name, text));
  }

  private static boolean deeperThan(JsonNode v, int levels) {
    if (!v.isContainerNode()) {
      return false;
    }
    if (levels == 0) {
      return true;
    }
    for (JsonNode child : v) {
      if (deeperThan(child, levels - 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allScalars(JsonNode array) {
    for (JsonNode x : array) {
      if (!x.isValueNode()) {
        return false;
      }
    }
    return true;
  }

  /** A value for a message: its kind, and for a scalar a short escaped excerpt. */
  static String shown(JsonNode v) {
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return "the string " + excerpt(v.asText());
    }
    return v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + excerpt(v.asText());
  }

  private static JsonNode object(JsonNode parent, String name, String path, boolean required) {
    JsonNode v = parent.get(name);
    if (v == null || v.isNull()) {
      if (required) {
        throw new DisruptionFormatException(path, "is required");
      }
      return null;
    }
    if (!v.isObject()) {
      throw new DisruptionFormatException(path, "must be an object but was " + shown(v));
    }
    return v;
  }

  private static String text(JsonNode parent, String name, String path) {
    JsonNode v = parent.get(name);
    if (v == null || v.isNull()) {
      throw new DisruptionFormatException(path, "is required");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new DisruptionFormatException(path, "must be a non-blank string but was " + shown(v));
    }
    return v.asText();
  }

  private static Instant instant(JsonNode parent, String name, String path) {
    String s = text(parent, name, path);
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeException e) {
      throw new DisruptionFormatException(path, excerpt(s) + " is not an ISO-8601 instant with a zone offset, "
          + "such as 2026-01-30T14:00:00Z");
    }
  }

  private static long count(JsonNode parent, String name, String path, long max) {
    JsonNode v = parent.get(name);
    if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong() || v.asLong() < 0 || v.asLong() > max) {
      throw new DisruptionFormatException(path, "must be a whole number in [0, " + max + "] but was " + shown(v));
    }
    return v.asLong();
  }
}
