package io.skymarshal.core;

/**
 * A model reply cut off at the output limit ({@code stopReason} {@code max_tokens}) that does not
 * parse, and that the engine could not get whole: the model's maximum output is unknown or
 * already reached, or the reply was cut again after the limit was raised. The message says what
 * to raise. Permanent: asking again with the same limit would be cut again.
 *
 * <p>The engine asks a cut reply again once, unchanged, with the limit doubled (at most the
 * model's {@link io.skymarshal.model.ModelProfile#maxOutputTokens()}); this is what it fails with
 * when that is not possible or not enough.
 */
public final class ReplyTruncatedException extends ReplyFormatException {
  private static final long serialVersionUID = 1L;

  private final String agent;
  private final String modelId;
  private final int maxTokens;
  private final int maxOutputTokens;

  /**
   * @param agent           the agent whose reply was cut
   * @param modelId         the model that cut it
   * @param maxTokens       the output limit the cut reply was asked with
   * @param maxOutputTokens the model's maximum output, 0 if unknown
   * @param raisedFrom      the limit before the engine raised it to {@code maxTokens}, or 0 if it did not
   * @param reply           the cut reply; quoted (shortened) in the message
   */
  public ReplyTruncatedException(String agent, String modelId, int maxTokens, int maxOutputTokens,
      int raisedFrom, String reply) {
    super(message(agent, modelId, maxTokens, maxOutputTokens, raisedFrom), reply);
    this.agent = agent;
    this.modelId = modelId;
    this.maxTokens = maxTokens;
    this.maxOutputTokens = maxOutputTokens;
  }

  private static String message(String agent, String modelId, int maxTokens, int maxOutputTokens, int raisedFrom) {
    String cut = "the reply of " + agent + " was cut at max_tokens (" + maxTokens + " output tokens, model "
        + modelId + ")";
    if (raisedFrom > 0) {
      return cut + " even after the limit was raised from " + raisedFrom + ": raise the output limit of "
          + agent + "'s model (ModelProfile.withMaxTokens in the routing"
          + (maxOutputTokens > 0 ? ", up to its maximum of " + maxOutputTokens : "") + ") or ask for a shorter reply";
    }
    if (maxOutputTokens > 0) {
      return cut + ", the most this model can produce: ask for a shorter reply, or use a model with a higher maximum";
    }
    return cut + " and the model's maximum output is unknown, so it was not asked again with a higher limit: "
        + "raise the output limit of " + agent + "'s model (ModelProfile.withMaxTokens in the routing), or state "
        + "its maximum (ModelProfile.withMaxOutputTokens) so that a cut reply is asked again with a higher limit";
  }

  /** The agent whose reply was cut. */
  public String agent() {
    return agent;
  }

  /** The model that cut it. */
  public String modelId() {
    return modelId;
  }

  /** The output limit the last cut reply was asked with. */
  public int maxTokens() {
    return maxTokens;
  }

  /** The model's maximum output, 0 if unknown. */
  public int maxOutputTokens() {
    return maxOutputTokens;
  }
}
