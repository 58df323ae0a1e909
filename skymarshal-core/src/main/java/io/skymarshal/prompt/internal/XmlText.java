package io.skymarshal.prompt.internal;

/**
 * Escaping of data strings for XML 1.0, reversible for every Java string.
 *
 * <p>{@code & < > " '} become the five predefined entities; tab, line feed and carriage return
 * become character references (so attribute-value and line-end normalisation cannot change
 * them). Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR, lone
 * surrogates, U+FFFE and U+FFFF) are written JSON-style as {@code \}{@code uXXXX}; to keep that
 * reversible, a backslash followed by {@code u} in the data is itself written
 * {@code \}{@code u005C}. {@link #decode} undoes the second layer after an XML parser has undone
 * the first. Stateless and thread-safe.
 */
public final class XmlText {

  private XmlText() {}

  /** Appends {@code s} escaped for element content or a double-quoted attribute value. */
  public static void escape(CharSequence s, boolean attribute, StringBuilder out) {
    int n = s.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      String rep = null;
      if (c >= 0x20 && c < 0xD800 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'' && c != '\\') {
        continue;
      }
      switch (c) {
        case '&' -> rep = "&amp;";
        case '<' -> rep = "&lt;";
        case '>' -> rep = "&gt;";
        case '"' -> rep = "&quot;";
        case '\'' -> rep = "&apos;";
        case '\t' -> rep = attribute ? "&#9;" : null;
        case '\n' -> rep = attribute ? "&#10;" : null;
        case '\r' -> rep = "&#13;";
        case '\\' -> rep = i + 1 < n && s.charAt(i + 1) == 'u' ? "\\u005C" : null;
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            rep = unicodeEscape(c);
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
              i++; // a valid pair passes through
            } else {
              rep = unicodeEscape(c);
            }
          } else if (Character.isLowSurrogate(c)) {
            rep = unicodeEscape(c);
          }
        }
      }
      if (rep != null) {
        out.append(s, start, i).append(rep);
        start = i + 1;
      }
    }
    out.append(s, start, n);
  }

  /** {@code s} escaped; see {@link #escape(CharSequence, boolean, StringBuilder)}. */
  public static String escape(String s, boolean attribute) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    escape(s, attribute, b);
    return b.toString();
  }

  /**
   * Undoes the {@code \}{@code uXXXX} layer of {@link #escape} on a value an XML parser has
   * already unescaped. A backslash not followed by {@code u} and four hex digits is literal.
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

  private static String unicodeEscape(char c) {
    String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
    return "\\u" + "0000".substring(hex.length()) + hex;
  }
}
