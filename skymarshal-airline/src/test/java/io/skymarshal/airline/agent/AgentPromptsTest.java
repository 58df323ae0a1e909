package io.skymarshal.airline.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.prompt.PromptXml;
import io.skymarshal.prompt.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentPromptsTest {
  private static final Disruption D = SampleAirline.disruption();
  private static final DataAccess DATA = AirlineData.inMemory(SampleAirline.dataset().build());
  /** Words of prose meant for people; none belongs in a compact prompt. */
  private static final List<String> FILLER = List.of("Please", "please", "You ", "you ", "The following", "Here is",
      "Thank", "carefully", "analyse", "## ");

  @SuppressWarnings("unchecked")
  private static String prompt(AgentSpec<?> spec, Phase phase, List<Recommendation> peers) {
    AgentSpec<AgentInput> a = (AgentSpec<AgentInput>) spec;
    return a.prompt(phase, D, a.gather(D, DATA), peers).text();
  }

  private static List<Recommendation> peersOf(String self) {
    List<Recommendation> out = new ArrayList<>();
    for (String n : AirlineAgents.NAMES) {
      if (!n.equals(self)) {
        Tier t = AirlineAgents.NAMES.indexOf(n) < 3 ? Tier.SAFETY : Tier.BUSINESS;
        out.add(new Recommendation(n, t, Phase.INITIAL, t == Tier.SAFETY ? "AOG" : "DELAY", 0.8, List.of(), "r " + n,
            Map.of()));
      }
    }
    return out;
  }

  @Test
  void all_areTheSevenAgentsInOrderWithTheirTiers() {
    List<AgentSpec<?>> all = AirlineAgents.all();

    assertThat(all).extracting(AgentSpec::name).containsExactly("crew_compliance", "maintenance", "regulatory",
        "network", "guest_experience", "cargo", "finance");
    assertThat(all).extracting(AgentSpec::tier).containsExactly(Tier.SAFETY, Tier.SAFETY, Tier.SAFETY, Tier.BUSINESS,
        Tier.BUSINESS, Tier.BUSINESS, Tier.BUSINESS);
    assertThat(all).allSatisfy(a -> assertThat(a.replyFormat().name()).isEqualTo(a.name() + "_reply"));
  }

  @Test
  void initial_isCompactXmlWithDisruptionDataAndTaskOnly() {
    for (AgentSpec<?> a : AirlineAgents.all()) {
      String text = prompt(a, Phase.INITIAL, List.of());
      XmlElement root = PromptXml.parse(text);

      assertThat(root.name()).as(a.name()).isEqualTo("phase1");
      assertThat(root.children()).extracting(XmlElement::name).as(a.name()).containsExactly("disruption", "data", "task");
      assertThat(root.child("disruption").child("flt").attributes()).containsEntry("no", "EY123")
          .containsEntry("reg", "A6-APA").containsEntry("dep", "2026-01-30T14:00Z");
      assertThat(text).as(a.name()).doesNotContain("\n", "> <", "  ");
      FILLER.forEach(w -> assertThat(text).as(a.name() + " has filler '" + w + "'").doesNotContain(w));
    }
  }

  @Test
  void revision_addsOneAgentPerPeerInOrder() {
    for (AgentSpec<?> a : AirlineAgents.all()) {
      XmlElement root = PromptXml.parse(prompt(a, Phase.REVISION, peersOf(a.name())));

      assertThat(root.name()).isEqualTo("phase2");
      assertThat(root.children()).extracting(XmlElement::name).containsExactly("disruption", "data", "context", "task");
      List<String> expected = new ArrayList<>(AirlineAgents.NAMES);
      expected.remove(a.name());
      assertThat(root.child("context").children()).extracting(e -> e.attr("name")).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void prompt_whenArbitrationPhase_isRejected() {
    AgentSpec<?> a = AirlineAgents.all().get(0);

    assertThatThrownBy(() -> prompt(a, Phase.ARBITRATION, List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void arbitration_listsRecsOptionsAndMissingAgents() {
    ArbitratorSpec arb = AirlineAgents.arbitrator();
    List<Recommendation> revised = List.of(new Recommendation("maintenance", Tier.SAFETY, Phase.REVISION, "AOG", 0.9,
        List.of(new io.skymarshal.airline.constraint.AircraftGrounded("A6-APA",
            java.time.Instant.parse("2026-01-30T16:00:00Z"))), "repair", Map.of()));

    io.skymarshal.core.ArbitrationInput input = new io.skymarshal.core.ArbitrationInput(revised,
        List.of(new io.skymarshal.core.MissingAgent("cargo", Tier.BUSINESS, Phase.INITIAL,
            io.skymarshal.core.CallStatus.FAILED, "test")),
        revised.get(0).constraints(), io.skymarshal.core.CheckedResources.aircraft(List.of("A6-APA")));
    String text = arb.prompt(D, input).text();
    XmlElement root = PromptXml.parse(text);

    assertThat(root.children()).extracting(XmlElement::name)
        .containsExactly("disruption", "recs", "safety", "options", "missing", "task");
    assertThat(root.child("safety").child("c").attributes()).containsExactly(
        Map.entry("k", "aircraft_grounded"), Map.entry("s", "A6-APA"), Map.entry("until", "2026-01-30T16:00Z"));
    assertThat(root.child("safety").child("checked").attr("ac")).isEqualTo("A6-APA");
    assertThat(root.child("recs").child("agent").children("c")).isEmpty();
    assertThat(root.child("options").children()).extracting(o -> o.attr("id") + ":" + o.attr("act") + ":" + o.attr("ok"))
        .containsExactly("D:DELAY:1", "X:CANCEL:1");
    assertThat(root.child("missing").text()).isEqualTo("cargo");
    FILLER.forEach(w -> assertThat(text).doesNotContain(w));
  }

  @Test
  void verbose_carriesEveryValueOfTheXmlPrompt() {
    List<AgentSpec<?>> xml = AirlineAgents.all();
    List<AgentSpec<?>> verbose = AirlineAgents.all(PromptStyle.VERBOSE);
    for (int i = 0; i < xml.size(); i++) {
      String x = prompt(xml.get(i), Phase.REVISION, peersOf(xml.get(i).name()));
      String v = prompt(verbose.get(i), Phase.REVISION, peersOf(xml.get(i).name()));

      assertThat(v).contains("Please", "```json");
      for (String value : leafValues(PromptXml.parse(x))) {
        assertThat(v).as(xml.get(i).name() + " VERBOSE lacks " + value).contains(value);
      }
    }
  }

  @Test
  void systemPrompts_carryTheDomainRulesEachAgentApplies() {
    Map<String, List<String>> rules = Map.of(
        "crew_compliance", List.of("13h with 1-2 pilots", "16h with 3", "18h with 4+", ">= 12h", "exceeded 10h",
            ">= 18h after long haul"),
        "maintenance", List.of("A as stated in the item", "B 3 days", "C 10 days", "D 120 days", "expired: AOG"),
        "regulatory", List.of("local time", "15 min buffer", "more than 15 min after schedule loses the slot"),
        "network", List.of("each hour of delay adds 30 min to each later leg"),
        "guest_experience", List.of("60 same terminal, 90 terminal change, 120 interline", "EUR 250 / 400 / 600"),
        "cargo", List.of("FRO (frozen) 1h", "REF (2-8 °C) 2h", "COL (cool) 4h", "PER", "DGR", "AVI", "PIL", "VAL", "HUM"),
        "finance", List.of("EUR 250 / 400 / 600", "arrival delay >= 3h"));
    for (AgentSpec<?> a : AirlineAgents.all()) {
      assertThat(a.systemPrompt()).as(a.name()).contains(rules.get(a.name()));
    }
    assertThat(AirlineAgents.arbitrator().systemPrompt()).contains("Safety over business", "most conservative",
        "safety margin 40, cost 20, passengers 20, network 20", "Confidence < 0.5");
  }

  private static List<String> leafValues(XmlElement e) {
    List<String> out = new ArrayList<>(e.attributes().values());
    if (!e.text().isEmpty() && !e.name().equals("task")) {
      out.add(e.text());
    }
    e.children().forEach(c -> out.addAll(leafValues(c)));
    return out;
  }
}
