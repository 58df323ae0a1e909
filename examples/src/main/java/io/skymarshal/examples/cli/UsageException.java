package io.skymarshal.examples.cli;

/** The command line is wrong: an unknown option, a missing or bad value. The message says which. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
