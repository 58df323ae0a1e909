package io.skymarshal.model;

import io.skymarshal.core.SkyMarshalException;

/** A model setting that is missing or wrong: an unknown agent, a tier with no model. Permanent. */
public class ModelConfigurationException extends SkyMarshalException {
  private static final long serialVersionUID = 1L;

  public ModelConfigurationException(String message) {
    super(message, false);
  }
}
