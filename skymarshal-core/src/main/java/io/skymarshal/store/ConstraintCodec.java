package io.skymarshal.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.skymarshal.core.BindingConstraint;

/**
 * How an agent pack's {@link BindingConstraint}s are written into a phase {@link Checkpoint} and
 * read back, so a resumed run holds the same typed constraints a fresh one would. The airline
 * pack's is {@code BindingConstraints.codec()}. Implementations are stateless and thread-safe.
 */
public interface ConstraintCodec {

  /**
   * The JSON form of {@code constraint}.
   *
   * @throws IllegalArgumentException for a constraint type this codec does not know (the phase is
   *                                  then not checkpointed: a resume runs it again)
   */
  JsonNode toJson(BindingConstraint constraint);

  /**
   * The constraint {@link #toJson} wrote; equal to the original.
   *
   * @throws RuntimeException for a form it cannot read (the checkpoint is then not used: the phase
   *                          runs again)
   */
  BindingConstraint fromJson(JsonNode json);
}
