package io.skymarshal.model;

/**
 * The Claude models SkyMarshal knows, with Bedrock's global cross-region inference profile ids
 * and list prices (USD per million tokens: input, output, cache read, cache write) as of 2025-11.
 * Use {@link ModelProfile#withModelId} for a geographic profile ({@code us.}, {@code eu.},
 * {@code jp.}, {@code au.}; skymarshal-bedrock's {@code BedrockModels} knows which exist for each
 * model) and {@link ModelProfile#withPrice} where your prices differ.
 */
public final class ModelProfiles {

  /** The most output tokens each Claude 4.5 model can produce: 64K (the Bedrock model cards' "Max output tokens"). */
  public static final int CLAUDE_4_5_MAX_OUTPUT_TOKENS = 64_000;

  /**
   * Claude Sonnet 4.5: $3 / $15 / $0.30 / $3.75; caching from 1,024 tokens. Temperature 0.3, 8,192
   * tokens out (at most 64,000).
   */
  public static final ModelProfile CLAUDE_SONNET_4_5 = new ModelProfile(
      "global.anthropic.claude-sonnet-4-5-20250929-v1:0", "Claude Sonnet 4.5",
      new ModelPrice(3.00, 15.00, 0.30, 3.75), 8192, 0.3, 1024, CLAUDE_4_5_MAX_OUTPUT_TOKENS);

  /**
   * Claude Haiku 4.5: $1 / $5 / $0.10 / $1.25; caching from 4,096 tokens. Temperature 0.3, 4,096
   * tokens out (at most 64,000).
   */
  public static final ModelProfile CLAUDE_HAIKU_4_5 = new ModelProfile(
      "global.anthropic.claude-haiku-4-5-20251001-v1:0", "Claude Haiku 4.5",
      new ModelPrice(1.00, 5.00, 0.10, 1.25), 4096, 0.3, 4096, CLAUDE_4_5_MAX_OUTPUT_TOKENS);

  /** Claude Opus 4.5 (optional): $5 / $25 / $0.50 / $6.25; caching from 4,096 tokens; at most 64,000 tokens out. */
  public static final ModelProfile CLAUDE_OPUS_4_5 = new ModelProfile(
      "global.anthropic.claude-opus-4-5-20251101-v1:0", "Claude Opus 4.5",
      new ModelPrice(5.00, 25.00, 0.50, 6.25), 8192, 0.3, 4096, CLAUDE_4_5_MAX_OUTPUT_TOKENS);

  private ModelProfiles() {}
}
