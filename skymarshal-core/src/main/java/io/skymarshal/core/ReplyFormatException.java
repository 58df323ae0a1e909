package io.skymarshal.core;

/**
 * A model reply that does not parse or holds a value out of range. The engine re-asks once with
 * {@link #getMessage()}; a second bad reply fails the agent with this exception. Permanent.
 */
public class ReplyFormatException extends SkyMarshalException {
  private static final long serialVersionUID = 1L;
  private static final int QUOTE_LIMIT = 200;
  private final String quote;

  /**
   * @param message what was wrong, e.g. "confidence 1.7 is not in [0, 1]"
   * @param reply   the offending reply; quoted (shortened) in the message
   */
  public ReplyFormatException(String message, String reply) {
    this(message, reply, null);
  }

  public ReplyFormatException(String message, String reply, Throwable cause) {
    super(message + " in reply: " + shorten(reply), false, cause);
    this.quote = shorten(reply);
  }

  /** The offending reply, shortened to at most 200 characters. */
  public String quote() {
    return quote;
  }

  private static String shorten(String s) {
    if (s == null) {
      return "<null>";
    }
    return s.length() <= QUOTE_LIMIT ? s : s.substring(0, QUOTE_LIMIT) + "...";
  }
}
