package io.skymarshal.airline.json;

import io.skymarshal.airline.Airport;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.InvalidDisruptionException;
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
 * {@code severity} is low, medium (default), high or critical (any case). Every value must keep
 * the limits of {@link Disruption} (sizes per field and in total, the flight number's format,
 * plausible times), the same limits {@link Disruption#builder()} applies; a document may be at
 * most {@value #MAX_DOCUMENT_LENGTH} characters long and nested at most {@value #MAX_DEPTH}
 * levels deep. Errors are {@link DisruptionFormatException}s naming the field by its path in the
 * document and quoting at most a short, escaped excerpt of it. An optional section
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
  /** At most this many facts are accepted ({@link Disruption#MAX_FACTS}); a larger document is rejected, not cut. */
  public static final int MAX_FACTS = Disruption.MAX_FACTS;
  /** Longest accepted text of a fact or the description, in characters ({@link Disruption#MAX_TEXT_LENGTH}). */
  public static final int MAX_TEXT_LENGTH = Disruption.MAX_TEXT_LENGTH;
  /** Longest accepted document, in characters (or bytes from a stream): 1,000,000. */
  public static final int MAX_DOCUMENT_LENGTH = 1_000_000;
  /** Deepest accepted nesting of objects and arrays in a document: 32 levels. */
  public static final int MAX_DEPTH = 32;

  // text after the document is an error, not ignored: a document is exactly one JSON object
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(MAX_DOCUMENT_LENGTH)
              .maxNestingDepth(MAX_DEPTH).build())
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
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
      throw notJson(e);
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
      throw notJson(e);
    } catch (IOException e) {
      throw new DisruptionFormatException("$", "could not be read: " + InvalidDisruptionException.excerpt(
          String.valueOf(e.getMessage()), 120), e);
    }
  }

  // Jackson's messages quote the document: only an escaped excerpt of them is passed on
  private static DisruptionFormatException notJson(JsonProcessingException e) {
    String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr();
    if (e instanceof StreamConstraintsException) {
      // the reader's own limits (document length, nesting, names, numbers); the message quotes no input
      return new DisruptionFormatException("$", "breaks a limit of the reader" + where + ": "
          + InvalidDisruptionException.excerpt(String.valueOf(e.getOriginalMessage()), 200), e);
    }
    return new DisruptionFormatException("$", "not valid JSON" + where + ": "
        + InvalidDisruptionException.excerpt(String.valueOf(e.getOriginalMessage()), 120), e);
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
