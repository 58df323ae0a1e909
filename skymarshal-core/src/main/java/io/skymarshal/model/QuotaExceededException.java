package io.skymarshal.model;

/**
 * A model call that waited longer than its {@link ModelQuota#maxQueueWait()} for a local permit
 * (requests per minute, tokens per minute or a concurrency slot) and was not sent. Kind
 * {@link ModelException.Kind#THROTTLED}, so the engine retries it like a throttled call; the
 * message names the model and the limit that was reached.
 */
public class QuotaExceededException extends ModelException {
  private static final long serialVersionUID = 1L;

  public QuotaExceededException(String modelId, String message) {
    super(Kind.THROTTLED, modelId, message);
  }
}
