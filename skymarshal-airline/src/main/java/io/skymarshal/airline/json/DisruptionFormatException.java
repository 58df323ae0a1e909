package io.skymarshal.airline.json;

import io.skymarshal.core.SkyMarshalException;

/**
 * A disruption document that cannot be accepted: not JSON, a required field missing, an unknown
 * airport, a bad time or number. {@link #field()} names the offending field as a dotted path
 * ({@code flight.scheduled_departure}); the message says what was wrong. Permanent.
 */
public class DisruptionFormatException extends SkyMarshalException {
  private static final long serialVersionUID = 1L;
  private final String field;

  /**
   * @param field   the offending field's dotted path, {@code $} for the document itself
   * @param problem what was wrong with it
   */
  public DisruptionFormatException(String field, String problem) {
    this(field, problem, null);
  }

  public DisruptionFormatException(String field, String problem, Throwable cause) {
    super("disruption field '" + field + "': " + problem, false, cause);
    this.field = field;
  }

  /** The offending field's dotted path; {@code $} for the whole document. */
  public String field() {
    return field;
  }
}
