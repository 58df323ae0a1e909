package io.skymarshal.testkit.casebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Strict reading of one JSON object of a scenario file: every value is typed, every error names
 * the file and the field's path, and {@link #done()} rejects the fields nobody read, so a
 * misspelt field is an error rather than a silent default.
 */
final class JsonFields {
  private final String source;
  private final String path;
  private final JsonNode node;
  private final Set<String> read = new HashSet<>();

  private JsonFields(String source, String path, JsonNode node) {
    this.source = source;
    this.path = path;
    this.node = node;
  }

  /** The object {@code node} at {@code path} of {@code source}; an error unless it is an object. */
  static JsonFields of(String source, String path, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new CasebookFormatException(source, path, "must be a JSON object but was "
          + (node == null ? "nothing" : node.getNodeType()));
    }
    return new JsonFields(source, path, node);
  }

  String source() {
    return source;
  }

  /** The path of field {@code name} of this object. */
  String pathOf(String name) {
    return path.equals("$") ? name : path + "." + name;
  }

  /** An error about field {@code name}. */
  CasebookFormatException error(String name, String problem) {
    return new CasebookFormatException(source, pathOf(name), problem);
  }

  boolean has(String name) {
    return node.has(name);
  }

  /** The raw value of a required field. */
  JsonNode node(String name) {
    read.add(name);
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw error(name, "is required");
    }
    return v;
  }

  /** The raw value of an optional field; empty when absent (a JSON null counts as given). */
  Optional<JsonNode> optionalNode(String name) {
    read.add(name);
    return Optional.ofNullable(node.get(name));
  }

  String text(String name) {
    return text(name, node(name));
  }

  Optional<String> optionalText(String name) {
    return optionalNode(name).filter(v -> !v.isNull()).map(v -> text(name, v));
  }

  private String text(String name, JsonNode v) {
    if (!v.isTextual() || v.asText().isBlank()) {
      throw error(name, "must be a non-blank string but was " + v);
    }
    return v.asText();
  }

  Instant instant(String name) {
    return instant(name, text(name));
  }

  Optional<Instant> optionalInstant(String name) {
    return optionalText(name).map(s -> instant(name, s));
  }

  private Instant instant(String name, String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeException e) {
      throw error(name, "'" + s + "' is not an ISO-8601 instant with a zone offset, such as 2026-01-30T14:00:00Z");
    }
  }

  long integer(String name, long min, long max) {
    return integer(name, node(name), min, max);
  }

  Optional<Long> optionalInteger(String name, long min, long max) {
    return optionalNode(name).filter(v -> !v.isNull()).map(v -> integer(name, v, min, max));
  }

  private long integer(String name, JsonNode v, long min, long max) {
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
      throw error(name, "must be a whole number in [" + min + ", " + max + "] but was " + v);
    }
    return v.asLong();
  }

  Optional<Double> optionalNumber(String name, double min, double max) {
    return optionalNode(name).filter(v -> !v.isNull()).map(v -> {
      if (!v.isNumber() || !(v.asDouble() >= min && v.asDouble() <= max)) {
        throw error(name, "must be a number in [" + min + ", " + max + "] but was " + v);
      }
      return v.asDouble();
    });
  }

  Optional<Boolean> optionalBoolean(String name) {
    return optionalNode(name).filter(v -> !v.isNull()).map(v -> {
      if (!v.isBoolean()) {
        throw error(name, "must be true or false but was " + v);
      }
      return v.asBoolean();
    });
  }

  /** A required array of strings; empty allowed only when {@code allowEmpty}. */
  List<String> texts(String name, boolean allowEmpty) {
    JsonNode v = node(name);
    if (!v.isArray()) {
      throw error(name, "must be an array of strings but was " + v);
    }
    if (v.isEmpty() && !allowEmpty) {
      throw error(name, "must not be empty");
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode x = v.get(i);
      if (!x.isTextual() || x.asText().isBlank()) {
        throw new CasebookFormatException(source, pathOf(name) + "[" + i + "]", "must be a non-blank string but was " + x);
      }
      out.add(x.asText());
    }
    return out;
  }

  /** A required enum constant, written as its name. */
  <E extends Enum<E>> E constant(String name, Class<E> type) {
    return constant(name, text(name), type);
  }

  <E extends Enum<E>> E constant(String name, String value, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name());
    }
    throw error(name, "'" + value + "' is not one of " + names);
  }

  /** The objects of a required array field, each read strictly. */
  List<JsonFields> objects(String name, boolean allowEmpty) {
    JsonNode v = node(name);
    if (!v.isArray()) {
      throw error(name, "must be an array of objects but was " + v.getNodeType());
    }
    if (v.isEmpty() && !allowEmpty) {
      throw error(name, "must not be empty");
    }
    List<JsonFields> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      out.add(of(source, pathOf(name) + "[" + i + "]", v.get(i)));
    }
    return out;
  }

  /** Rejects the first field not among {@code names}, before any is read. */
  void only(String... names) {
    Set<String> allowed = Set.of(names);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw error(name, "unknown field (known: " + String.join(", ", names) + ")");
      }
    }
  }

  /** Rejects the first field that was never read. */
  void done() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!read.contains(name)) {
        throw error(name, "unknown field");
      }
    }
  }
}
