package io.skymarshal.prompt;

import io.skymarshal.prompt.internal.XmlStreams;
import io.skymarshal.prompt.internal.XmlText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@link XmlElement}s as compact XML and reads them back, with Woodstox, the StAX
 * implementation of jackson-dataformat-xml.
 *
 * <p>{@link #render} writes no declaration, no indentation and no whitespace between elements;
 * an element without content is self-closed. Woodstox writes the markup; every attribute value and
 * text is escaped by SkyMarshal (see {@code XmlText}): the five XML metacharacters become
 * entities, tab/LF/CR in attributes and CR in text become character references, and characters
 * XML 1.0 cannot carry are written {@code \}{@code uXXXX} (a data backslash before {@code u} as
 * {@code \}{@code u005C}). So no data string can open or close an element, and
 * {@code parse(render(e)).equals(e)} for every element {@code e}.
 *
 * <p>{@link #parse} reads with DTDs and external entities off, and rejects comments, processing
 * instructions, DTDs, characters XML forbids and text between child elements. Stateless and
 * thread-safe.
 */
public final class PromptXml {

  private PromptXml() {}

  /** {@code root} as compact XML. */
  public static String render(XmlElement root) {
    StringBuilder out = new StringBuilder(256);
    render(root, out);
    return out.toString();
  }

  /** Appends {@code e} as compact XML to {@code out}. */
  public static void render(XmlElement e, StringBuilder out) {
    Objects.requireNonNull(e, "element");
    try {
      XMLStreamWriter w = XmlStreams.writer(out);
      write(w, e);
      w.close();
    } catch (XMLStreamException x) {
      // names are checked when an element is built and the escaper accepts every string
      throw new IllegalStateException("cannot write <" + e.name() + ">: " + x.getMessage(), x);
    }
  }

  private static void write(XMLStreamWriter w, XmlElement e) throws XMLStreamException {
    boolean empty = e.children().isEmpty() && e.text().isEmpty();
    if (empty) {
      w.writeEmptyElement(e.name());
    } else {
      w.writeStartElement(e.name());
    }
    for (Map.Entry<String, String> a : e.attributes().entrySet()) {
      w.writeAttribute(a.getKey(), XmlText.encode(a.getValue()));
    }
    if (empty) {
      return;
    }
    if (e.children().isEmpty()) {
      w.writeCharacters(XmlText.encode(e.text()));
    } else {
      for (XmlElement c : e.children()) {
        write(w, c);
      }
    }
    w.writeEndElement();
  }

  /**
   * Reads a prompt written by {@link #render} (or any XML of the same restricted shape).
   *
   * @throws PromptParseException if {@code xml} is not well-formed, has a DTD, comment or
   *                              processing instruction, or text beside child elements
   */
  public static XmlElement parse(String xml) {
    Objects.requireNonNull(xml, "xml");
    XMLStreamReader r = null;
    try {
      r = XmlStreams.reader(xml);
      Deque<Partial> open = new ArrayDeque<>();
      XmlElement root = null;
      while (r.hasNext()) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT -> {
            Partial p = new Partial(r.getLocalName());
            for (int i = 0; i < r.getAttributeCount(); i++) {
              String value = r.getAttributeValue(i);
              checkXmlChars(value, "attribute " + r.getAttributeLocalName(i) + " of <" + p.name + ">");
              p.attributes.put(r.getAttributeLocalName(i), XmlText.decode(value));
            }
            open.push(p);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA -> {
            if (open.isEmpty()) {
              if (!r.isWhiteSpace()) {
                throw new PromptParseException("text outside the root element at " + r.getLocation());
              }
            } else {
              open.peek().text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            Partial p = open.pop();
            XmlElement built = p.build();
            if (open.isEmpty()) {
              root = built;
            } else {
              open.peek().children.add(built);
            }
          }
          case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.DTD,
              XMLStreamConstants.ENTITY_REFERENCE ->
              throw new PromptParseException("a prompt has no comments, processing instructions, DTDs or entity"
                  + " references, but found event " + ev + " at " + r.getLocation());
          default -> { /* START_DOCUMENT, END_DOCUMENT */ }
        }
      }
      if (root == null) {
        throw new PromptParseException("no root element");
      }
      return root;
    } catch (XMLStreamException e) {
      throw new PromptParseException("not well-formed XML: " + e.getMessage(), e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing is held open for a string source
        }
      }
    }
  }

  private static void checkXmlChars(CharSequence s, String where) {
    int i = XmlText.indexOfNonXmlChar(s);
    if (i >= 0) {
      throw new PromptParseException(String.format(Locale.ROOT, "not well-formed XML: character U+%04X in %s is not"
          + " allowed in XML", (int) s.charAt(i), where));
    }
  }

  private static boolean isXmlWhitespace(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private static final class Partial {
    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final StringBuilder text = new StringBuilder();
    final List<XmlElement> children = new ArrayList<>();

    Partial(String name) {
      this.name = name;
    }

    XmlElement build() {
      checkXmlChars(text, "the text of <" + name + ">");
      XmlElement.Builder b;
      try {
        b = XmlElement.builder(name);
        for (Map.Entry<String, String> a : attributes.entrySet()) {
          b.attr(a.getKey(), a.getValue());
        }
      } catch (IllegalArgumentException e) {
        throw new PromptParseException(e.getMessage(), e);
      }
      if (children.isEmpty()) {
        return b.text(XmlText.decode(text.toString())).build();
      }
      if (!isXmlWhitespace(text)) {
        throw new PromptParseException("<" + name + "> has text beside its child elements: '"
            + text.toString().strip() + "'");
      }
      return b.children(children).build();
    }
  }
}
