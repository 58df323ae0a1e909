package io.skymarshal.testkit.casebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.core.Decision;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasebookLoaderTest {
  private static final String DOC = """
      {"disruption_id": "DISR-T-1", "timestamp": "2026-01-30T11:00:00Z", "disruption_type": "atc",
       "flight": {"flight_number": "EY123", "aircraft_registration": "A6-APA", "origin": "AUH", "destination": "LHR",
                  "scheduled_departure": "2026-01-30T14:00:00Z", "scheduled_arrival": "2026-01-30T18:30:00Z"},
       "issue_details": {"description": "ATC flow restriction", "estimated_delay_minutes": 30}}""";

  private static String scenario(String name, String airline, String expect) {
    return "{\"name\": \"" + name + "\", \"description\": \"test\", \"disruption\": " + DOC
        + (airline == null ? "" : ", \"airline\": " + airline) + ", \"expect\": " + expect + "}";
  }

  private static String valid(String name) {
    return scenario(name, null, "[{\"check\": \"status\", \"any_of\": [\"DECIDED\", \"REFERRED\"]}]");
  }

  private static Scenario read(String json) {
    return Casebook.read("dir/t.json", "t.json", json);
  }

  private static void assertRejected(ThrowingCallable read, String field, String problem) {
    assertThatThrownBy(read).isInstanceOfSatisfying(CasebookFormatException.class, e -> {
      assertThat(e.source()).isEqualTo("dir/t.json");
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.getMessage()).startsWith("scenario file dir/t.json, field '" + field + "': ").contains(problem);
    });
  }

  @Test
  void builtIn_loadsEveryScenarioOfTheFolder_uniqueByName_eachCheckingTheStatus() {
    Casebook book = Casebook.builtIn();
    assertThat(book.scenarios()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(book.scenarios()).extracting(Scenario::name).doesNotHaveDuplicates().isSorted()
        .contains("reference-ey123-hydraulic-180", "missing-roster", "conflict-route", "crew-sick-captain",
            "curfew-lhr-after-dst-just-outside", "curfew-syd-before-dst-end-just-inside", "slot-lost");
    assertThat(book.scenarios()).allSatisfy(s -> {
      assertThat(s.source()).isEqualTo("classpath:" + Casebook.RESOURCE_FOLDER + "/" + s.name() + ".json");
      assertThat(s.checks()).anySatisfy(c -> assertThat(c).isInstanceOf(Check.StatusIn.class));
      assertThat(s.description()).isNotBlank();
    });
  }

  @Test
  void builtIn_referenceScenario_isTheSampleDocumentOnTheSampleAirline() {
    Scenario s = Casebook.builtIn().scenario("reference-ey123-hydraulic-180").orElseThrow();
    assertThat(s.patches()).isEmpty();
    assertThat(s.disruption().id()).isEqualTo("DISR-2026-01-30-001");
    assertThat(s.disruption().estimatedDelay().toMinutes()).isEqualTo(180);
    assertThat(s.checks()).contains(new Check.StatusIn(java.util.Set.of(Decision.Status.DECIDED)),
        new Check.NotCancelled());
  }

  @Test
  void read_validScenario_givesDisruptionPatchedAirlineAndChecks() {
    Scenario s = read(scenario("t", "[{\"op\": \"remove\", \"table\": \"rosters\", \"key\": \"EY123/2026-01-30\"}]",
        "[{\"check\": \"referred\", \"reason\": \"DATA_MISSING\", \"agent\": \"crew_compliance\"},"
            + " {\"check\": \"delay_at_least\", \"minutes\": 30}]"));
    assertThat(s.name()).isEqualTo("t");
    assertThat(s.disruption().flight().flightNumber()).isEqualTo("EY123");
    assertThat(s.patches()).containsExactly(new AirlinePatch.Remove("rosters", "EY123/2026-01-30"));
    assertThat(s.airline().rosters()).noneMatch(r -> r.flight().toString().equals("EY123/2026-01-30"));
    assertThat(s.checks()).containsExactly(
        new Check.Referred(io.skymarshal.core.Clearance.Reason.DATA_MISSING, "crew_compliance"),
        new Check.DelayAtLeast(java.time.Duration.ofMinutes(30)));
  }

  @Test
  void read_notJson_isRejectedForTheWholeFile() {
    assertRejected(() -> read("{\"name\": "), "$", "not valid JSON");
    assertRejected(() -> read("[]"), "$", "must be a JSON object");
  }

  @Test
  void read_unknownTopLevelField_isRejectedByName() {
    assertRejected(() -> read(valid("t").replace("\"expect\"", "\"expects\"")), "expects", "unknown field");
  }

  @Test
  void read_unknownFieldOfACheckOrPatch_isRejectedWithItsPath() {
    assertRejected(() -> read(scenario("t", null, "[{\"check\": \"not_cancelled\", \"why\": \"x\"}]")),
        "expect[0].why", "unknown field");
    assertRejected(() -> read(scenario("t", "[{\"op\": \"remove\", \"table\": \"rosters\", \"key\": \"EY123/2026-01-30\","
        + " \"note\": 1}]", "[{\"check\": \"not_cancelled\"}]")), "airline[0].note", "unknown field");
  }

  @Test
  void read_unknownCheckOrOp_listsTheKnownOnes() {
    assertRejected(() -> read(scenario("t", null, "[{\"check\": \"safe\"}]")), "expect[0].check",
        "'safe' is not one of [status, action,");
    assertRejected(() -> read(scenario("t", "[{\"op\": \"break\"}]", "[{\"check\": \"not_cancelled\"}]")),
        "airline[0].op", "'break' is not one of [remove,");
  }

  @Test
  void read_badValues_areRejectedWithTheirPath() {
    assertRejected(() -> read(scenario("t", null, "[{\"check\": \"status\", \"any_of\": [\"OK\"]}]")),
        "expect[0].any_of", "'OK' is not one of [DECIDED, DEGRADED, REFERRED, HALTED]");
    assertRejected(() -> read(scenario("t", null, "[{\"check\": \"status\", \"any_of\": []}]")),
        "expect[0].any_of", "must not be empty");
    assertRejected(() -> read(scenario("t", null, "[{\"check\": \"delay_at_least\", \"minutes\": -5}]")),
        "expect[0].minutes", "whole number");
    assertRejected(() -> read(scenario("t", null, "[{\"check\": \"departs_by\", \"time\": \"14:15\"}]")),
        "expect[0].time", "ISO-8601 instant");
    assertRejected(() -> read(scenario("t", null, "[{\"check\": \"referred\"}]")), "expect[0].reason", "is required");
    assertRejected(() -> read(scenario("t", null, "[]")), "expect", "must not be empty");
  }

  @Test
  void read_checkThatCannotBeEvaluatedOnTheScenario_isRejected() {
    assertRejected(() -> read(scenario("t", null, "[{\"check\": \"arrival_outside_curfew\", \"airport\": \"AUH\"}]")),
        "expect[0]", "no curfew");
    assertRejected(() -> read(scenario("t", null, "[{\"check\": \"crew_not_flying\", \"crew_id\": \"C90075\"}]")),
        "expect[0]", "C90075 is not rostered");
  }

  @Test
  void read_patchThatDoesNotApply_isRejectedWithItsIndex() {
    assertRejected(() -> read(scenario("t", "[{\"op\": \"put_airport\", \"iata\": \"AUH\", \"slot_coordinated\": true},"
        + " {\"op\": \"remove\", \"table\": \"aircraft\", \"key\": \"A6-XXX\"}]", "[{\"check\": \"not_cancelled\"}]")),
        "airline[1]", "no aircraft A6-XXX in the airline");
    assertRejected(() -> read(scenario("t", "[{\"op\": \"remove\", \"table\": \"planes\", \"key\": \"A6-APA\"}]",
        "[{\"check\": \"not_cancelled\"}]")), "airline[0].op", "table 'planes' is not one of");
  }

  @Test
  void read_badDisruptionDocument_namesTheDocumentField() {
    assertRejected(() -> read(valid("t").replace("\"scheduled_arrival\": \"2026-01-30T18:30:00Z\"",
        "\"scheduled_arrival\": \"18:30\"")), "disruption.flight.scheduled_arrival", "ISO-8601");
    assertRejected(() -> read(valid("t").replace("\"destination\": \"LHR\"", "\"destination\": \"XYZ\"")),
        "disruption.flight.destination", "unknown airport 'XYZ'");
  }

  @Test
  void read_nameMustBeTheFileName() {
    assertRejected(() -> read(valid("other")), "name", "does not match the file name t.json");
    assertThatThrownBy(() -> Casebook.read("dir/T X.json", "T X.json", valid("T X")))
        .isInstanceOf(CasebookFormatException.class).hasMessageContaining("lower-case letters");
  }

  @Test
  void fromDirectory_readsItsJsonFiles_andPlusRejectsANameUsedTwice(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("my-case.json"), valid("my-case"));
    Files.writeString(dir.resolve("notes.txt"), "not a scenario");
    Casebook mine = Casebook.fromDirectory(dir);
    assertThat(mine.scenarios()).extracting(Scenario::name).containsExactly("my-case");
    assertThat(mine.scenarios().get(0).source()).isEqualTo(dir.resolve("my-case.json").toString());
    Casebook all = Casebook.builtIn().plus(mine);
    assertThat(all.scenarios()).hasSize(Casebook.builtIn().scenarios().size() + 1);

    Files.writeString(dir.resolve("slot-lost.json"), valid("slot-lost"));
    assertThatThrownBy(() -> Casebook.builtIn().plus(Casebook.fromDirectory(dir)))
        .isInstanceOf(CasebookFormatException.class)
        .hasMessageContaining(dir.resolve("slot-lost.json").toString())
        .hasMessageContaining("also the name of classpath:" + Casebook.RESOURCE_FOLDER + "/slot-lost.json");
  }

  @Test
  void fromDirectory_aBadFile_failsNamingIt(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, valid("bad").replace("\"description\"", "\"descripton\""));
    assertThatThrownBy(() -> Casebook.fromDirectory(dir)).isInstanceOfSatisfying(CasebookFormatException.class, e -> {
      assertThat(e.source()).isEqualTo(bad.toString());
      assertThat(e.field()).isEqualTo("descripton");
    });
    assertThatThrownBy(() -> Casebook.fromDirectory(dir.resolve("absent")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
  }

  @Test
  void builtIn_fromAJar_readsTheFolderAndNothingBeneathIt(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("scenarios.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      // directory entries, as Maven's jar plugin and the jar tool write them
      for (String folder : List.of("io/", "io/skymarshal/", "io/skymarshal/testkit/", Casebook.RESOURCE_FOLDER + "/")) {
        out.putNextEntry(new JarEntry(folder));
        out.closeEntry();
      }
      for (String name : List.of("in-jar", "nested/deeper")) {
        out.putNextEntry(new JarEntry(Casebook.RESOURCE_FOLDER + "/" + name + ".json"));
        out.write(valid(name.substring(name.indexOf('/') + 1)).getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry(Casebook.RESOURCE_FOLDER + "/README.txt"));
      out.closeEntry();
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Casebook book = Casebook.builtIn(loader);
      assertThat(book.scenarios()).extracting(Scenario::name).containsExactly("in-jar");
      assertThat(book.scenarios().get(0).source()).isEqualTo("classpath:" + Casebook.RESOURCE_FOLDER + "/in-jar.json");
    }
  }

  @Test
  void of_rejectsDuplicateNames() {
    Scenario s = read(valid("t"));
    assertThatThrownBy(() -> Casebook.of(List.of(s, s))).isInstanceOf(CasebookFormatException.class)
        .hasMessageContaining("'t' is also the name of dir/t.json");
  }
}
