package org.slf4j;

import org.slf4j.helpers.BasicMDCAdapter;

/**
 * slf4j-simple, the tests' logger, keeps no MDC (its adapter is a no-op); tests of what the engine
 * puts in the MDC install SLF4J's own thread-local adapter with this. In package {@code org.slf4j}
 * because {@code MDC.setMDCAdapter} is package-private.
 */
public final class RealMdc {
  private RealMdc() {}

  /** Makes {@link MDC} keep values, per thread, for the rest of this JVM. */
  public static synchronized void install() {
    if (!(MDC.getMDCAdapter() instanceof BasicMDCAdapter)) {
      MDC.setMDCAdapter(new BasicMDCAdapter());
    }
  }
}
