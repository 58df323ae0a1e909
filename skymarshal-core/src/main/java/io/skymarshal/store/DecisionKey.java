package io.skymarshal.store;

import io.skymarshal.core.Disruption;
import java.util.Objects;

/**
 * What one decision is about: a disruption's id and the hash of its document
 * ({@link DocumentHash}). The same id with another hash is a changed document, and a new decision.
 * Immutable.
 *
 * @param disruptionId the disruption's id
 * @param documentHash {@link DocumentHash#of} the disruption: 64 lower-case hex digits
 */
public record DecisionKey(String disruptionId, String documentHash) {

  public DecisionKey {
    Objects.requireNonNull(disruptionId, "disruptionId");
    Objects.requireNonNull(documentHash, "documentHash");
    if (disruptionId.isBlank()) {
      throw new IllegalArgumentException("disruptionId must not be blank");
    }
    if (!documentHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("documentHash must be 64 lower-case hex digits but was '" + documentHash + "'");
    }
  }

  /** The key of {@code disruption}: its id and {@link DocumentHash#of} it. */
  public static DecisionKey of(Disruption disruption) {
    return new DecisionKey(disruption.id(), DocumentHash.of(disruption));
  }

  /** {@code id@first 12 hex digits}, for logs. */
  @Override
  public String toString() {
    return disruptionId + "@" + documentHash.substring(0, 12);
  }
}
