package io.skymarshal.bedrock;

import io.skymarshal.model.ModelConfigurationException;
import io.skymarshal.model.ModelPrice;
import io.skymarshal.model.ModelProfile;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Bedrock may run a model: the prefix of a cross-region inference profile id. The Claude
 * 4.5 models are invoked through one of these ({@code global.anthropic.claude-sonnet-4-5-...});
 * the bare model id has no on-demand throughput. Not every model has every geography:
 * {@link BedrockModels#geographies(String)} says which profiles exist for a known model, and
 * {@link #apply} refuses the others.
 *
 * <p>{@link #GLOBAL} routes to any commercial region and is billed at list price. The geographic
 * profiles keep data in their geography and, for the Claude 4.5 models, cost 10 % more than
 * global ({@link #priceFactor()}); override with {@link ModelProfile#withPrice} where your
 * contract differs.
 */
public enum InferenceGeography {
  /** Any commercial region; list price. */
  GLOBAL("global.", 1.0),
  /** United States regions; list price + 10 %. */
  US("us.", 1.1),
  /** European Union regions; list price + 10 %. */
  EU("eu.", 1.1),
  /** Japan (Tokyo, Osaka); list price + 10 %. */
  JP("jp.", 1.1),
  /** Australia (Sydney, Melbourne); list price + 10 %. */
  AU("au.", 1.1),
  /**
   * Asia Pacific regions; list price + 10 %. Bedrock has {@code apac.} profiles for older Claude
   * models only: none for Claude Sonnet, Haiku or Opus 4.5 (use {@link #JP} or {@link #AU}).
   */
  APAC("apac.", 1.1);

  private final String prefix;
  private final double priceFactor;

  InferenceGeography(String prefix, double priceFactor) {
    this.prefix = prefix;
    this.priceFactor = priceFactor;
  }

  /** The name used in settings, e.g. {@code "eu"}. */
  public String id() {
    return prefix.substring(0, prefix.length() - 1);
  }

  /** The model id prefix, e.g. {@code "eu."}. */
  public String prefix() {
    return prefix;
  }

  /** The price of this geography relative to {@link #GLOBAL}. */
  public double priceFactor() {
    return priceFactor;
  }

  /**
   * The same model called through this geography: the model id's inference-profile prefix
   * replaced (or added to a bare id), the prices moved from the profile's current geography to
   * this one. A bare id is taken as billed like a geographic profile.
   *
   * @throws ModelConfigurationException if the profile calls a model {@link BedrockModels} knows
   *     and Bedrock has no inference profile for it in this geography; the message lists those it has
   */
  public ModelProfile apply(ModelProfile profile) {
    Objects.requireNonNull(profile, "profile");
    String id = profile.modelId();
    Optional<InferenceGeography> current = ofModelId(id);
    String base = current.map(g -> id.substring(g.prefix.length())).orElse(id);
    BedrockModels.requireProfile(base, this);
    double from = current.map(g -> g.priceFactor).orElse(US.priceFactor);
    double scale = priceFactor / from;
    ModelPrice p = profile.price();
    ModelPrice scaled = new ModelPrice(round(p.input() * scale), round(p.output() * scale),
        round(p.cacheRead() * scale), round(p.cacheWrite() * scale));
    return profile.withModelId(prefix + base).withPrice(scaled);
  }

  /** The geography a model id's prefix names, or empty for a bare id or an ARN. */
  public static Optional<InferenceGeography> ofModelId(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    return Arrays.stream(values()).filter(g -> modelId.startsWith(g.prefix)).findFirst();
  }

  /**
   * Parses {@code global}, {@code us}, {@code eu}, {@code jp}, {@code au} or {@code apac} (any
   * case, with or without the dot).
   *
   * @throws ModelConfigurationException naming the allowed values
   */
  public static InferenceGeography parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (InferenceGeography g : values()) {
      if (t.equals(g.prefix) || t.equals(g.prefix.substring(0, g.prefix.length() - 1))) {
        return g;
      }
    }
    throw new ModelConfigurationException("unknown inference geography '" + text
        + "': use one of global, us, eu, jp, au, apac");
  }

  private static double round(double usd) {
    return Math.round(usd * 1_000_000.0) / 1_000_000.0;
  }
}
