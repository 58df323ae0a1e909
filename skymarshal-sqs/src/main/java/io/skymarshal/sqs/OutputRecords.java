package io.skymarshal.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.store.DecisionOutcome;
import io.skymarshal.store.StoredDecision;

/**
 * The records the worker publishes to its output queue, as JSON: {@code kind} is
 * {@code decision} or {@code rejected}. Stateless and thread-safe.
 */
final class OutputRecords {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OutputRecords() {}

  static String decision(String messageId, DecisionOutcome outcome) {
    StoredDecision s = outcome.stored();
    ObjectNode n = MAPPER.createObjectNode();
    n.put("kind", "decision").put("messageId", messageId).put("disruptionId", s.key().disruptionId())
        .put("documentHash", s.key().documentHash());
    s.previousHash().ifPresent(p -> n.put("previousHash", p));
    n.put("status", s.status().name()).put("action", s.action()).put("needsReview", s.needsReview())
        .put("source", outcome.source().name()).put("decidedBy", s.decidedBy()).put("decidedAt", s.decidedAt().toString());
    try {
      n.set("decision", MAPPER.readTree(s.json()));
    } catch (JsonProcessingException e) {
      n.put("decisionText", s.json()); // the store keeps it as given: pass it on as text
    }
    return n.toString();
  }

  static String rejected(RejectedDocument r) {
    return MAPPER.createObjectNode().put("kind", "rejected").put("messageId", r.messageId())
        .put("receiveCount", r.receiveCount()).put("maxReceiveCount", r.maxReceiveCount())
        .put("lastDelivery", r.lastDelivery()).put("errorType", r.errorType()).put("error", r.error()).toString();
  }

  /** The redrive policy's {@code maxReceiveCount} (a number or a string of one), or -1 if there is none. */
  static int maxReceiveCount(String redrivePolicy) {
    if (redrivePolicy == null || redrivePolicy.isBlank()) {
      return -1;
    }
    try {
      var v = MAPPER.readTree(redrivePolicy).get("maxReceiveCount");
      return v == null ? -1 : Integer.parseInt(v.asText());
    } catch (JsonProcessingException | NumberFormatException e) {
      return -1;
    }
  }
}
