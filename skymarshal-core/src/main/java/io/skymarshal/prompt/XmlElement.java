package io.skymarshal.prompt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One element of a prompt: a name, attributes in insertion order, and either text or child
 * elements (never both, so a prompt has no stray text between elements). Immutable; build with
 * {@link #builder(String)}, render with {@link PromptXml#render}, read back with
 * {@link PromptXml#parse}.
 *
 * <p>Names come from code and must match {@code [A-Za-z_][A-Za-z0-9_.-]*}; data never becomes a
 * name. Attribute values and text are arbitrary strings (any Java string, including control
 * characters and lone surrogates): the renderer escapes them and the parser gives them back
 * exactly. Text of an element that has no children and no text is the empty string.
 */
public final class XmlElement {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private final String name;
  private final Map<String, String> attributes;
  private final String text;
  private final List<XmlElement> children;

  private XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children) {
    this.name = name;
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    this.text = text;
    this.children = List.copyOf(children);
  }

  /**
   * A builder for an element called {@code name}.
   *
   * @throws IllegalArgumentException if {@code name} is not a plain XML name
   */
  public static Builder builder(String name) {
    return new Builder(checkName(name, "element"));
  }

  /** An element with only text. */
  public static XmlElement text(String name, String text) {
    return builder(name).text(text).build();
  }

  public String name() {
    return name;
  }

  /** Attributes by name, in insertion order. */
  public Map<String, String> attributes() {
    return attributes;
  }

  /** The value of attribute {@code attr}, or null if absent. */
  public String attr(String attr) {
    return attributes.get(attr);
  }

  /** The text content; empty if none (always empty when there are children). */
  public String text() {
    return text;
  }

  public List<XmlElement> children() {
    return children;
  }

  /** The first child called {@code childName}, or null. */
  public XmlElement child(String childName) {
    for (XmlElement c : children) {
      if (c.name.equals(childName)) {
        return c;
      }
    }
    return null;
  }

  /** All children called {@code childName}, in order. */
  public List<XmlElement> children(String childName) {
    List<XmlElement> out = new ArrayList<>();
    for (XmlElement c : children) {
      if (c.name.equals(childName)) {
        out.add(c);
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof XmlElement e && name.equals(e.name) && attributes.equals(e.attributes)
        && List.copyOf(attributes.keySet()).equals(List.copyOf(e.attributes.keySet()))
        && text.equals(e.text) && children.equals(e.children);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, attributes, text, children);
  }

  @Override
  public String toString() {
    return PromptXml.render(this);
  }

  static String checkName(String name, String what) {
    Objects.requireNonNull(name, what + " name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid " + what + " name: '" + name + "'");
    }
    return name;
  }

  /** Builds an {@link XmlElement}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();
    private String text = "";

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Adds attribute {@code attr}; a null {@code value} leaves it out, so optional fields need no
     * branching at the call site. Values other than strings are written with {@code toString()}.
     *
     * @throws IllegalArgumentException if {@code attr} is not a plain name or was already set
     */
    public Builder attr(String attr, Object value) {
      checkName(attr, "attribute");
      if (value == null) {
        return this;
      }
      if (attributes.putIfAbsent(attr, value instanceof Instant t ? PromptValues.time(t) : value.toString()) != null) {
        throw new IllegalArgumentException("attribute '" + attr + "' of <" + name + "> was already set");
      }
      return this;
    }

    /**
     * Sets the text content.
     *
     * @throws IllegalStateException if the element already has children
     */
    public Builder text(String value) {
      Objects.requireNonNull(value, "text");
      if (!children.isEmpty()) {
        throw new IllegalStateException("<" + name + "> has children; it cannot also have text");
      }
      this.text = value;
      return this;
    }

    /**
     * Appends a child; null is ignored.
     *
     * @throws IllegalStateException if the element already has text
     */
    public Builder child(XmlElement child) {
      if (child == null) {
        return this;
      }
      if (!text.isEmpty()) {
        throw new IllegalStateException("<" + name + "> has text; it cannot also have children");
      }
      children.add(child);
      return this;
    }

    /** Appends the built child. */
    public Builder child(Builder child) {
      return child(child.build());
    }

    /** Appends all {@code more}, in order. */
    public Builder children(Iterable<XmlElement> more) {
      for (XmlElement c : more) {
        child(c);
      }
      return this;
    }

    /** Whether any child was added. */
    public boolean hasChildren() {
      return !children.isEmpty();
    }

    public XmlElement build() {
      return new XmlElement(name, attributes, text, children);
    }
  }
}
