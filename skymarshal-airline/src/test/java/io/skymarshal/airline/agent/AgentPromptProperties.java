package io.skymarshal.airline.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.FlightCargo;
import io.skymarshal.airline.store.InMemoryAirlineStore;
import io.skymarshal.data.InMemoryBatchReader;
import io.skymarshal.data.Table;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.MelCategory;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.TemperatureClass;
import io.skymarshal.airline.constraint.AircraftRestricted;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.PromptXml;
import io.skymarshal.prompt.XmlElement;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * Property 3 over the airline agents: with hostile strings in the disruption's free text and
 * facts, in records the agents read (cargo commodity, MEL defect and restriction) and in the
 * peers' reasoning, figures and constraints, every prompt of every phase is well-formed XML (an
 * independent DOM parser agrees), gives those strings back exactly, and has only the pack's own
 * elements, its task last and unchanged. 400 generated cases, each checking the 15 prompts of a
 * run (with {@code PromptStructureProperties}: 10,400 cases, 16,000 prompts in all).
 */
class AgentPromptProperties {
  private static final AirlineDataset BASE = SampleAirline.dataset().build();
  private static final Disruption SAMPLE = SampleAirline.disruption();
  private static final InMemoryAirlineStore STORE = InMemoryAirlineStore.of(BASE);
  private static final Set<String> ELEMENTS = Set.of("bound", "checked", "safety", "phase1", "phase2", "arbitration",
      "disruption", "flt", "impact",
      "desc", "fact", "data", "task", "context", "recs", "agent", "c", "f", "why", "options", "opt", "viol", "missing",
      "est", "roster", "m", "reserve", "r", "ac", "mel", "wo", "apt", "sched", "delayed", "rot", "leg", "conn", "pax",
      "route", "ship", "cost", "unread", "notfound");
  private static final DocumentBuilder DOM = dom();
  private static final List<AgentSpec<?>> AGENTS = AirlineAgents.all();
  private static final io.skymarshal.core.ArbitratorSpec ARBITRATOR = AirlineAgents.arbitrator();
  private static final Map<String, AgentInput> FIXED_INPUTS = new java.util.HashMap<>();

  @Test
  void everyPrompt_whenHostileStrings_isWellFormedExactAndClosed() {
    io.skymarshal.prompt.Generated.forAll(400, 35L, Case::of, AgentPromptProperties::check);
  }

  /** One generated case. */
  record Case(String description, String factValue, String commodity, String defect, String restriction, String why,
      String figure) {
    static Case of(SplittableRandom r) {
      return new Case(nasty(r), nasty(r), nasty(r), nasty(r), "x" + nasty(r), nasty(r), nasty(r));
    }

    private static String nasty(SplittableRandom r) {
      return io.skymarshal.prompt.Generated.nasty(r);
    }
  }

