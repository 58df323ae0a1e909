package io.skymarshal.airline.agent;

import io.skymarshal.airline.constraint.BindingConstraints;
import io.skymarshal.model.ReplyFormat;
import java.util.List;
import java.util.stream.Collectors;

/** The JSON schemas of the agreed agent and arbitrator replies. */
final class ReplyFormats {
  private static final String TIME = "{\"type\":\"string\",\"format\":\"date-time\"}";
  private static final String CONSTRAINT = "{\"type\":\"object\",\"required\":[\"kind\",\"subject\"],"
      + "\"additionalProperties\":false,\"properties\":{"
      + "\"kind\":{\"enum\":" + quoted(BindingConstraints.KINDS) + "},"
      + "\"subject\":{\"type\":\"string\"},"
      + "\"latestRelease\":" + TIME + ",\"postFlightMinutes\":{\"type\":\"integer\",\"minimum\":0},"
      + "\"until\":" + TIME + ",\"restriction\":{\"type\":\"string\"},"
      + "\"from\":{\"type\":\"string\",\"pattern\":\"^\\\\d{2}:\\\\d{2}$\"},"
      + "\"to\":{\"type\":\"string\",\"pattern\":\"^\\\\d{2}:\\\\d{2}$\"},"
      + "\"zone\":{\"type\":\"string\"},\"bufferMinutes\":{\"type\":\"integer\",\"minimum\":0},"
      + "\"movement\":{\"enum\":[\"arrival\",\"departure\"]},"
      + "\"latestDeparture\":" + TIME + "}}";

  private ReplyFormats() {}

  /** The reply of an agent whose actions are {@code vocabulary}; tool name {@code <agent>_reply}. */
  static ReplyFormat agent(String agent, List<String> vocabulary) {
    String schema = "{\"type\":\"object\",\"required\":[\"action\",\"confidence\",\"constraints\",\"reasoning\"],"
        + "\"additionalProperties\":false,\"properties\":{"
        + "\"action\":{\"enum\":" + quoted(vocabulary) + "},"
        + "\"confidence\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1},"
        + "\"constraints\":{\"type\":\"array\",\"items\":" + CONSTRAINT + "},"
        + "\"reasoning\":{\"type\":\"string\"},"
        + "\"figures\":{\"type\":\"object\",\"additionalProperties\":{\"type\":[\"string\",\"number\",\"boolean\"]}}}}";
    return new ReplyFormat(agent + "_reply", schema);
  }

  /** The arbitrator's reply. */
  static ReplyFormat arbitrator() {
    String schema = "{\"type\":\"object\",\"required\":[\"action\",\"operates\",\"confidence\",\"summary\",\"rationale\"],"
        + "\"additionalProperties\":false,\"properties\":{"
        + "\"action\":{\"enum\":" + quoted(BusinessActions.ALL) + "},"
        + "\"operates\":{\"type\":\"boolean\"},\"departure\":" + TIME + ",\"arrival\":" + TIME + ","
        + "\"aircraft\":{\"type\":\"string\"},\"crewReplaced\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
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
