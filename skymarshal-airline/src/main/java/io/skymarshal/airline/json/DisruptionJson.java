package io.skymarshal.airline.json;

import io.skymarshal.airline.Airport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.core.Disruption;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads and writes {@link Disruption}s in the JSON shape of an operations system's disruption
 * feed:
 * <pre>
 * {"disruption_id":"DISR-2026-01-30-001","timestamp":"2026-01-30T11:00:00Z",
 *  "disruption_type":"aircraft_technical_issue","severity":"high",
 *  "flight":{"flight_number":"EY123","aircraft_type":"A380","aircraft_registration":"A6-APA",
 *            "origin":{"iata":"AUH","name":"..."},"destination":{"iata":"LHR"},
 *            "scheduled_departure":"2026-01-30T14:00:00Z","scheduled_arrival":"2026-01-30T18:30:00Z"},
 *  "issue_details":{"description":"...","estimated_delay_minutes":180, ...},
 *  "impact":{"passengers_affected":615,"vip_passengers":12,"connecting_passengers":87,
 *            "cargo_shipments":15,"special_cargo":["Pharmaceuticals"],"crew_affected":18},
 *  "constraints":{...}, "business_context":{...}}
 * </pre>
 * Required: {@code disruption_id}, {@code timestamp}, {@code disruption_type}, {@code flight}
 * with its number, origin, destination and both scheduled times. Times are ISO-8601 instants
 * with {@code Z} or an offset; a local time without offset is rejected as ambiguous. Airports
 * (an object with {@code iata} or a plain code) must be known to the airport lookup.
 * {@code severity} is low, medium (default), high or critical. An optional section
 * ({@code issue_details}, {@code impact}, {@code facts}) given as JSON {@code null} is read as
 * absent.
 *
 * <p>Every other field is kept, never dropped: it becomes a {@linkplain Disruption#facts() fact}
 * named by its dotted path ({@code constraints.lhr_curfew}, {@code flight.origin.name}) with its
 * text as value (arrays of scalars joined with ", "); fields of a top-level {@code facts} object
 * keep their own names. Facts are untrusted free text: a curfew written as "23:00:00Z" stays a
 * fact, binding constraints come from the airport data. {@link #write} produces the same shape,
 * so {@code read(write(d))} gives back {@code d}. Thread-safe.
 */
public final class DisruptionJson {
  /** At most this many facts are accepted; a larger document is rejected, not cut. */
  public static final int MAX_FACTS = 500;
  /** Longest accepted text of a fact or the description, in characters. */
  public static final int MAX_TEXT_LENGTH = 10_000;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Predicate<String> knownAirport;

  private DisruptionJson(Predicate<String> knownAirport) {
    this.knownAirport = knownAirport;
  }

  /** A reader accepting the airports {@code knownAirport} accepts (by IATA code). */
  public static DisruptionJson withAirports(Predicate<String> knownAirport) {
    return new DisruptionJson(Objects.requireNonNull(knownAirport, "knownAirport"));
  }

  /** A reader accepting exactly {@code airports}. */
  public static DisruptionJson withAirports(Collection<Airport> airports) {
    Set<String> codes = airports.stream().map(Airport::iata).collect(Collectors.toUnmodifiableSet());
    return new DisruptionJson(codes::contains);
  }

  /**
   * Reads one disruption from JSON text.
   *
   * @throws DisruptionFormatException naming the field that is missing or wrong
   */
  public Disruption read(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return read(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new DisruptionFormatException("$", "not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads one disruption from a UTF-8 JSON stream; does not close it.
   *
   * @throws DisruptionFormatException naming the field that is missing or wrong, or if the stream fails
   */
  public Disruption read(InputStream in) {
    Objects.requireNonNull(in, "in");
    try {
      return read(MAPPER.readTree(in));
    } catch (JsonProcessingException e) {
      throw new DisruptionFormatException("$", "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DisruptionFormatException("$", "could not be read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads one disruption from a parsed JSON tree.
   *
   * @throws DisruptionFormatException naming the field that is missing or wrong
   */
  public Disruption read(JsonNode node) {
    return new DisruptionReader(node, knownAirport).read();
  }

  /** The JSON tree of {@code disruption}, in the shape {@link #read} accepts. */
  public static ObjectNode toJson(Disruption disruption) {
    return DisruptionWriter.write(disruption);
  }

  /** The JSON text of {@code disruption}. */
  public static String write(Disruption disruption) {
    return toJson(disruption).toString();
  }
}