  @SuppressWarnings("unchecked")
  private static void check(Case c) {
    Disruption d = SAMPLE.toBuilder().description(c.description()).fact("note", c.factValue())
        .build();
    List<Aircraft> fleet = new ArrayList<>(BASE.aircraft());
    fleet.set(0, new Aircraft("A6-APA", "A380", "AUH", 615, List.of(new MelItem("MEL-1", MelCategory.C, c.defect(),
        Instant.parse("2026-01-29T00:00:00Z"), null, c.restriction())), List.of()));
    CargoShipment ship = new CargoShipment("607-1", SampleAirline.EY123, c.commodity(), 10, Set.of(),
        TemperatureClass.REF, BigDecimal.ONE);
    DataAccess data = withCase(fleet, new FlightCargo(SampleAirline.EY123, List.of(ship)));
    List<Recommendation> peers = List.of(
        new Recommendation("maintenance", Tier.SAFETY, Phase.INITIAL, "RESTRICTED", 0.7,
            List.of(new AircraftRestricted("A6-APA", c.restriction(), null)), c.why(), Map.of(c.figure(), c.why())),
        new Recommendation("finance", Tier.BUSINESS, Phase.INITIAL, "DELAY", 0.6, List.of(), c.why(),
            Map.of("costUsd.DELAY", c.figure())));

    for (AgentSpec<?> spec : AGENTS) {
      AgentSpec<AgentInput> a = (AgentSpec<AgentInput>) spec;
      // only maintenance and cargo read what a case changes; the others' data is the sample's
      AgentInput in = a.name().equals("maintenance") || a.name().equals("cargo") ? a.gather(d, data)
          : FIXED_INPUTS.computeIfAbsent(a.name(), n -> a.gather(d, data));
      XmlElement p1 = checked(a.prompt(Phase.INITIAL, d, in, List.of()).text(), "phase1", AirlineAgent.INITIAL_TASK.compact());
      XmlElement p2 = checked(a.prompt(Phase.REVISION, d, in, peers).text(), "phase2", AirlineAgent.REVISION_TASK.compact());
      for (XmlElement root : List.of(p1, p2)) {
        assertThat(textOf(root.child("disruption"), "desc"))
            .isEqualTo(c.description());
        assertThat(root.child("disruption").children("fact")).last()
            .satisfies(f -> assertThat(f.attr("v")).isEqualTo(c.factValue()));
        assertThat(root.child("data")).isEqualTo(in.data());
      }
      if (a.name().equals("maintenance")) {
        XmlElement mel = p1.child("data").child("ac").child("mel");
        assertThat(mel.text()).isEqualTo(c.defect());
        assertThat(mel.attr("restr")).isEqualTo(c.restriction());
      }
      if (a.name().equals("cargo")) {
        assertThat(p1.child("data").child("ship").attr("com")).isEqualTo(c.commodity());
      }
      XmlElement mx = p2.child("context").child("agent");
      if (!a.name().equals("maintenance")) {
        assertThat(textOf(mx, "why")).isEqualTo(c.why());
        assertThat(mx.child("c").attr("restr")).isEqualTo(c.restriction());
        assertThat(mx.child("f").attr("k")).isEqualTo(c.figure());
      }
    }
    XmlElement arb = checked(ARBITRATOR.prompt(d, new io.skymarshal.core.ArbitrationInput(peers, List.of(),
        peers.stream().flatMap(r -> r.constraints().stream()).toList(), io.skymarshal.core.CheckedResources.none())).text(), "arbitration",
        AirlineArbitrator.TASK.compact());
    assertThat(arb.child("recs").children()).hasSize(2);
    assertThat(textOf(arb.child("disruption"), "desc"))
        .isEqualTo(c.description());
  }

  /** The sample airline's tables, with this case's aircraft and cargo. */
  private static DataAccess withCase(List<Aircraft> fleet, FlightCargo cargo) {
    DataAccess.Builder b = DataAccess.builder();
    for (Table<?, ?> t : AirlineTables.ALL) {
      if (t != AirlineTables.AIRCRAFT && t != AirlineTables.CARGO) {
        copy(b, t);
      }
    }
    b.table(AirlineTables.AIRCRAFT, InMemoryBatchReader.of(fleet, Aircraft::registration));
    b.table(AirlineTables.CARGO, InMemoryBatchReader.of(List.of(cargo), FlightCargo::flight));
    return b.build();
  }

  private static <K, V> void copy(DataAccess.Builder b, Table<K, V> t) {
    b.table(t, STORE.reader(t));
  }

  /** The text of child {@code name}; the element is left out when its text is empty. */
  private static String textOf(XmlElement e, String name) {
    return e.child(name) == null ? "" : e.child(name).text();
  }

  private static XmlElement checked(String xml, String root, String task) {
    try {
      DOM.reset();
      DOM.parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed: " + e.getMessage(), e);
    }
    XmlElement e = PromptXml.parse(xml);
    assertThat(e.name()).isEqualTo(root);
    assertThat(e.children().get(e.children().size() - 1)).isEqualTo(XmlElement.text("task", task));
    assertThat(e.children("task")).hasSize(1);
    assertOnlyKnownElements(e);
    return e;
  }

  private static void assertOnlyKnownElements(XmlElement e) {
    // plain check: this runs for every element of 30,000 prompts
    if (!ELEMENTS.contains(e.name())) {
      throw new AssertionError("unexpected element <" + e.name() + ">");
    }
    e.children().forEach(AgentPromptProperties::assertOnlyKnownElements);
  }

  private static DocumentBuilder dom() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
