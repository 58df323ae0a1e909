package io.skymarshal.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Tier;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Property 3, prompt structure: whatever the data strings, every phase's prompt is well-formed
 * XML (checked by an independent DOM parser), reads back to exactly the values put in, and has
 * exactly the elements the composer wrote: no data string adds, closes or moves an element.
 * 10,000 generated cases (see {@link Generated}); AgentPromptProperties adds 400 runs of agent prompts.
 */
class PromptStructureProperties {
  private static final Task TASK = new Task("recommend", "Please recommend.");
  private static final PromptComposer XML = PromptComposer.xml();
  private static final javax.xml.parsers.DocumentBuilder DOM = domBuilder();

  private static javax.xml.parsers.DocumentBuilder domBuilder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b;
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void render_whenAnyStrings_roundTripsExactly() {
    Generated.forAll(2500, 31L, PromptStructureProperties::elements, e -> {
      String xml = PromptXml.render(e);

      assertWellFormed(xml);
      assertThat(PromptXml.parse(xml)).isEqualTo(e);
    });
  }

  @Test
  void initial_whenAnyData_isWellFormedAndExact() {
    Generated.forAll(2500, 32L, r -> List.of(elements(r), XmlElement.text("x", Generated.nasty(r))), in -> {
      initialCase(in.get(0), in.get(1).text());
    });
  }

  private static void initialCase(XmlElement data, String desc) {
    XmlElement disruption = XmlElement.builder("disruption").attr("id", desc).text(desc).build();
    XmlElement dataSection = XmlElement.builder("data").child(data).build();

    String text = XML.initial(disruption, dataSection, TASK).text();

    XmlElement back = parseChecked(text);
    assertThat(back.name()).isEqualTo("phase1");
    assertThat(back.children()).extracting(XmlElement::name).containsExactly("disruption", "data", "task");
    assertThat(back.child("disruption")).isEqualTo(disruption);
    assertThat(back.child("data")).isEqualTo(dataSection);
    assertThat(back.child("task").text()).isEqualTo(TASK.compact());
    assertThat(countElements(back)).isEqualTo(3 + countElements(dataSection));
  }

  @Test
  void revision_whenAnyPeerStrings_isWellFormedAndExact() {
    Generated.forAll(2500, 33L, r -> new Object[] {recommendations(r), Generated.nasty(r)},
        in -> revisionCase(castRecs(in[0]), (String) in[1]));
  }

  private static void revisionCase(List<Recommendation> peers, String desc) {
    XmlElement disruption = XmlElement.builder("disruption").attr("d", desc).build();
    XmlElement data = XmlElement.builder("data").child(XmlElement.text("x", desc)).build();

    String text = XML.revision(disruption, data, peers, TASK).text();

    XmlElement back = parseChecked(text);
    assertThat(back.children()).extracting(XmlElement::name).containsExactly("disruption", "data", "context", "task");
    List<XmlElement> agents = back.child("context").children();
    assertThat(agents).hasSize(peers.size());
    for (int i = 0; i < peers.size(); i++) {
      assertAgent(agents.get(i), peers.get(i));
    }
    assertThat(back.child("task").text()).isEqualTo(TASK.compact());
  }

  @Test
  void arbitration_whenAnyStrings_isWellFormedAndExact() {
    Generated.forAll(2500, 34L, r -> new Object[] {recommendations(r), Generated.nasty(r), Generated.nasty(r)},
        in -> arbitrationCase(castRecs(in[0]), (String) in[1], (String) in[2]));
  }

  private static void arbitrationCase(List<Recommendation> revised, String optionNote, String missing) {
    XmlElement options = XmlElement.builder("options")
        .child(XmlElement.builder("opt").attr("id", "A").attr("act", "DELAY").text(optionNote)).build();
    XmlElement disruption = XmlElement.builder("disruption").attr("d", missing).build();

    String text = XML.arbitration(disruption, PromptComposerTest.input(revised, missing), options, TASK).text();

    XmlElement back = parseChecked(text);
    assertThat(back.children()).extracting(XmlElement::name)
        .containsExactly("disruption", "recs", "safety", "options", "missing", "task");
    assertThat(back.child("options")).isEqualTo(options);
    assertThat(back.child("missing").text()).isEqualTo(missing);
    List<XmlElement> agents = back.child("recs").children();
    List<XmlElement> safety = new ArrayList<>();
    for (int i = 0; i < revised.size(); i++) {
      assertAgent(agents.get(i), revised.get(i), false);
      for (BindingConstraint c : revised.get(i).constraints()) {
        safety.add(XmlElement.builder("c").attr("k", c.kind()).attr("s", c.subject()).text(c.describe()).build());
      }
    }
    // every SAFETY constraint once, in <safety>, as the engine checks them
    assertThat(back.child("safety").children("c")).isEqualTo(PromptComposer.mergeSubjects(safety));
  }

