package io.skymarshal.model;

import java.util.Objects;

/**
 * A model and how to call it: the backend's model id (for Bedrock an inference profile id such
 * as {@code global.anthropic.claude-sonnet-4-5-20250929-v1:0}), its prices, and the inference
 * settings used for it. Immutable; the {@code with...} methods return changed copies.
 *
 * @param modelId        the id the backend is called with; never blank
 * @param displayName    a name for reports, e.g. "Claude Sonnet 4.5"
 * @param price          list prices per million tokens
 * @param maxTokens      the most output tokens a call may produce, {@code > 0}
 * @param temperature    sampling temperature in [0, 1]
 * @param minCacheTokens the fewest prefix tokens the model accepts at a prompt-cache checkpoint
 *                       (1,024 for Sonnet 4.5, 4,096 for Haiku 4.5); 0 means no caching
 * @param maxOutputTokens the most output tokens the model itself can produce (64,000 for the
 *                       Claude 4.5 models), at least {@code maxTokens}; 0 if unknown. The engine
 *                       asks a reply cut at {@code maxTokens} again with a higher limit, up to
 *                       this; with 0 it cannot, and the call fails saying to raise {@code maxTokens}
 */
public record ModelProfile(String modelId, String displayName, ModelPrice price, int maxTokens,
    double temperature, int minCacheTokens, int maxOutputTokens) {

  public ModelProfile {
    Objects.requireNonNull(modelId, "modelId");
    if (modelId.isBlank()) {
      throw new IllegalArgumentException("modelId must not be blank");
    }
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(price, "price");
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be > 0 but was " + maxTokens);
    }
    if (!(temperature >= 0 && temperature <= 1)) {
      throw new IllegalArgumentException("temperature must be in [0, 1] but was " + temperature);
    }
    if (minCacheTokens < 0) {
      throw new IllegalArgumentException("minCacheTokens must be >= 0 but was " + minCacheTokens);
    }
    if (maxOutputTokens < 0) {
      throw new IllegalArgumentException("maxOutputTokens must be >= 0 (0: unknown) but was " + maxOutputTokens);
    }
    if (maxOutputTokens > 0 && maxTokens > maxOutputTokens) {
      throw new IllegalArgumentException("maxTokens " + maxTokens + " is more than " + modelId
          + " can produce (maxOutputTokens " + maxOutputTokens + ")");
    }
  }

  /** A profile whose model's output maximum is unknown ({@code maxOutputTokens} 0). */
  public ModelProfile(String modelId, String displayName, ModelPrice price, int maxTokens,
      double temperature, int minCacheTokens) {
    this(modelId, displayName, price, maxTokens, temperature, minCacheTokens, 0);
  }

  /** A copy calling {@code newModelId}, e.g. a regional inference profile instead of a global one. */
  public ModelProfile withModelId(String newModelId) {
    return new ModelProfile(newModelId, displayName, price, maxTokens, temperature, minCacheTokens, maxOutputTokens);
  }

  /**
   * A copy with another output limit.
   *
   * @throws IllegalArgumentException if it is not positive, or more than a known {@link #maxOutputTokens()}
   */
  public ModelProfile withMaxTokens(int newMaxTokens) {
    return new ModelProfile(modelId, displayName, price, newMaxTokens, temperature, minCacheTokens, maxOutputTokens);
  }

  /** A copy stating the most output tokens the model can produce (0: unknown). */
  public ModelProfile withMaxOutputTokens(int newMaxOutputTokens) {
    return new ModelProfile(modelId, displayName, price, maxTokens, temperature, minCacheTokens, newMaxOutputTokens);
  }

  /** A copy with another temperature. */
  public ModelProfile withTemperature(double newTemperature) {
    return new ModelProfile(modelId, displayName, price, maxTokens, newTemperature, minCacheTokens, maxOutputTokens);
  }

  /** A copy with other prices. */
  public ModelProfile withPrice(ModelPrice newPrice) {
    return new ModelProfile(modelId, displayName, newPrice, maxTokens, temperature, minCacheTokens, maxOutputTokens);
  }

  /** The cost of {@code usage} on this model, in US dollars. */
  public double costUsd(TokenUsage usage) {
    return price.costUsd(usage);
  }
}
