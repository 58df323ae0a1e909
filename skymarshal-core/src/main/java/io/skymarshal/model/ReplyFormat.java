package io.skymarshal.model;

import java.util.Objects;

/**
 * The structured reply a request asks for: a named JSON object with a JSON Schema. A backend
 * that supports tools (Bedrock Converse) forces a tool of this name and schema and returns the
 * tool's input as the reply text; others put the schema in the prompt. Either way the reply
 * text is the JSON object.
 *
 * @param name       a tool-like name, {@code [a-zA-Z0-9_-]{1,64}}
 * @param jsonSchema the JSON Schema of the object, as JSON text
 */
public record ReplyFormat(String name, String jsonSchema) {

  public ReplyFormat {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jsonSchema, "jsonSchema");
    if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("reply format name must match [a-zA-Z0-9_-]{1,64}: " + name);
    }
  }
}