  @SuppressWarnings("unchecked")
  private static List<Recommendation> castRecs(Object o) {
    return (List<Recommendation>) o;
  }

  static XmlElement elements(SplittableRandom r) {
    List<XmlElement> kids = Generated.listOf(r, 4, x -> XmlElement.builder("v").attr("a", Generated.nasty(x))
        .attr("b", Generated.nasty(x)).text(Generated.nasty(x)).build());
    return XmlElement.builder("rows").children(kids).build();
  }

  static List<Recommendation> recommendations(SplittableRandom r) {
    return Generated.listOf(r, 6, x -> new Recommendation(Generated.nasty(x), Tier.SAFETY, Phase.INITIAL,
        Generated.nasty(x), x.nextDouble(), Generated.listOf(x, 2,
            y -> new FakeConstraint(Generated.nasty(y), Generated.nasty(y), Generated.nasty(y))),
        Generated.nasty(x), Generated.mapOf(x, 3)));
  }

  private static void assertAgent(XmlElement agent, Recommendation r) {
    assertAgent(agent, r, true);
  }

  private static void assertAgent(XmlElement agent, Recommendation r, boolean withConstraints) {
    assertThat(agent.attr("name")).isEqualTo(r.agent());
    assertThat(agent.attr("act")).isEqualTo(r.action());
    assertThat(agent.attr("tier")).isEqualTo("SAFETY");
    assertThat(Double.parseDouble(agent.attr("conf"))).isCloseTo(r.confidence(), org.assertj.core.data.Offset.offset(0.005));
    List<XmlElement> expected = new ArrayList<>();
    if (withConstraints) {
      for (BindingConstraint c : r.constraints()) {
        expected.add(XmlElement.builder("c").attr("k", c.kind()).attr("s", c.subject()).text(c.describe()).build());
      }
    }
    assertThat(agent.children("c")).isEqualTo(PromptComposer.mergeSubjects(expected));
    Map<String, String> figs = new LinkedHashMap<>();
    agent.children("f").forEach(f -> figs.put(f.attr("k"), f.attr("v")));
    assertThat(new ArrayList<>(figs.entrySet())).isEqualTo(new ArrayList<>(r.figures().entrySet()));
    String why = agent.child("why") == null ? "" : agent.child("why").text();
    assertThat(why).isEqualTo(r.reasoning());
    assertThat(agent.children()).extracting(XmlElement::name).allMatch(n -> n.equals("c") || n.equals("f") || n.equals("why"));
  }

  /** Well-formed for an independent parser, then read with ours. */
  private static XmlElement parseChecked(String xml) {
    assertWellFormed(xml);
    return PromptXml.parse(xml);
  }

  private static void assertWellFormed(String xml) {
    try {
      DOM.reset();
      Document doc = DOM.parse(new InputSource(new StringReader(xml)));
      assertNoCommentOrPi(doc.getDocumentElement());
    } catch (Exception e) {
      throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + xml, e);
    }
  }

  private static void assertNoCommentOrPi(Node n) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      assertThat(c.getNodeType()).isIn(Node.ELEMENT_NODE, Node.TEXT_NODE);
      assertNoCommentOrPi(c);
    }
  }

  private static int countElements(XmlElement e) {
    int n = 1;
    for (XmlElement c : e.children()) {
      n += countElements(c);
    }
    return n;
  }

  private record FakeConstraint(String kind, String subject, String describe) implements BindingConstraint {
    @Override
    public Optional<String> violationBy(ActionPlan plan) {
      return Optional.empty();
    }
  }
}
