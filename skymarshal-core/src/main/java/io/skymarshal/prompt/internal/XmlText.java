package io.skymarshal.prompt.internal;

import java.io.IOException;
import java.io.Writer;

/**
 * Escaping of data strings for XML 1.0, reversible for every Java string, in two layers.
 *
 * <ol>
 *   <li>{@link #encode}, on a whole value before it is written: characters XML 1.0 cannot carry
 *       at all (C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF) become
 *       JSON-style {@code \}{@code uXXXX}; to keep that reversible, a backslash followed by
 *       {@code u} in the data is itself written {@code \}{@code u005C}. {@link #decode} undoes it
 *       after an XML parser has read the value.
 *   <li>{@link #escape}, as the XML writer writes: {@code & < > " '} become the five predefined
 *       entities; tab, line feed and carriage return become character references where a parser
 *       would otherwise normalise them (all three in attribute values, carriage return in text).
 *       Each character is escaped on its own, so the writer may hand a value over in pieces.
 * </ol>
 *
 * Stateless and thread-safe.
 */
public final class XmlText {

  private XmlText() {}

  /**
   * {@code s} with every character XML 1.0 cannot carry, and every backslash before {@code u},
   * written {@code \}{@code uXXXX}; {@code s} itself when it has none. Valid surrogate pairs pass.
   */
  public static String encode(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && !needsEncoding(s, i)) {
      i += Character.isHighSurrogate(s.charAt(i)) ? 2 : 1;
    }
    if (i >= n) {
      return s;
    }
    StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
    while (i < n) {
      char c = s.charAt(i);
      if (needsEncoding(s, i)) {
        appendUnicodeEscape(c, b);
        i++;
      } else if (Character.isHighSurrogate(c)) {
        b.append(c).append(s.charAt(i + 1)); // a valid pair
        i += 2;
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  /** Whether {@code s.charAt(i)} must be written {@code \}{@code uXXXX}. */
  private static boolean needsEncoding(String s, int i) {
    char c = s.charAt(i);
    if (c >= 0x20 && c < 0xD800) {
      return c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u';
    }
    if (c < 0x20) {
      return c != '\t' && c != '\n' && c != '\r';
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) || c == 0xFFFE || c == 0xFFFF;
  }

  /**
   * Writes {@code s[from, to)} to {@code out}, with XML metacharacters escaped for element content
   * or for a double-quoted attribute value.
   *
   * @throws IOException if {@code out} does
   */
  public static void escape(String s, int from, int to, boolean attribute, Writer out) throws IOException {
    int start = from;
    for (int i = from; i < to; i++) {
      String rep = replacement(s.charAt(i), attribute);
      if (rep != null) {
        out.write(s, start, i - start);
        out.write(rep);
        start = i + 1;
      }
    }
    out.write(s, start, to - start);
  }

  /** {@link #escape(String, int, int, boolean, Writer)} for {@code buf[from, to)}. */
  public static void escape(char[] buf, int from, int to, boolean attribute, Writer out) throws IOException {
    int start = from;
    for (int i = from; i < to; i++) {
      String rep = replacement(buf[i], attribute);
      if (rep != null) {
        out.write(buf, start, i - start);
        out.write(rep);
        start = i + 1;
      }
    }
    out.write(buf, start, to - start);
  }

  private static String replacement(char c, boolean attribute) {
    if (c > '>') {
      return null;
    }
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&apos;";
      case '\t' -> attribute ? "&#9;" : null;
      case '\n' -> attribute ? "&#10;" : null;
      case '\r' -> "&#13;";
      default -> null;
    };
  }

  /**
   * The index of the first U+FFFE, U+FFFF or unpaired surrogate in {@code s}, or -1. XML forbids
   * them (1.0 and 1.1 alike), but Woodstox reading from a {@link java.io.Reader} lets them through,
   * so a reader checks what it read with this.
   */
  public static int indexOfNonXmlChar(CharSequence s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0xD800) {
        continue;
      }
      if (c == 0xFFFE || c == 0xFFFF || Character.isLowSurrogate(c)) {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * Undoes {@link #encode} on a value an XML parser has already unescaped. A backslash not
   * followed by {@code u} and four hex digits is literal.
   */
  public static String decode(String s) {
    int i = s.indexOf('\\');
    if (i < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    b.append(s, 0, i);
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < n && s.charAt(i + 1) == 'u' && isHex4(s, i + 2)) {
        b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 6;
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  private static boolean isHex4(String s, int from) {
    if (from + 4 > s.length()) {
      return false;
    }
    for (int k = from; k < from + 4; k++) {
      char h = s.charAt(k);
      if (!((h >= '0' && h <= '9') || (h >= 'A' && h <= 'F') || (h >= 'a' && h <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static void appendUnicodeEscape(char c, StringBuilder b) {
    String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
    b.append("\\u").append("0000", hex.length(), 4).append(hex);
  }
}
