package io.skymarshal.dynamo.internal;

/** Argument checks the public builders share, so they word their errors alike. */
public final class Args {
  private Args() {}

  /**
   * @return {@code value}
   * @throws IllegalArgumentException naming {@code name} if {@code value < 1}
   */
  public static int atLeastOne(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1 but was " + value);
    }
    return value;
  }
}
