package io.skymarshal.prompt.internal;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UnsupportedEncodingException;
import java.io.Writer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLOutputFactory2;
import org.codehaus.stax2.io.EscapingWriterFactory;

/**
 * The StAX reader and writer of prompts: Woodstox, through the {@link XmlFactory} of
 * jackson-dataformat-xml, configured once.
 *
 * <ul>
 *   <li>Writer: not namespace-aware, no declaration, no space before {@code />}. Attribute values
 *       and text go through {@link XmlText#escape} (Stax2 escaper factories) in place of
 *       Woodstox's own escaping, which leaves quotes in text and {@code >} alone and has no
 *       reversible form for characters XML 1.0 cannot carry; callers {@link XmlText#encode} each
 *       value first. Woodstox writes the markup: names, {@code =""}, {@code >}, {@code />} and end
 *       tags.
 *   <li>Reader: not namespace-aware, coalescing, DTDs and external entities off.
 * </ul>
 *
 * Woodstox is named explicitly rather than found through {@code javax.xml.stream}'s service
 * lookup, so another StAX implementation on an application's class path cannot change the bytes
 * of a prompt. The factories are thread-safe once configured; each reader and writer is for one
 * thread.
 */
public final class XmlStreams {
  private static final XmlFactory FACTORY = factory();

  private XmlStreams() {}

  /**
   * A writer appending to {@code out}. Close it to flush what it buffers; closing does not
   * touch {@code out}.
   *
   * @throws XMLStreamException if Woodstox cannot create a writer
   */
  public static XMLStreamWriter writer(StringBuilder out) throws XMLStreamException {
    return FACTORY.getXMLOutputFactory().createXMLStreamWriter(new StringBuilderWriter(out));
  }

  /**
   * A reader of {@code xml}.
   *
   * @throws XMLStreamException if Woodstox cannot create a reader
   */
  public static XMLStreamReader reader(String xml) throws XMLStreamException {
    return FACTORY.getXMLInputFactory().createXMLStreamReader(new StringReader(xml));
  }

  private static XmlFactory factory() {
    XmlFactory f = XmlFactory.builder().xmlInputFactory(new WstxInputFactory())
        .xmlOutputFactory(new WstxOutputFactory()).build();
    XMLInputFactory in = f.getXMLInputFactory();
    in.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    in.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    in.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    in.setProperty(XMLInputFactory.IS_COALESCING, true);
    in.setProperty(XMLInputFactory2.P_REPORT_PROLOG_WHITESPACE, false);
    // parse every event in next(), so a malformed one fails there, as an XMLStreamException
    in.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
    XMLOutputFactory out = f.getXMLOutputFactory();
    out.setProperty(XMLOutputFactory2.XSP_NAMESPACE_AWARE, false);
    out.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, false);
    out.setProperty(WstxOutputProperties.P_ADD_SPACE_AFTER_EMPTY_ELEM, false);
    out.setProperty(XMLOutputFactory2.P_TEXT_ESCAPER, new Escapers(false));
    out.setProperty(XMLOutputFactory2.P_ATTR_VALUE_ESCAPER, new Escapers(true));
    return f;
  }

  /** Makes the writers Woodstox sends attribute values or text through. */
  private record Escapers(boolean attribute) implements EscapingWriterFactory {
    @Override
    public Writer createEscapingWriterFor(Writer w, String enc) {
      return new EscapingWriter(w, attribute);
    }

    @Override
    public Writer createEscapingWriterFor(OutputStream out, String enc) throws UnsupportedEncodingException {
      return new EscapingWriter(new OutputStreamWriter(out, enc), attribute);
    }
  }

  /**
   * Escapes what is written to it with {@link XmlText#escape} and passes it on. Woodstox hands a
   * long text over in pieces, which is why this layer escapes each character on its own.
   */
  private static final class EscapingWriter extends Writer {
    private final Writer out;
    private final boolean attribute;

    EscapingWriter(Writer out, boolean attribute) {
      this.out = out;
      this.attribute = attribute;
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      XmlText.escape(s, off, off + len, attribute, out);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      XmlText.escape(buf, off, off + len, attribute, out);
    }

    @Override
    public void write(int c) throws IOException {
      write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush(); // the stream writer owns the destination
    }
  }

  /** An unsynchronised {@link Writer} onto a {@link StringBuilder}. */
  private static final class StringBuilderWriter extends Writer {
    private final StringBuilder out;

    StringBuilderWriter(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      out.append(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
      out.append(s, off, off + len);
    }

    @Override
    public void write(int c) {
      out.append((char) c);
    }

    @Override
    public void flush() {
      // nothing buffered here
    }

    @Override
    public void close() {
      // the caller owns the builder
    }
  }
}
