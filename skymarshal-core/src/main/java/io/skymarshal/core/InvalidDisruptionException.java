package io.skymarshal.core;

/**
 * A disruption that cannot be accepted, however it entered: through {@link Disruption#builder()}
 * or a document reader (the airline pack's {@code DisruptionFormatException} is a subclass).
 * {@link #field()} names the offending field; the message says what was wrong and never quotes
 * more than a short, escaped excerpt of the untrusted value ({@link #excerpt}). Permanent: the
 * same disruption fails the same way again.
 *
 * <p>The builder names fields as its settings do ({@code flight.flightNumber},
 * {@code facts['constraints.curfew']}, {@code total} for the whole); a document reader names
 * them by their path in the document.
 */
public class InvalidDisruptionException extends SkyMarshalException {
  private static final long serialVersionUID = 1L;
  /** The most characters of an untrusted value a message quotes. */
  public static final int EXCERPT_LENGTH = 40;
  private static final int FIELD_EXCERPT_LENGTH = 80;

  private final String field;
  private final String problem;

  /**
   * @param field   the offending field; quoted shortened and escaped if it comes from the input
   * @param problem what was wrong with it; must quote untrusted text only through {@link #excerpt}
   */
  public InvalidDisruptionException(String field, String problem) {
    this(field, problem, null);
  }

  public InvalidDisruptionException(String field, String problem, Throwable cause) {
    super("disruption field '" + clean(field) + "': " + problem, false, cause);
    this.field = clean(field);
    this.problem = problem;
  }

  /** The offending field (shortened and escaped as in the message). */
  public String field() {
    return field;
  }

  /** What was wrong with it. */
  public String problem() {
    return problem;
  }

  /**
   * {@code untrusted} for a message: in single quotes, at most {@value #EXCERPT_LENGTH} of its
   * characters (then "..." and its length), with quotes, backslashes, control, format and
   * separator characters and lone surrogates written {@code \}{@code uXXXX}, so it cannot break
   * a log line, a quote or a prompt. "null" for null.
   */
  public static String excerpt(String untrusted) {
    return excerpt(untrusted, EXCERPT_LENGTH);
  }

  /** {@link #excerpt(String)} cut at {@code max} characters instead. */
  public static String excerpt(String untrusted, int max) {
    if (untrusted == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(Math.min(untrusted.length(), max) + 16).append('\'');
    int n = Math.min(untrusted.length(), max);
    for (int i = 0; i < n; i++) {
      char c = untrusted.charAt(i);
      if (needsEscape(untrusted, i)) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('\'');
    if (untrusted.length() > max) {
      b.append("... (").append(untrusted.length()).append(" characters)");
    }
    return b.toString();
  }

  private static boolean needsEscape(String s, int i) {
    char c = s.charAt(i);
    if (c == '\'' || c == '\\' || c == '"') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || c == 0xFFFE || c == 0xFFFF;
  }

  // Field names the library writes are plain; a name taken from the input (a fact's) is not.
  private static String clean(String field) {
    if (field == null) {
      return "?";
    }
    String quoted = excerpt(field, FIELD_EXCERPT_LENGTH);
    String inner = quoted.substring(1, quoted.lastIndexOf('\''));
    return inner.equals(field) ? field : quoted;
  }
}
