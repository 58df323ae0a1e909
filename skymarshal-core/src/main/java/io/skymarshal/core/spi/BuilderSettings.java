package io.skymarshal.core.spi;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The settings given to one builder, so that a setting given twice fails, naming it, instead of a
 * later line silently undoing an earlier one (Caffeine style). Every builder in SkyMarshal's
 * modules uses it; a builder of your own may too. Not thread-safe, like the builders.
 */
public final class BuilderSettings {
  private final Set<String> given = new HashSet<>();

  /**
   * Records that {@code setting} was given.
   *
   * @throws IllegalStateException naming the setting if it was already given
   */
  public void once(String setting) {
    if (!given.add(Objects.requireNonNull(setting, "setting"))) {
      throw new IllegalStateException(setting + " was already set on this builder");
    }
  }

  /** Forgets every setting given: a builder copied from a value may replace each copied one once. */
  public void forget() {
    given.clear();
  }
}
