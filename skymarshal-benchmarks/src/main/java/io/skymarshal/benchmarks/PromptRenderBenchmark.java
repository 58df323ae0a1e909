package io.skymarshal.benchmarks;

import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.airline.agent.AgentInput;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.prompt.PromptXml;
import io.skymarshal.prompt.XmlElement;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing and reading a prompt, for the same tree: the crew_compliance Phase-1 prompt of the
 * EY123 sample (18 crew, reserves, facts; 4,375 characters, 67 elements).
 *
 * <ul>
 *   <li>{@code promptXml}: {@link PromptXml#render}, Woodstox (through jackson-dataformat-xml's
 *       {@code XmlFactory}) with SkyMarshal's reversible escaping.
 *   <li>{@code parse}: {@link PromptXml#parse} of the rendered prompt, as the offline model reads
 *       every prompt.
 *   <li>{@code staxWriter}: a plain {@code XMLStreamWriter} from {@link XMLOutputFactory#newFactory()}
 *       (Woodstox, now that core brings it; the JDK's writer before) with its own escaping, which has
 *       no reversible form for characters XML 1.0 cannot carry: the cost of the markup alone.
 * </ul>
 *
 * <p>Run: {@code ./mvnw -q -pl skymarshal-benchmarks -am package -DskipTests &&
 * java -jar skymarshal-benchmarks/target/benchmarks.jar PromptRenderBenchmark}; on a small
 * machine add {@code -f 1 -wi 3 -i 5}. {@code docs/benchmarks.md} has the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PromptRenderBenchmark {
  private XmlElement tree;
  private String xml;
  private XMLOutputFactory stax;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    Disruption d = AirlineSamples.ey123Disruption();
    AgentSpec<AgentInput> crew = (AgentSpec<AgentInput>) AirlineAgents.all().get(0);
    AgentInput in = crew.gather(d, AirlineData.inMemory(AirlineSamples.ey123Airline()));
    xml = crew.prompt(Phase.INITIAL, d, in, List.of()).text();
    tree = PromptXml.parse(xml);
    stax = XMLOutputFactory.newFactory();
  }

  @Benchmark
  public String promptXml() {
    return PromptXml.render(tree);
  }

  /** Reading the same prompt back ({@link PromptXml#parse}), as the offline model does every call. */
  @Benchmark
  public XmlElement parse() {
    return PromptXml.parse(xml);
  }

  @Benchmark
  public String staxWriter() throws XMLStreamException {
    StringWriter out = new StringWriter(4096);
    XMLStreamWriter w = stax.createXMLStreamWriter(out);
    write(w, tree);
    w.close();
    return out.toString();
  }

  private static void write(XMLStreamWriter w, XmlElement e) throws XMLStreamException {
    if (e.children().isEmpty() && e.text().isEmpty()) {
      w.writeEmptyElement(e.name());
    } else {
      w.writeStartElement(e.name());
    }
    for (Map.Entry<String, String> a : e.attributes().entrySet()) {
      w.writeAttribute(a.getKey(), a.getValue());
    }
    if (!e.children().isEmpty() || !e.text().isEmpty()) {
      if (e.children().isEmpty()) {
        w.writeCharacters(e.text());
      }
      for (XmlElement c : e.children()) {
        write(w, c);
      }
      w.writeEndElement();
    }
  }
}
