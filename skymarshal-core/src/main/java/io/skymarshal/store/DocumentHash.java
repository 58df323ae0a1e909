package io.skymarshal.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Impact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of a disruption's canonical content: every field of the {@link Disruption} as
 * compact JSON with fields in a fixed order, facts sorted by name, special cargo sorted, times
 * as ISO-8601 instants and durations in seconds. Two documents that differ only in the order of
 * their facts or in whitespace hash alike; any change of a value changes the hash. Stateless and
 * thread-safe.
 */
public final class DocumentHash {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DocumentHash() {}

  /** The hash of {@code disruption}: 64 lower-case hex digits. */
  public static String of(Disruption disruption) {
    byte[] canonical = canonical(disruption).getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The canonical text that {@link #of} hashes. */
  static String canonical(Disruption d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", d.id());
    n.put("detectedAt", String.valueOf(d.detectedAt()));
    n.put("type", d.type());
    n.put("severity", d.severity());
    FlightRef f = d.flight();
    ObjectNode fl = n.putObject("flight");
    fl.put("number", f.flightNumber()).put("origin", f.origin()).put("destination", f.destination())
        .put("departure", f.scheduledDeparture().toString()).put("arrival", f.scheduledArrival().toString())
        .put("aircraftType", f.aircraftType()).put("registration", f.aircraftRegistration());
    n.put("description", d.description());
    n.put("estimatedDelaySeconds", d.estimatedDelay().toSeconds());
    Impact i = d.impact();
    ObjectNode im = n.putObject("impact");
    im.put("passengers", i.passengers()).put("vip", i.vipPassengers()).put("connecting", i.connectingPassengers())
        .put("cargoShipments", i.cargoShipments()).put("crew", i.crew());
    ArrayNode cargo = im.putArray("specialCargo");
    i.specialCargo().stream().sorted().forEach(cargo::add);
    ObjectNode facts = n.putObject("facts");
    for (Map.Entry<String, String> e : new TreeMap<>(d.facts()).entrySet()) {
      facts.put(e.getKey(), e.getValue());
    }
    return n.toString();
  }
}
