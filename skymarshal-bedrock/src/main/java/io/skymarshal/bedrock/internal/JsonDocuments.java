package io.skymarshal.bedrock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/**
 * Converts between JSON text and the SDK's {@link Document}, which carries tool schemas out and
 * tool inputs back. Jackson does the parsing so numbers keep their exact decimal form.
 */
public final class JsonDocuments {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonDocuments() {}

  /**
   * Parses JSON text into a document.
   *
   * @throws IllegalArgumentException if {@code json} is not valid JSON
   */
  public static Document parse(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("empty JSON text");
      }
      return toDocument(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /** The document as compact JSON text. */
  public static String toJson(Document document) {
    try {
      return MAPPER.writeValueAsString(toNode(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a document always serializes", e);
    }
  }

  static Document toDocument(JsonNode node) {
    if (node.isObject()) {
      Map<String, Document> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        map.put(f.getKey(), toDocument(f.getValue()));
      }
      return Document.fromMap(map);
    }
    if (node.isArray()) {
      List<Document> list = new ArrayList<>(node.size());
      node.forEach(e -> list.add(toDocument(e)));
      return Document.fromList(list);
    }
    if (node.isTextual()) {
      return Document.fromString(node.textValue());
    }
    if (node.isBoolean()) {
      return Document.fromBoolean(node.booleanValue());
    }
    if (node.isNumber()) {
      return Document.fromNumber(SdkNumber.fromString(node.asText()));
    }
    return Document.fromNull();
  }

  static JsonNode toNode(Document doc) {
    if (doc == null || doc.isNull()) {
      return NODES.nullNode();
    }
    if (doc.isMap()) {
      ObjectNode obj = NODES.objectNode();
      doc.asMap().forEach((k, v) -> obj.set(k, toNode(v)));
      return obj;
    }
    if (doc.isList()) {
      ArrayNode arr = NODES.arrayNode();
      doc.asList().forEach(v -> arr.add(toNode(v)));
      return arr;
    }
    if (doc.isString()) {
      return NODES.textNode(doc.asString());
    }
    if (doc.isBoolean()) {
      return NODES.booleanNode(doc.asBoolean());
    }
    if (doc.isNumber()) {
      return NODES.numberNode(new BigDecimal(doc.asNumber().stringValue()));
    }
    return NODES.nullNode();
  }
}
