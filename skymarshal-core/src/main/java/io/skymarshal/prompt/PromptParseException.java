package io.skymarshal.prompt;

import io.skymarshal.core.SkyMarshalException;

/** A text that is not a well-formed SkyMarshal prompt: bad XML, stray text, a comment or a PI. Permanent. */
public class PromptParseException extends SkyMarshalException {
  private static final long serialVersionUID = 1L;

  public PromptParseException(String message) {
    super(message, false);
  }

  public PromptParseException(String message, Throwable cause) {
    super(message, false, cause);
  }
}
