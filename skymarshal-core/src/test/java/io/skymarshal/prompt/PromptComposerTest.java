package io.skymarshal.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Tier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptComposerTest {
  private static final Task TASK = new Task("recommend; JSON", "Please give your recommendation as JSON.");
  private static final XmlElement DISRUPTION = XmlElement.builder("disruption").attr("id", "D1").attr("delay", 180)
      .child(XmlElement.text("desc", "Hydraulic fault")).build();
  private static final XmlElement DATA = XmlElement.builder("data")
      .child(XmlElement.builder("ac").attr("reg", "A6-APA")).build();

  @Test
  void initial_writesDisruptionDataTaskAndNothingElse() {
    String text = PromptComposer.xml().initial(DISRUPTION, DATA, TASK).text();

    assertThat(text).isEqualTo("<phase1><disruption id=\"D1\" delay=\"180\"><desc>Hydraulic fault</desc></disruption>"
        + "<data><ac reg=\"A6-APA\"/></data><task>recommend; JSON</task></phase1>");
  }

  @Test
  void revision_addsOneAgentPerPeerWithConstraintsFiguresAndReasoning() {
    Recommendation peer = new Recommendation("maintenance", Tier.SAFETY, Phase.INITIAL, "AOG", 0.9,
        List.of(new Fixed("aircraft_grounded", "A6-APA", "grounded until 16:00Z")), "fault", Map.of("repairMin", "120"));

    XmlElement back = PromptXml.parse(PromptComposer.xml().revision(DISRUPTION, DATA, List.of(peer), TASK).text());

    assertThat(back.name()).isEqualTo("phase2");
    assertThat(back.children()).extracting(XmlElement::name).containsExactly("disruption", "data", "context", "task");
    XmlElement agent = back.child("context").child("agent");
    // a SAFETY peer shows its clearance: this one stated none, which counts as not cleared
    assertThat(agent.attributes()).containsExactly(Map.entry("name", "maintenance"), Map.entry("tier", "SAFETY"),
        Map.entry("act", "AOG"), Map.entry("conf", "0.9"), Map.entry("clr", "NOT_STATED"));
    assertThat(PromptXml.render(agent)).isEqualTo("<agent name=\"maintenance\" tier=\"SAFETY\" act=\"AOG\" conf=\"0.9\""
        + " clr=\"NOT_STATED\">"
        + "<c k=\"aircraft_grounded\" s=\"A6-APA\">grounded until 16:00Z</c><f k=\"repairMin\" v=\"120\"/>"
        + "<why>fault</why></agent>");
  }

  @Test
  void arbitration_listsRecsOptionsMissingAndTask() {
    Recommendation rec = new Recommendation("finance", Tier.BUSINESS, Phase.REVISION, "DELAY", 0.8, List.of(), "cheapest",
        Map.of());
    XmlElement options = XmlElement.builder("options").child(XmlElement.builder("opt").attr("id", "D").attr("ok", 1))
        .build();

    XmlElement back = PromptXml.parse(PromptComposer.xml()
        .arbitration(DISRUPTION, input(List.of(rec), "cargo", "network"), options, TASK).text());

    assertThat(back.name()).isEqualTo("arbitration");
    assertThat(back.children()).extracting(XmlElement::name)
        .containsExactly("disruption", "recs", "safety", "options", "missing", "task");
    assertThat(back.child("missing").text()).isEqualTo("cargo,network");
    assertThat(back.child("recs").child("agent").attr("name")).isEqualTo("finance");
  }

  @Test
  void arbitration_whenNothingMissing_leavesMissingOut() {
    XmlElement back = PromptXml.parse(PromptComposer.xml().arbitration(DISRUPTION, input(List.of()),
        XmlElement.builder("options").build(), TASK).text());

    assertThat(back.child("missing")).isNull();
  }

  @Test
  void initial_whenSectionMisnamed_rejectsIt() {
    assertThatThrownBy(() -> PromptComposer.xml().initial(DATA, DATA, TASK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<disruption>");
  }

  @Test
  void mergeSubjects_whenOnlySubjectsDiffer_joinsThem() {
    List<XmlElement> cs = List.of(c("C1", "01:30"), c("C2", "01:30"), c("C3", "02:00"), c("C4", "01:30"));

    assertThat(PromptComposer.mergeSubjects(cs)).containsExactly(c("C1,C2", "01:30"), c("C3", "02:00"), c("C4", "01:30"));
  }

  @Test
  void mergeSubjects_whenSubjectHasComma_keepsElementsApart() {
    List<XmlElement> cs = List.of(c("C1,X", "01:30"), c("C2", "01:30"));

    assertThat(PromptComposer.mergeSubjects(cs)).isEqualTo(cs);
  }

  @Test
  void verbose_carriesTheSameValuesAsProseAndJson() throws Exception {
    PromptComposer verbose = PromptComposer.builder().style(PromptStyle.VERBOSE)
        .glossary(Map.of("reg", "aircraft_registration", "ac", "aircraft")).build();

    OptimizedPrompt p = verbose.initial(DISRUPTION, DATA, TASK);

    assertThat(p.style()).isEqualTo(PromptStyle.VERBOSE);
    assertThat(p.text()).contains("## Disruption", "## Data", "## Your task\nPlease give your recommendation as JSON.")
        .doesNotContain("<phase1>", "recommend; JSON");
    String dataJson = p.text().split("```json\n")[2].split("\n```")[0];
    JsonNode data = new ObjectMapper().readTree(dataJson);
    assertThat(data.get("aircraft").get("aircraft_registration").asText()).isEqualTo("A6-APA");
    String disruptionJson = p.text().split("```json\n")[1].split("\n```")[0];
    JsonNode d = new ObjectMapper().readTree(disruptionJson);
    assertThat(d.get("id").asText()).isEqualTo("D1");
    assertThat(d.get("delay").asText()).isEqualTo("180");
    assertThat(d.get("desc").asText()).isEqualTo("Hydraulic fault");
  }

  @Test
  void withStyle_keepsConfiguration() {
    PromptComposer c = PromptComposer.builder().glossary(Map.of("ac", "aircraft")).build().withStyle(PromptStyle.VERBOSE);

    assertThat(c.initial(DISRUPTION, DATA, TASK).text()).contains("\"aircraft\"");
  }

  private static XmlElement c(String s, String latest) {
    return XmlElement.builder("c").attr("k", "crew_duty_limit").attr("s", s).attr("latest", latest).build();
  }

  private record Fixed(String kind, String subject, String describe) implements BindingConstraint {
    @Override
    public Optional<String> violationBy(ActionPlan plan) {
      return Optional.empty();
    }
  }

  static io.skymarshal.core.ArbitrationInput input(List<Recommendation> revised, String... missing) {
    List<io.skymarshal.core.MissingAgent> m = new java.util.ArrayList<>();
    for (String name : missing) {
      m.add(new io.skymarshal.core.MissingAgent(name, Tier.BUSINESS, Phase.INITIAL, io.skymarshal.core.CallStatus.FAILED,
          "test"));
    }
    List<io.skymarshal.core.BindingConstraint> safety = revised.stream().filter(r -> r.tier() == Tier.SAFETY)
        .flatMap(r -> r.constraints().stream()).toList();
    return new io.skymarshal.core.ArbitrationInput(revised, m, safety, io.skymarshal.core.CheckedResources.none());
  }
}
