package io.skymarshal.airline.agent;

import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.airline.constraint.AircraftRestricted;
import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.airline.constraint.CrewUnavailable;
import io.skymarshal.airline.constraint.Curfew;
import io.skymarshal.airline.constraint.Slot;
import io.skymarshal.model.ReplyFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The JSON schemas of the agreed agent and arbitrator replies. */
final class ReplyFormats {
  private static final String TIME = "{\"type\":\"string\",\"format\":\"date-time\"}";
  /** The fields of each constraint kind besides kind and subject. */
  private static final Map<String, List<String>> KIND_FIELDS = Map.of(
      CrewDutyLimit.KIND, List.of("latestRelease", "postFlightMinutes"),
      AircraftGrounded.KIND, List.of("until"),
      AircraftRestricted.KIND, List.of("restriction", "until"),
      Curfew.KIND, List.of("from", "to", "zone", "bufferMinutes", "movement"),
      Slot.KIND, List.of("latestDeparture"),
      CrewUnavailable.KIND, List.of("reason"));
  /** The schema of each field. */
  private static final Map<String, String> FIELD = Map.ofEntries(
      Map.entry("latestRelease", TIME), Map.entry("postFlightMinutes", "{\"type\":\"integer\",\"minimum\":0}"),
      Map.entry("until", TIME), Map.entry("restriction", "{\"type\":\"string\"}"),
      Map.entry("from", "{\"type\":\"string\"}"), Map.entry("to", "{\"type\":\"string\"}"),
      Map.entry("zone", "{\"type\":\"string\"}"), Map.entry("bufferMinutes", "{\"type\":\"integer\",\"minimum\":0}"),
      Map.entry("movement", "{\"enum\":[\"arrival\",\"departure\"]}"), Map.entry("latestDeparture", TIME),
      Map.entry("reason", "{\"type\":\"string\"}"));

  private ReplyFormats() {}

  /**
   * The reply of an agent whose actions are {@code vocabulary} and that states constraints of
   * {@code kinds} (none for a business agent); tool name {@code <agent>_reply}.
   */
  static ReplyFormat agent(String agent, List<String> vocabulary, List<String> kinds) {
    return agent(agent, vocabulary, kinds, false);
  }

  /**
   * As {@link #agent(String, List, List)}; with {@code refs}, an optional {@code refs} array of the
   * ids ({@code b1}, {@code b2}, ...) of computed constraints in the prompt's {@code <bound>} that the
   * reply relies on instead of restating them.
   */
  static ReplyFormat agent(String agent, List<String> vocabulary, List<String> kinds, boolean refs) {
    String constraints = kinds.isEmpty() ? "{\"type\":\"array\",\"maxItems\":0}"
        : "{\"type\":\"array\",\"items\":" + constraint(kinds) + "}";
    String schema = "{\"type\":\"object\",\"required\":[\"action\",\"confidence\",\"constraints\",\"reasoning\"],"
        + "\"additionalProperties\":false,\"properties\":{"
        + "\"action\":{\"enum\":" + quoted(vocabulary) + "},"
        + "\"confidence\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1},"
        + "\"constraints\":" + constraints + ","
        + "\"reasoning\":{\"type\":\"string\"},"
        + (refs ? "\"refs\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"pattern\":\"^b[0-9]+$\"}}," : "")
        + "\"figures\":{\"type\":\"object\",\"additionalProperties\":{\"type\":[\"string\",\"number\",\"boolean\"]}}}}";
    return new ReplyFormat(agent + "_reply", schema);
  }

  private static String constraint(List<String> kinds) {
    StringBuilder props = new StringBuilder("\"kind\":{\"enum\":" + quoted(kinds) + "},\"subject\":{\"type\":\"string\"}");
    Set<String> fields = new LinkedHashSet<>();
    kinds.forEach(k -> fields.addAll(KIND_FIELDS.get(k)));
    fields.forEach(f -> props.append(",\"").append(f).append("\":").append(FIELD.get(f)));
    return "{\"type\":\"object\",\"required\":[\"kind\",\"subject\"],\"additionalProperties\":false,"
        + "\"properties\":{" + props + "}}";
  }

  /** The arbitrator's reply. */
  static ReplyFormat arbitrator() {
    String schema = "{\"type\":\"object\",\"required\":[\"action\",\"operates\",\"confidence\",\"summary\",\"rationale\"],"
        + "\"additionalProperties\":false,\"properties\":{"
        + "\"action\":{\"enum\":" + quoted(BusinessActions.ALL) + "},"
        + "\"operates\":{\"type\":\"boolean\"},\"departure\":" + TIME + ",\"arrival\":" + TIME + ","
        + "\"aircraft\":{\"type\":\"string\"},\"crewReplaced\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
        + "\"crewAdded\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
        + "\"confidence\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1},"
        + "\"summary\":{\"type\":\"string\"},\"rationale\":{\"type\":\"string\"},"
        + "\"conflictsResolved\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
        + "\"constraintsHonoured\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}";
    return new ReplyFormat("arbitrator_ruling", schema);
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
  }
}
