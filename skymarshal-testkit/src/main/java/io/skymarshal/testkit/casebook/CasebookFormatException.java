package io.skymarshal.testkit.casebook;

import io.skymarshal.core.SkyMarshalException;
import java.util.Objects;

/**
 * A scenario file that cannot be accepted: not JSON, a required field missing, an unknown field,
 * a bad value, a patch that does not apply to the sample airline, or a name used twice.
 * {@link #source()} names the file, {@link #field()} the offending field as a path such as
 * {@code expect[2].minutes} ({@code $} for the file as a whole). Permanent.
 */
public class CasebookFormatException extends SkyMarshalException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final String field;

  /**
   * @param source  the scenario file, as a path or classpath resource name
   * @param field   the offending field's path, {@code $} for the whole file
   * @param problem what was wrong with it
   */
  public CasebookFormatException(String source, String field, String problem) {
    this(source, field, problem, null);
  }

  public CasebookFormatException(String source, String field, String problem, Throwable cause) {
    super("scenario file " + Objects.requireNonNull(source, "source") + ", field '"
        + Objects.requireNonNull(field, "field") + "': " + problem, false, cause);
    this.source = source;
    this.field = field;
  }

  /** The scenario file: a path, or a classpath resource name for the built-in scenarios. */
  public String source() {
    return source;
  }

  /** The offending field's path, e.g. {@code airline[0].key}; {@code $} for the whole file. */
  public String field() {
    return field;
  }
}
