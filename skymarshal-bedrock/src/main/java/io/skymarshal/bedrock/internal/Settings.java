package io.skymarshal.bedrock.internal;

import io.skymarshal.model.ModelConfigurationException;
import io.skymarshal.model.ModelPrice;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads settings by environment variable name ({@code SKYMARSHAL_REGION}) or the matching system
 * property ({@code skymarshal.region}); a system property wins, blank counts as unset. Each
 * parse error names the setting and the value.
 */
public final class Settings {

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

  private final Map<String, String> env;
  private final Properties props;

  public Settings(Map<String, String> env, Properties props) {
    this.env = Map.copyOf(env);
    this.props = (Properties) props.clone();
  }

  /** The system property name for an environment variable name: SKYMARSHAL_SAFETY_MODEL -> skymarshal.safety.model. */
  public static String propertyName(String envName) {
    return envName.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** The setting's value, trimmed, or empty. */
  public Optional<String> get(String envName) {
    String v = props.getProperty(propertyName(envName));
    if (v == null || v.isBlank()) {
      v = env.get(envName);
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** A duration: {@code 90s}, {@code 1500ms}, {@code 2m}, {@code 1h}, plain seconds, or ISO-8601 ({@code PT90S}); must be > 0. */
  public Optional<Duration> duration(String envName) {
    return get(envName).map(v -> {
      Duration d;
      Matcher m = SIMPLE_DURATION.matcher(v.toLowerCase(Locale.ROOT));
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        d = switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofSeconds(n);
        };
      } else {
        try {
          d = Duration.parse(v);
        } catch (DateTimeParseException e) {
          throw bad(envName, v, "a duration such as 90s, 1500ms, 2m or PT90S");
        }
      }
      if (d.isZero() || d.isNegative()) {
        throw bad(envName, v, "a duration > 0");
      }
      return d;
    });
  }

  /** A positive integer. */
  public Optional<Integer> positiveInt(String envName) {
    return get(envName).map(v -> {
      try {
        int n = Integer.parseInt(v);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad(envName, v, "a whole number > 0");
    });
  }

  /** An absolute http(s) URI. */
  public Optional<URI> uri(String envName) {
    return get(envName).map(v -> {
      try {
        URI u = new URI(v);
        if (u.getScheme() != null && u.getHost() != null
            && (u.getScheme().equals("http") || u.getScheme().equals("https"))) {
          return u;
        }
      } catch (URISyntaxException e) {
        // reported below
      }
      throw bad(envName, v, "an http(s) URL such as https://bedrock-runtime.us-east-1.amazonaws.com");
    });
  }

  /** Prices in USD per million tokens: {@code input,output,cacheRead,cacheWrite}. */
  public Optional<ModelPrice> price(String envName) {
    return get(envName).map(v -> {
      String[] parts = v.split(",");
      if (parts.length == 4) {
        try {
          return new ModelPrice(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
              Double.parseDouble(parts[2].trim()), Double.parseDouble(parts[3].trim()));
        } catch (IllegalArgumentException e) {
          // reported below (NumberFormatException is one)
        }
      }
      throw bad(envName, v, "four prices >= 0 in USD per million tokens: input,output,cacheRead,cacheWrite");
    });
  }

  /** The error for a bad value. */
  public static ModelConfigurationException bad(String envName, String value, String expected) {
    return new ModelConfigurationException(envName + " (or -D" + propertyName(envName) + ") must be "
        + expected + " but was '" + value + "'");
  }
}
