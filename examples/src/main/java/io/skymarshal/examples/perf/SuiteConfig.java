package io.skymarshal.examples.perf;

import java.util.EnumSet;
import java.util.Set;

/**
 * One configuration the suite runs: a name and the levers it has on.
 *
 * @param name   e.g. {@code baseline}, {@code optimized}, {@code optimized-without-continuation}
 * @param levers the levers on
 */
public record SuiteConfig(String name, Set<Lever> levers) {

  public SuiteConfig {
    levers = levers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(levers));
  }

  /** Every agent on Sonnet 4.5, VERBOSE prompts, no cache points, single-item reads, no lever. */
  public static SuiteConfig baseline() {
    return new SuiteConfig("baseline", Set.of());
  }

  /** Every lever on except {@code without}. */
  public static SuiteConfig optimized(Set<Lever> without) {
    EnumSet<Lever> on = EnumSet.allOf(Lever.class);
    on.removeAll(without);
    return new SuiteConfig("optimized", on);
  }

  /** This configuration with {@code lever} off, named for it. */
  public SuiteConfig without(Lever lever) {
    EnumSet<Lever> on = levers.isEmpty() ? EnumSet.noneOf(Lever.class) : EnumSet.copyOf(levers);
    on.remove(lever);
    return new SuiteConfig(name + "-without-" + lever.option(), on);
  }

  public boolean has(Lever lever) {
    return levers.contains(lever);
  }
}
