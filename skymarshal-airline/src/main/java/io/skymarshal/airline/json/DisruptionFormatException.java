package io.skymarshal.airline.json;

import io.skymarshal.core.InvalidDisruptionException;

/**
 * A disruption document that cannot be accepted: not JSON, a required field missing or of the
 * wrong type, an unknown airport, a bad time or number, or a value outside the limits every
 * disruption keeps ({@link io.skymarshal.core.Disruption}). {@link #field()} names the offending
 * field by its dotted path in the document ({@code flight.scheduled_departure}, {@code $} for the
 * document itself); the message says what was wrong, quoting at most a short escaped excerpt of
 * the document. An {@link InvalidDisruptionException}, so one catch covers documents and builders.
 * Permanent.
 */
public class DisruptionFormatException extends InvalidDisruptionException {
  private static final long serialVersionUID = 1L;

  /**
   * @param field   the offending field's dotted path, {@code $} for the document itself
   * @param problem what was wrong with it; quotes untrusted text only through {@link #excerpt}
   */
  public DisruptionFormatException(String field, String problem) {
    this(field, problem, null);
  }

  public DisruptionFormatException(String field, String problem, Throwable cause) {
    super(field, problem, cause);
  }
}
