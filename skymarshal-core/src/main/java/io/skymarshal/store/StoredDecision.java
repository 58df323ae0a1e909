package io.skymarshal.store;

import io.skymarshal.core.Decision;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision as a {@link DecisionStore} keeps it: enough to act on (status, action, review) and
 * the whole decision with its report as {@link io.skymarshal.core.DecisionJson} text. Immutable.
 *
 * @param key            the disruption document decided about
 * @param status         the decision's {@link Decision.Status}
 * @param action         {@link Decision#action()}
 * @param needsReview    {@link Decision#needsReview()}
 * @param json           {@link io.skymarshal.core.DecisionJson#toTree} of the decision, compact
 * @param decidedBy      the owner (instance) whose run made it
 * @param decidedAt      when it was stored, by the store's clock
 * @param previousHash   the document hash of the decision about the same disruption id that this
 *                       one follows (the document changed); empty for the first
 */
public record StoredDecision(DecisionKey key, Decision.Status status, String action, boolean needsReview, String json,
    String decidedBy, Instant decidedAt, Optional<String> previousHash) {

  public StoredDecision {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(previousHash, "previousHash");
  }

  /** Whether a decision was made (DECIDED or DEGRADED). */
  public boolean decided() {
    return status == Decision.Status.DECIDED || status == Decision.Status.DEGRADED;
  }
}
