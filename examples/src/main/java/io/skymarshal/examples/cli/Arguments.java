package io.skymarshal.examples.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The options given on one command line, by name. The typed getters check the value and throw a
 * {@link UsageException} naming the option and the value when it is wrong. Immutable.
 */
public final class Arguments {
  private final Map<String, String> values;
  private final boolean help;

  Arguments(Map<String, String> values, boolean help) {
    this.values = Map.copyOf(values);
    this.help = help;
  }

  /** Whether {@code --help} or {@code -h} was given. */
  public boolean helpRequested() {
    return help;
  }

  /** Whether the flag or option {@code name} was given. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The value of option {@code name}, if given. */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The value of option {@code name}, or {@code otherwise}. */
  public String value(String name, String otherwise) {
    return values.getOrDefault(name, otherwise);
  }

  /**
   * The value of option {@code name} as a whole number of at least {@code min}, or {@code otherwise}.
   *
   * @throws UsageException if the value is not such a number
   */
  public long number(String name, long min, long otherwise) throws UsageException {
    Optional<String> text = value(name);
    if (text.isEmpty()) {
      return otherwise;
    }
    try {
      long n = Long.parseLong(text.get().trim());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(name + " must be a whole number" + (min == Long.MIN_VALUE ? "" : " >= " + min)
        + " but was '" + text.get() + "'");
  }

  /**
   * The value of option {@code name} as a path, if given.
   *
   * @throws UsageException if it is not a path on this system
   */
  public Optional<Path> path(String name) throws UsageException {
    Optional<String> text = value(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(text.get()));
    } catch (InvalidPathException e) {
      throw new UsageException(name + " must be a file path but was '" + text.get() + "': " + e.getReason());
    }
  }

  /**
   * The value of option {@code name} as an absolute URL such as {@code http://127.0.0.1:8000}, if given.
   *
   * @throws UsageException if it is not one
   */
  public Optional<URI> url(String name) throws UsageException {
    Optional<String> text = value(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.get());
      if (uri.getScheme() != null && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new UsageException(name + " must be a URL such as http://127.0.0.1:8000 but was '" + text.get() + "'");
  }

  @Override
  public String toString() {
    return "Arguments" + values + (help ? " --help" : "");
  }
}
