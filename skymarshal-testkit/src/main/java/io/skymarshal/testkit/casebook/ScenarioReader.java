package io.skymarshal.testkit.casebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.json.DisruptionFormatException;
import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.core.Disruption;
import io.skymarshal.testkit.airline.AirportCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads scenario files: see CASEBOOK.md for the format. The sample airline is built once per
 * reader. Thread-safe after construction.
 */
final class ScenarioReader {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private final AirlineDataset base;

  ScenarioReader(AirlineDataset base) {
    this.base = base;
  }

  /**
   * Reads the scenario in {@code json}; {@code fileName} (without directories) must be its name
   * plus {@code .json}.
   *
   * @throws CasebookFormatException naming {@code source} and the offending field
   */
  Scenario read(String source, String fileName, String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CasebookFormatException(source, "$", "not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonFields f = JsonFields.of(source, "$", root);
    f.only("name", "description", "disruption", "airline", "expect");
    String name = f.text("name");
    if (!NAME.matcher(name).matches()) {
      throw f.error("name", "'" + name + "' must be lower-case letters, digits and '-'");
    }
    if (!fileName.equals(name + ".json")) {
      throw f.error("name", "'" + name + "' does not match the file name " + fileName + " (expected " + name
          + ".json)");
    }
    String description = f.text("description");
    JsonNode document = f.node("disruption");

    List<AirlinePatch> patches = new ArrayList<>();
    AirlineDataset airline = base;
    if (f.has("airline")) {
      DatasetEditor editor = new DatasetEditor(base);
      List<JsonFields> ops = f.objects("airline", true);
      for (int i = 0; i < ops.size(); i++) {
        AirlinePatch p = PatchReader.read(ops.get(i));
        try {
          editor.apply(p);
        } catch (IllegalArgumentException e) {
          throw new CasebookFormatException(source, "airline[" + i + "]", p.op() + " does not apply to the sample"
              + " airline: " + e.getMessage(), e);
        }
        patches.add(p);
      }
      airline = editor.build();
    }

    Disruption disruption;
    try {
      disruption = DisruptionJson.withAirports(knownAirports(airline)::contains).read(document);
    } catch (DisruptionFormatException e) {
      throw new CasebookFormatException(source, e.field().equals("$") ? "disruption" : "disruption." + e.field(),
          e.getMessage(), e);
    }

    List<Check> checks = new ArrayList<>();
    CaseContext context = new CaseContext(disruption, airline);
    List<JsonFields> entries = f.objects("expect", false);
    for (int i = 0; i < entries.size(); i++) {
      Check c = CheckReader.read(entries.get(i));
      try {
        c.validate(context);
      } catch (IllegalArgumentException e) {
        throw new CasebookFormatException(source, "expect[" + i + "]", c.code() + " cannot be checked: "
            + e.getMessage(), e);
      }
      checks.add(c);
    }
    return new Scenario(name, description, source, disruption, patches, airline, checks);
  }

  // A document may name an airport the data lacks (the testkit's catalog knows it): that is
  // missing data for the agents to find, not a bad file.
  private static Set<String> knownAirports(AirlineDataset airline) {
    Set<String> codes = new HashSet<>();
    AirportCatalog.all().forEach(a -> codes.add(a.iata()));
    airline.airports().stream().map(Airport::iata).forEach(codes::add);
    return codes;
  }
}
