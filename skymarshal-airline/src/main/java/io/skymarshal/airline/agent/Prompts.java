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

  /** The reply rule a SAFETY agent's system prompt gains with {@link PromptOptions#constraintRefs()}, by style. */
  private static final String REFS_XML = "Computed constraints: <bound> lists what code computed from the data, each"
      + " <c> with an id; they bind every plan whatever you reply. Cite those you rely on by id in refs"
      + " (e.g. [\"b1\",\"b2\"]); never restate them in constraints, which are only for constraints <bound> lacks."
      + " phase2: reasoning says only what changed since your phase1 reply (or \"unchanged\").";
  private static final String REFS_VERBOSE = "The computed constraints listed under \"bound\" were calculated by code"
      + " from the data; each has an id and they bind every plan whatever you reply. Please cite the ones you rely on"
      + " by their id in the \"refs\" list instead of writing them out again, and use \"constraints\" only for"
      + " constraints that are not already listed. In the revision round, your reasoning should only say what changed"
      + " since your initial reply, or that nothing changed.";

  /**
   * The system prompt of agent {@code name} of {@code tier} as {@code options} write it: the
   * resource of its style, plus for a SAFETY agent with constraint refs the rule to cite computed
   * constraints by id.
   */
  static String system(String name, io.skymarshal.core.Tier tier, PromptOptions options) {
    String base = system(name, options.style());
    if (!options.constraintRefs() || tier == io.skymarshal.core.Tier.BUSINESS) {
      return base;
    }
    String out = tier == io.skymarshal.core.Tier.SAFETY
        ? base + "\n" + (options.style() == PromptStyle.XML ? REFS_XML : REFS_VERBOSE) : base;
    return options.examples() ? out + "\n" + CACHE.computeIfAbsent(name + ".examples", k -> load(k)) : out;
  }

  /** The system prompt of agent {@code name} in {@code style}; read once, then shared. */
  static String system(String name, PromptStyle style) {
    return CACHE.computeIfAbsent(name + "." + style.name().toLowerCase(java.util.Locale.ROOT), k -> load(name, style));
  }

  private static final java.util.concurrent.ConcurrentMap<String, String> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String load(String name, PromptStyle style) {
    return load(name + "." + style.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** The resource {@code prompts/<file>.txt}, stripped. */
  private static String load(String file) {
    String name = file.substring(0, file.indexOf('.'));
    String resource = "prompts/" + file + ".txt";
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
