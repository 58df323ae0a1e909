package io.skymarshal.airline.agent;

import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.prompt.PromptComposer;
import io.skymarshal.prompt.PromptStyle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The airline pack's system prompts (resources {@code prompts/<name>.<style>.txt} next to this
 * class) and prompt composers. The XML-style system prompts are terse rule lists; the VERBOSE
 * ones say the same rules in sentences, as the earlier system's prompts did.
 */
final class Prompts {
  private static final Map<String, String> GLOSSARY = Glossary.NAMES;

  private Prompts() {}

  static PromptComposer composer(PromptStyle style) {
    return PromptComposer.builder().style(style).constraintFormat(ConstraintXml.INSTANCE)
        .glossary(GLOSSARY).build();
  }

  /** The system prompt of agent {@code name} in {@code style}; read once, then shared. */
  static String system(String name, PromptStyle style) {
    return CACHE.computeIfAbsent(name + "." + style.name().toLowerCase(java.util.Locale.ROOT), k -> load(name, style));
  }

  private static final java.util.concurrent.ConcurrentMap<String, String> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String load(String name, PromptStyle style) {
    String resource = "prompts/" + name + "." + style.name().toLowerCase(java.util.Locale.ROOT) + ".txt";
    try (InputStream in = Prompts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new SkyMarshalException("no system prompt resource " + resource + " for agent " + name, false);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new SkyMarshalException("cannot read system prompt " + resource + ": " + e.getMessage(), false, e);
    }
  }
}
