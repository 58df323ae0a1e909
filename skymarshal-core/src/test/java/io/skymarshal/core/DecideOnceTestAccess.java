package io.skymarshal.core;

import io.skymarshal.store.ConstraintCodec;

/** The test constraint codec of {@link DecideOnceTest}, for tests in other packages. */
public final class DecideOnceTestAccess {
  private DecideOnceTestAccess() {}

  public static ConstraintCodec codec() {
    return DecideOnceTest.CODEC;
  }
}
